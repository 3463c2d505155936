import { type EventPayloads } from '@ideagora/events';
import { pgArray } from '@ideagora/db';
import { isUuid } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { queueSettlement } from '../settlements/settlement.service';
import { requestHash } from './award-request.domain';
import { insertRequest, lockChallengeForAwards, writeAwards } from './award.service';
import { decideCommunityChoice } from './community-choice.domain';

/** The award_request key of the vote's automatic awards: one per challenge (unique with it). */
export const COMMUNITY_CHOICE_REQUEST_KEY = 'community-choice';

/** Statuses in which the vote cannot be applied yet: the view is behind (DRAFT, unknown) or a cancellation is being decided. */
const NOT_YET = new Set(['DRAFT', 'CANCELLING']);
/** Ended by its awards: the settlement was waiting for the vote (see the ChallengeChanged handler). */
const AWARDED = new Set(['AWARDED', 'CLOSED']);

export class VoteBeforeChallengeViewError extends Error {
  constructor(challengeId: string, status: string | null) {
    super(`VotingRankingFixed for challenge ${challengeId} arrived while payouts' view is ${status ?? 'unknown'}; retried later`);
  }
}

/** The ranking names submissions payouts has not heard of: SubmissionCreated events in flight (retried later). */
export class VoteBeforeSubmissionViewError extends Error {
  constructor(challengeId: string, missing: number) {
    super(`VotingRankingFixed for challenge ${challengeId}: payouts does not know ${missing} of the ranked submissions yet; retried later`);
  }
}

/**
 * VotingRankingFixed (voting closed): under challenge_view's row lock, once per challenge (`vote_concluded_at`),
 * awards the community-choice prizes from the vote (decideCommunityChoice) through the same code as awardPrizes and
 * the judging deadline (writeAwards: automatic, no awarder, payouts through the payout queue). Waits (redelivery)
 * until payouts knows every ranked submission, and while its view is behind or a cancellation is being decided. A
 * cancelled challenge gets nothing (its settlement refunds everything). An AWARDED challenge's settlement, held back
 * until now, is queued. Applied again (at-least-once delivery), it finds `vote_concluded_at` set and does nothing.
 */
export async function concludeVoting(em: EntityManager, event: EventPayloads['VotingRankingFixed']): Promise<{ automaticAwards: number } | null> {
  const challenge = await lockChallengeForAwards(em, event.challengeId);
  if (!challenge || NOT_YET.has(challenge.status)) throw new VoteBeforeChallengeViewError(event.challengeId, challenge?.status ?? null);
  if (challenge.voteConcluded) return null;

  let places: { prizeRank: number; submissionId: string; amountMinor: bigint }[] = [];
  if (challenge.status !== 'CANCELLED') {
    const ranking = event.ranking.filter((r) => isUuid(r.submissionId));
    const byVote = challenge.prizes.filter((p) => p.communityChoice).map((p) => String(p.rank));
    const [known] = await em.getConnection().execute<{ community_awarded: string[]; submissions: string[]; missing: number; settling: boolean }[]>(
      `select (select coalesce(array_agg(distinct submission_id::text), '{}') from award where challenge_id = ? and prize_rank = any(?::int[])) as community_awarded,
              (select coalesce(array_agg(id::text order by id), '{}') from submission_view where challenge_id = ?) as submissions,
              (select count(*)::int from unnest(?::uuid[]) as r(id) where not exists (select 1 from submission_view s where s.id = r.id)) as missing,
              exists (select 1 from settlement where challenge_id = ?) as settling`,
      [challenge.id, pgArray(byVote), challenge.id, pgArray(ranking.map((r) => r.submissionId)), challenge.id],
      'all',
      em.getTransactionContext(),
    );
    if (known!.missing > 0) throw new VoteBeforeSubmissionViewError(challenge.id, known!.missing);
    const decided = decideCommunityChoice({
      guaranteed: challenge.guaranteed,
      prizes: challenge.prizes.map((p) => ({ ...p, awarded: challenge.awarded.get(p.rank) ?? 0 })),
      ranking,
      submissions: known!.submissions,
      communityAwarded: new Set(known!.community_awarded),
    });
    // Unfunded: no escrow to award from. Already settling (a challenge that ended before this rule existed): its
    // escrow may be refunded, so nothing is taken from it.
    if (challenge.funded && !known!.settling) places = decided.map(({ prizeRank, submissionId, amountMinor }) => ({ prizeRank, submissionId, amountMinor }));
  }
  if (places.length > 0) {
    const requestId = await insertRequest(em, challenge.id, COMMUNITY_CHOICE_REQUEST_KEY, requestHash(places), null, places.length);
    await writeAwards(em, challenge, { places, awardedBy: null, requestId, report: 'batch' });
  }
  await em.getConnection().execute(`update challenge_view set vote_concluded_at = now() where id = ?`, [challenge.id], 'run', em.getTransactionContext());
  if (AWARDED.has(challenge.status)) await queueSettlement(em, challenge.id, 'AWARDED');
  return { automaticAwards: places.length };
}
