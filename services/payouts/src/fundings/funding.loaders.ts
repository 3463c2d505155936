import { isChallengeWithheldFrom, NO_READ_MODEL_WAIT, type OrganizationRoleName, type ReadModelWait } from '@ideagora/events';
import { isUuid } from '@ideagora/subgraph-kit';
import DataLoader from 'dataloader';
import type { ChallengeView } from '../read-models/read-model.entities';
import type { ReadModelService } from '../read-models/read-model.service';
import type { FundingEntity } from './funding.entity';
import type { FundingService } from './funding.service';

/** What this context knows of the viewer and a challenge: who may see it is decided from these (challenge-visibility.ts). */
export interface ViewerChallengeAudience {
  challenge: ChallengeView | null;
  role: OrganizationRoleName | null;
  /**
   * An accepted challenge invitation (JUDGE or PARTICIPANT). Read only where it can change who sees the challenge (no
   * role in the sponsor, and not a published PUBLIC challenge); false elsewhere.
   */
  hasChallengeRole: boolean;
}

export function createFundingLoaders(fundings: FundingService, readModels: ReadModelService, viewerId: string | null, readModel: ReadModelWait = NO_READ_MODEL_WAIT) {
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
  const viewerHasChallengeRole = new DataLoader<string, boolean>(async (ids) => {
    if (!viewerId) return ids.map(() => false);
    const withRole = await readModels.challengesWithRole(viewerId, ids.filter(isUuid));
    return ids.map((id) => withRole.has(id));
  });
  const audienceOf = async (challengeId: string): Promise<ViewerChallengeAudience> => {
    const [challenge, role] = await Promise.all([challengeById.load(challengeId), viewerRoleByChallengeId.load(challengeId)]);
    // An invitation decides nothing for the sponsor's members, nor on a published PUBLIC challenge (everyone's): read
    // only where it does, so a browse page of public challenges costs no statement for it (batched when it does).
    const invitationMatters = !!challenge && !role && !(challenge.visibility === 'PUBLIC' && challenge.published);
    const hasChallengeRole = invitationMatters && (await viewerHasChallengeRole.load(challengeId));
    return { challenge, role: role as OrganizationRoleName | null, hasChallengeRole };
  };
  const withheld = (a: ViewerChallengeAudience) => !!a.challenge && isChallengeWithheldFrom(a.challenge, a.role, a.hasChallengeRole);
  /**
   * The challenge, the viewer's role in its sponsor and whether they hold a role on it by invitation (batched). A
   * published INVITE_ONLY challenge hidden from a signed-in viewer is read again (bounded wait) while their
   * ChallengeRoleChanged may be in flight: an invitee who accepted a moment ago reads it back to back.
   */
  const viewerChallengeAudience = async (challengeId: string): Promise<ViewerChallengeAudience> => {
    const audience = await audienceOf(challengeId);
    if (!viewerId || !withheld(audience)) return audience;
    const hasChallengeRole = await readModel.until(
      async () => (await readModels.challengesWithRole(viewerId, [challengeId])).has(challengeId),
      (has) => !has,
    );
    return { ...audience, hasChallengeRole };
  };
  return {
    fundingByChallengeId: new DataLoader<string, FundingEntity | null>(async (ids) => {
      const latest = await fundings.latestFor(ids);
      return ids.map((id) => latest.get(id) ?? null);
    }),
    challengeById,
    /** The viewer's role in the organization sponsoring each challenge (one query per request). */
    viewerRoleByChallengeId,
    viewerChallengeAudience,
    /** Is this challenge withheld from the viewer for good (isChallengeWithheldFrom)? What entity references go by. */
    challengeWithheldFromViewer: async (challengeId: string): Promise<boolean> => withheld(await viewerChallengeAudience(challengeId)),
  };
}
export type FundingLoaders = ReturnType<typeof createFundingLoaders>;
