import DataLoader from 'dataloader';
import type { ChallengeVotingSnapshot, VoteService } from './vote.service';

const lower = (id: string) => id.toLowerCase();

/** Per-request DataLoaders: one statement per tick each. */
export function createVoteLoaders(votes: VoteService) {
  return {
    /** Challenge.voting: the window and the viewer's votes used; null for a challenge not (yet) known. */
    votingByChallenge: new DataLoader<string, ChallengeVotingSnapshot | null>(
      async (ids) => {
        const found = await votes.votingByChallengeIds(ids);
        return ids.map((id) => found.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
    /** Submission.voteCount (callers resolve it on submissions the viewer may read). */
    voteCountBySubmission: new DataLoader<string, number>(
      async (ids) => {
        const counts = await votes.voteCountsBySubmissionIds(ids);
        return ids.map((id) => counts.get(lower(id)) ?? 0);
      },
      { cacheKeyFn: lower },
    ),
    /** Submission.viewerHasVoted: whether the viewer voted for it. */
    viewerVotedBySubmission: new DataLoader<string, boolean>(
      async (ids) => {
        const voted = await votes.viewerVotedSubmissionIds(ids);
        return ids.map((id) => voted.has(lower(id)));
      },
      { cacheKeyFn: lower },
    ),
  };
}
