import { challengeAudienceOf, recordEvent, type EventHandlers, type EventPayloads } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { concludeVoting } from '../awards/community-choice.service';
import { concludeJudging } from '../awards/judging-deadline.service';
import { queueSettlement } from '../settlements/settlement.service';

/**
 * Upserts guarded by version: an event older than the row held changes nothing, so redelivery and
 * reordering are harmless.
 */
export const readModelHandlers: EventHandlers = {
  ChallengeChanged: async (em: EntityManager, p) => {
    const audience = challengeAudienceOf(p);
    const applied: { vote_concluded: boolean }[] = await em.getConnection().execute(
      `insert into challenge_view (id, organization_id, status, currency, submission_deadline, prizes, visibility, published, title,
         guaranteed, judging_deadline, judging_closed, version)
       values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
       on conflict (id) do update set organization_id = excluded.organization_id, status = excluded.status,
         currency = excluded.currency, submission_deadline = excluded.submission_deadline, prizes = excluded.prizes,
         visibility = excluded.visibility, published = excluded.published,
         title = coalesce(excluded.title, challenge_view.title), guaranteed = excluded.guaranteed,
         judging_deadline = coalesce(excluded.judging_deadline, challenge_view.judging_deadline),
         judging_closed = excluded.judging_closed or challenge_view.judging_closed, version = excluded.version
       where challenge_view.version < excluded.version
       returning vote_concluded_at is not null as vote_concluded`,
      [
        p.id,
        p.organizationId,
        p.status,
        p.currency,
        p.submissionDeadline,
        JSON.stringify(p.prizes),
        audience.visibility,
        audience.published,
        p.title ?? null,
        p.guaranteed ?? false,
        p.judgingDeadline ?? null,
        p.judgingClosed ?? false,
        p.version,
      ],
      'all',
      em.getTransactionContext(),
    );
    // A challenge that ended has money to settle (refund the unawarded part, or all of it when cancelled). An awarded
    // one whose community-choice prize waits for the vote is settled once the vote is applied (concludeVoting queues
    // it): its money is not refunded before. Both take this row's lock, so exactly one of them sees the other.
    if (applied.length > 0 && p.status === 'CANCELLED') await queueSettlement(em, p.id, p.status);
    if (applied.length > 0 && p.status === 'AWARDED' && !awaitsVote(p, applied[0]!.vote_concluded)) await queueSettlement(em, p.id, p.status);
    if (applied.length > 0 && p.status === 'CANCELLING') await answerCancellation(em, p.id, p.version);
  },
  // The split in force for an award to the team: the latest agreed version (an award records the one it paid).
  TeamSplitAgreed: async (em: EntityManager, p) => {
    await em.getConnection().execute(
      `insert into team_split_view (team_id, challenge_id, split_version, shares) values (?, ?, ?, ?::jsonb)
       on conflict (team_id) do update set challenge_id = excluded.challenge_id, split_version = excluded.split_version, shares = excluded.shares
       where team_split_view.split_version < excluded.split_version`,
      [p.teamId, p.challengeId, p.splitVersion, JSON.stringify(p.shares.map((s) => ({ userId: s.userId, basisPoints: s.basisPoints, weight: s.weight })))],
      'run',
      em.getTransactionContext(),
    );
  },
  // The judging deadline passed: decide what is left of a guaranteed pool (once), then JudgingConcluded.
  JudgingRankingFixed: async (em: EntityManager, p) => {
    await concludeJudging(em, p);
  },
  // Voting closed: award the community-choice prizes from the vote (once).
  VotingRankingFixed: async (em: EntityManager, p) => {
    await concludeVoting(em, p);
  },
  MembershipChanged: async (em: EntityManager, p) => {
    await em.getConnection().execute(
      `insert into membership_view (organization_id, user_id, role, version) values (?, ?, ?, ?)
       on conflict (organization_id, user_id) do update set role = excluded.role, version = excluded.version
       where membership_view.version < excluded.version`,
      [p.organizationId, p.userId, p.role, p.version],
      'run',
      em.getTransactionContext(),
    );
  },
  // An invited participant or judge accepted (granted) or lost the role: they read the challenge's funding and prizes.
  ChallengeRoleChanged: async (em: EntityManager, p) => {
    await em.getConnection().execute(
      `insert into challenge_role_view (challenge_id, user_id, role, granted, version, updated_at) values (?, ?, ?, ?, ?, now())
       on conflict (challenge_id, user_id, role) do update set granted = excluded.granted, version = excluded.version, updated_at = now()
       where challenge_role_view.version <= excluded.version`,
      [p.challengeId, p.userId, p.role, p.granted === true, p.version ?? 0],
      'run',
      em.getTransactionContext(),
    );
  },
  SubmissionCreated: async (em: EntityManager, p) => {
    await em.getConnection().execute(
      `insert into submission_view (id, challenge_id, author_id, team_id, version) values (?, ?, ?, ?, ?)
       on conflict (id) do update set version = excluded.version, team_id = coalesce(excluded.team_id, submission_view.team_id)
       where submission_view.version < excluded.version`,
      [p.id, p.challengeId, p.authorId, p.teamId ?? null, p.version],
      'run',
      em.getTransactionContext(),
    );
  },
};

/** A community-choice prize whose vote payouts has not applied yet (VotingRankingFixed): its money must stay in escrow. */
function awaitsVote(challenge: EventPayloads['ChallengeChanged'], voteConcluded: boolean): boolean {
  return !voteConcluded && challenge.prizes.some((prize) => prize.communityChoice === true);
}

/**
 * A judging challenge is being cancelled: payouts decides, because it is where awards are made. The upsert above
 * holds challenge_view's row lock until this transaction commits, and every award path locks that row `for update`
 * (lockChallengeForAwards): an award that committed first is seen here (rejected), and an award attempted after sees
 * CANCELLING (refused).
 * Either the cancellation or the award wins, never both.
 */
async function answerCancellation(em: EntityManager, challengeId: string, requestVersion: number): Promise<void> {
  const awards: unknown[] = await em.getConnection().execute(`select 1 from award where challenge_id = ? limit 1`, [challengeId], 'all', em.getTransactionContext());
  if (awards.length === 0) recordEvent(em, 'ChallengeCancellationConfirmed', { challengeId, requestVersion });
  else recordEvent(em, 'ChallengeCancellationRejected', { challengeId, requestVersion, reason: 'A prize was awarded before the cancellation' });
}
