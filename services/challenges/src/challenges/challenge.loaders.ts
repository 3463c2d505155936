import { emptyConnection, type ConnectionShape } from '@ideagora/subgraph-kit';
import DataLoader from 'dataloader';
import { OrganizationRole } from '../organizations/organization.domain';
import type { MembershipEntity, OrganizationEntity, OrganizationInvitationEntity } from '../organizations/organization.entity';
import type { OrganizationService } from '../organizations/organization.service';
import { isPublic } from './challenge.domain';
import type { ChallengeEntity, PrizeEntity } from './challenge.entity';
import type { ChallengeService } from './challenge.service';

/**
 * Per-request loaders: each batches the keys asked for in one tick into one `$in` query, so the number of
 * statements of a request does not depend on the number of rows it returns.
 */
export function createLoaders(
  viewerId: string | null,
  challenges: ChallengeService,
  organizations: OrganizationService,
  /** Whether the viewer holds a pending or accepted invitation to the challenge (a DataLoader of the invitations). */
  isInvited: (challengeId: string) => Promise<boolean> = async () => false,
) {
  const organizationById = new DataLoader<string, OrganizationEntity | null>(async (ids) => {
    const found = new Map((await organizations.findByIds(ids)).map((o) => [o.id, o]));
    return ids.map((id) => found.get(id) ?? null);
  });

  /** The viewer's role in each organization (null: not a member, or anonymous, without a query). */
  const viewerRoleByOrganizationId = new DataLoader<string, OrganizationRole | null>(async (ids) => {
    if (!viewerId) return ids.map(() => null);
    const roles = await organizations.rolesOf(viewerId, ids);
    return ids.map((id) => roles.get(id) ?? null);
  });

  /** Members of each organization, no visibility check (the field resolver shows them to members only). */
  const membersByOrganizationId = groupedLoader((ids) => organizations.membersOf(ids), (m: MembershipEntity) => m.organizationId);

  /** Pending invitations of each organization, no visibility check (the field resolver shows them to OWNERs and ADMINs). */
  const invitationsByOrganizationId = groupedLoader((ids) => organizations.invitationsTo(ids), (i: OrganizationInvitationEntity) => i.organizationId);

  /** Raw rows, no visibility check: use `visibleChallenge`. */
  const challengeById = new DataLoader<string, ChallengeEntity | null>(async (ids) => {
    const found = new Map((await challenges.findByIds(ids)).map((c) => [c.id, c]));
    return ids.map((id) => found.get(id) ?? null);
  });

  const prizesByChallengeId = groupedLoader((ids) => challenges.prizesOf(ids), (p: PrizeEntity) => p.challengeId);

  /**
   * The challenge if the viewer may see it (published PUBLIC, a member of its organization, or invited to it once it
   * is published: a draft is the sponsor's business even for its judges), else null.
   */
  async function visibleChallenge(id: string): Promise<ChallengeEntity | null> {
    const challenge = await challengeById.load(id);
    if (!challenge) return null;
    if (isPublic(challenge)) return challenge;
    if (await viewerRoleByOrganizationId.load(challenge.organizationId)) return challenge;
    if (challenge.publishedAt == null) return null;
    return (await isInvited(challenge.id)) ? challenge : null;
  }

  /** After a mutation: later reads in the same request see the committed state. */
  function primeChallenge(challenge: ChallengeEntity, prizes?: PrizeEntity[]): void {
    challengeById.clear(challenge.id).prime(challenge.id, challenge);
    if (prizes) prizesByChallengeId.clear(challenge.id).prime(challenge.id, prizes);
  }

  /**
   * Organization.challenges: one loader per page size and cursor (the arguments of one field in a list of
   * organizations are the same), each batching its organizations into one statement.
   */
  const organizationPageLoaders = new Map<string, DataLoader<string, ConnectionShape<ChallengeEntity>>>();
  function organizationChallenges(limit: number, after: string | null): DataLoader<string, ConnectionShape<ChallengeEntity>> {
    const key = JSON.stringify([limit, after]);
    let loader = organizationPageLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const pages = await challenges.organizationPages(viewerId, ids, limit, after);
        return ids.map((id) => pages.get(id.toLowerCase()) ?? emptyConnection<ChallengeEntity>());
      });
      organizationPageLoaders.set(key, loader);
    }
    return loader;
  }

  function primeRole(organizationId: string, role: OrganizationRole | null): void {
    viewerRoleByOrganizationId.clear(organizationId).prime(organizationId, role);
    membersByOrganizationId.clear(organizationId); // a mutation changed them: read again if asked
    invitationsByOrganizationId.clear(organizationId);
  }

  return {
    organizationById,
    viewerRoleByOrganizationId,
    membersByOrganizationId,
    invitationsByOrganizationId,
    challengeById,
    prizesByChallengeId,
    visibleChallenge,
    organizationChallenges,
    primeChallenge,
    primeRole,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A loader of the rows belonging to each key, fetched for all keys in one query (in the query's order). */
export function groupedLoader<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const byKey = new Map<string, T[]>();
    for (const row of await fetch(keys)) {
      const list = byKey.get(keyOf(row));
      if (list) list.push(row);
      else byKey.set(keyOf(row), [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
