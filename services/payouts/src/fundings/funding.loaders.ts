import { isChallengeWithheldFrom, type OrganizationRoleName } from '@ideagora/events';
import { isUuid } from '@ideagora/subgraph-kit';
import DataLoader from 'dataloader';
import type { ReadModelService } from '../read-models/read-model.service';
import type { FundingEntity } from './funding.entity';
import type { FundingService } from './funding.service';

export function createFundingLoaders(fundings: FundingService, readModels: ReadModelService, viewerId: string | null) {
  const challengeById = new DataLoader(async (ids: readonly string[]) => {
    const found = new Map((await readModels.challenges(ids.filter(isUuid))).map((c) => [c.id, c]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const viewerRoleByChallengeId = new DataLoader<string, string | null>(async (ids) => {
    if (!viewerId) return ids.map(() => null);
    const challenges = (await challengeById.loadMany(ids)).map((c) => (c instanceof Error ? null : c));
    const organizationIds = [...new Set(challenges.flatMap((c) => (c ? [c.organizationId] : [])))];
    const roles = organizationIds.length ? await readModels.rolesOf(viewerId, organizationIds) : new Map<string, string>();
    return challenges.map((c) => (c ? (roles.get(c.organizationId) ?? null) : null));
  });
  return {
    fundingByChallengeId: new DataLoader<string, FundingEntity | null>(async (ids) => {
      const latest = await fundings.latestFor(ids);
      return ids.map((id) => latest.get(id) ?? null);
    }),
    challengeById,
    /** The viewer's role in the organization sponsoring each challenge (one query per request). */
    viewerRoleByChallengeId,
    /**
     * Is this challenge withheld from the viewer for good (isChallengeWithheldFrom: a published INVITE_ONLY challenge of
     * another organization)? What entity references go by. Batched through the two loaders above.
     */
    challengeWithheldFromViewer: async (challengeId: string): Promise<boolean> => {
      const [challenge, role] = await Promise.all([challengeById.load(challengeId), viewerRoleByChallengeId.load(challengeId)]);
      return !!challenge && isChallengeWithheldFrom(challenge, role as OrganizationRoleName | null);
    },
  };
}
export type FundingLoaders = ReturnType<typeof createFundingLoaders>;
