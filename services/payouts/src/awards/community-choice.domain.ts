import { fillPrizePlaces, type AutomaticAward, type DeadlinePrize } from './judging-deadline.domain';

/** A submission's place in the public vote (VotingRankingFixed), most votes first. */
export interface VoteRank {
  submissionId: string;
  voteCount: number;
}

export interface CommunityChoiceFacts {
  /** The whole pool is paid out: places left without a voted submission are shared, not refunded. */
  guaranteed: boolean;
  /** The challenge's prizes: only the community-choice ones are decided here. */
  prizes: readonly DeadlinePrize[];
  /** The vote's ranking, in its order (most votes first). */
  ranking: readonly VoteRank[];
  /** Every submission of the challenge payouts knows (submission_view), oldest first. */
  submissions: readonly string[];
  /** Submissions already holding a community-choice award. */
  communityAwarded: ReadonlySet<string>;
}

/**
 * What the end of the vote decides: each community-choice prize's remaining places, prize by prize in rank order, go
 * to the ranking's submissions in its order, passing over those without a vote (voteCount 0) and those already
 * holding a community-choice award (a submission wins one community-choice place at most). Places left without a
 * voted submission: nothing (their money is refunded at settlement), unless the challenge is guaranteed, where their
 * money is shared as the judging deadline shares it (among every submission not holding a community-choice award).
 * The judges' prizes are not touched.
 */
export function decideCommunityChoice(facts: CommunityChoiceFacts): AutomaticAward[] {
  const voted = facts.ranking.filter((r) => Number.isFinite(r.voteCount) && r.voteCount > 0).map((r) => r.submissionId);
  return fillPrizePlaces(
    {
      prizes: facts.prizes.filter((p) => p.communityChoice),
      ranking: voted,
      shortlist: [],
      submissions: facts.submissions,
      awardedSubmissions: facts.communityAwarded,
    },
    { share: facts.guaranteed },
  );
}
