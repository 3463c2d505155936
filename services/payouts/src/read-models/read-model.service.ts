import { isChallengeVisibleTo, type OrganizationRoleName } from '@ideagora/events';
import { ForbiddenError, NotFoundError } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChallengeRoleView, ChallengeView, MembershipView } from './read-model.entities';
import { findForRead } from '@ideagora/db';
import type { SponsorCommandFacts } from './read-your-writes';

/** Facts from other contexts, as this context's read models hold them (never their tables, never a call). */
export class ReadModelService {
  constructor(private readonly em: EntityManager) {}

  async challenge(challengeId: string): Promise<ChallengeView | null> {
    return this.em.findOne(ChallengeView, { id: challengeId });
  }

  async roleOf(organizationId: string, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const membership = await this.em.findOne(MembershipView, { organizationId, userId });
    return membership?.role ?? null;
  }

  /**
   * What fundChallenge and awardPrize check, in one statement outside their transaction (read-your-writes).
   * `keyOrganizationId`: the organization of the caller's API key, when the caller is one (its signed identity).
   */
  async sponsorCommandFacts(challengeId: string, userId: string, submissionId?: string, keyOrganizationId?: string): Promise<SponsorCommandFacts> {
    const [row] = await this.em.execute<
      { status: string; organization_id: string; role: string | null; organization_known: boolean; submission_known: boolean | null; team_split_known: boolean | null }[]
    >(
      `select c.status, c.organization_id, m.role,
         exists (select 1 from membership_view o where o.organization_id = c.organization_id) as organization_known,
         case when ?::uuid is null then null else exists (select 1 from submission_view s where s.id = ?::uuid) end as submission_known,
         (select exists (select 1 from team_split_view t where t.team_id = s.team_id) from submission_view s
           where s.id = ?::uuid and s.team_id is not null) as team_split_known
       from challenge_view c
       left join membership_view m on m.organization_id = c.organization_id and m.user_id = ?
       where c.id = ?`,
      [submissionId ?? null, submissionId ?? null, submissionId ?? null, userId, challengeId],
    );
    if (!row) return { challengeStatus: null, role: null, organizationKnown: false };
    return {
      challengeStatus: row.status,
      role: row.role,
      organizationKnown: row.organization_known,
      submissionKnown: row.submission_known ?? undefined,
      teamSplitKnown: row.team_split_known ?? undefined,
      sponsorKeyUnknown: keyOrganizationId !== undefined && keyOrganizationId === row.organization_id && row.role === null,
    };
  }

  /**
   * The sponsor's OWNER/ADMIN, from the membership read model fed by challenges' events. A challenge the caller may
   * not see (another organization's draft or INVITE_ONLY challenge) is NOT_FOUND, as in the challenges context.
   */
  async requireSponsorAdmin(challengeId: string, userId: string): Promise<ChallengeView> {
    const challenge = await this.challenge(challengeId);
    if (!challenge) throw new NotFoundError('Challenge', challengeId);
    const role = await this.roleOf(challenge.organizationId, userId);
    if (!isChallengeVisibleTo(challenge, role as OrganizationRoleName | null)) throw new NotFoundError('Challenge', challengeId);
    if (role !== 'OWNER' && role !== 'ADMIN') throw new ForbiddenError('Only the sponsor’s owners and admins can do this');
    return challenge;
  }

  /** Batched for DataLoaders: the viewer's role in each organization. */
  async rolesOf(userId: string, organizationIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await findForRead(this.em, MembershipView, { userId, organizationId: { $in: [...organizationIds] }, role: { $ne: null } });
    return new Map(rows.map((r) => [r.organizationId, r.role as string]));
  }

  /** Of these challenges, those on which the user holds a granted role (an accepted invitation): one statement. */
  async challengesWithRole(userId: string, challengeIds: readonly string[]): Promise<Set<string>> {
    if (challengeIds.length === 0) return new Set();
    const rows = await findForRead(this.em, ChallengeRoleView, { userId, challengeId: { $in: [...challengeIds] }, granted: true });
    return new Set(rows.map((r) => r.challengeId));
  }

  async challenges(ids: readonly string[]): Promise<ChallengeView[]> {
    return findForRead(this.em, ChallengeView, { id: { $in: [...ids] } });
  }
}
