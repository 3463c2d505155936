import { recordEvent, type EventPayloads } from '@ideagora/events';
import { pgArray } from '@ideagora/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requestHash } from './award-request.domain';
import { insertRequest, lockChallengeForAwards, writeAwards } from './award.service';
import { decideJudgingDeadline } from './judging-deadline.domain';

/** The award_request key of the judging deadline's automatic awards: one per challenge (unique with it). */
export const JUDGING_DEADLINE_REQUEST_KEY = 'judging-deadline';

/** Statuses before judging: payouts' view is behind the event (retried later), not past it. */
const BEFORE_JUDGING = new Set(['DRAFT', 'OPEN']);

export class ChallengeViewBehindError extends Error {
  constructor(challengeId: string, status: string | null) {
    super(`JudgingRankingFixed for challenge ${challengeId} arrived before payouts saw it judging (view: ${status ?? 'unknown'}); retried later`);
  }
}

/** The ranking names more submissions than payouts has heard of: SubmissionCreated events in flight (retried later). */
export class SubmissionViewBehindError extends Error {
  constructor(challengeId: string, known: number, expected: number) {
    super(`JudgingRankingFixed for challenge ${challengeId}: payouts knows ${known} of its ${expected} submissions; retried later`);
  }
}

/**
 * JudgingRankingFixed (the judging deadline passed): under challenge_view's row lock, once per challenge
 * (`concluded_at`), decides what is left undecided (decideJudgingDeadline) and awards it through the same code as
 * awardPrizes (writeAwards: automatic, no awarder, payouts through the payout queue), then answers JudgingConcluded
 * so challenges moves the challenge to AWARDED (and the settlement refunds what is left). Applied again (at-least-once
 * delivery, or a second ranking), it finds `concluded_at` set and does nothing. In the event's transaction.
 */
export async function concludeJudging(em: EntityManager, event: EventPayloads['JudgingRankingFixed']): Promise<{ automaticAwards: number } | null> {
  const challenge = await lockChallengeForAwards(em, event.challengeId);
  if (!challenge || BEFORE_JUDGING.has(challenge.status)) throw new ChallengeViewBehindError(event.challengeId, challenge?.status ?? null);
  if (challenge.status !== 'JUDGING' || challenge.concluded) return null; // ended otherwise (cancelled), or done already

  // The vote's awards do not take a submission out of the judges' places (nor the other way round, see concludeVoting).
  const byVote = challenge.prizes.filter((p) => p.communityChoice).map((p) => String(p.rank));
  const [known] = await em.getConnection().execute<{ awarded: string[]; submissions: string[] }[]>(
    `select (select coalesce(array_agg(distinct submission_id::text), '{}') from award where challenge_id = ? and prize_rank <> all(?::int[])) as awarded,
            (select coalesce(array_agg(id::text order by id), '{}') from submission_view where challenge_id = ?) as submissions`,
    [challenge.id, pgArray(byVote), challenge.id],
    'all',
    em.getTransactionContext(),
  );
  // Every submission counts (the ranking's, the shortlist's, and "all" for the shares): wait for those in flight.
  if (event.submissionCount !== undefined && known!.submissions.length < event.submissionCount) {
    throw new SubmissionViewBehindError(challenge.id, known!.submissions.length, event.submissionCount);
  }
  const decided = decideJudgingDeadline({
    guaranteed: challenge.guaranteed,
    prizes: challenge.prizes.map((p) => ({ ...p, awarded: challenge.awarded.get(p.rank) ?? 0 })), // community-choice ones left alone
    ranking: event.ranking,
    shortlist: event.shortlist,
    submissions: known!.submissions,
    awardedSubmissions: new Set(known!.awarded),
  });
  // An unfunded challenge has no escrow to award from: nothing to decide (it cannot be JUDGING and guaranteed unfunded
  // in practice; this keeps the handler from failing for ever).
  const places = challenge.funded ? decided.map(({ prizeRank, submissionId, amountMinor }) => ({ prizeRank, submissionId, amountMinor })) : [];
  if (places.length > 0) {
    const requestId = await insertRequest(em, challenge.id, JUDGING_DEADLINE_REQUEST_KEY, requestHash(places), null, places.length);
    await writeAwards(em, challenge, { places, awardedBy: null, requestId, report: 'batch' });
  }
  await em
    .getConnection()
    .execute(`update challenge_view set concluded_at = now(), judging_closed = true where id = ?`, [challenge.id], 'run', em.getTransactionContext());
  recordEvent(em, 'JudgingConcluded', { challengeId: challenge.id, automaticAwards: places.length });
  return { automaticAwards: places.length };
}
