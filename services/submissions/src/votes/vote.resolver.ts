import { pageSize, requiredId, requireUser, toConnection } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { SubmissionsContext } from '../context';
import { ChallengeRef } from '../external/challenge.stub';
import { decodeSubmissionCursor, encodeSubmissionCursor } from '../submissions/submission.cursor';
import { SubmissionNotFoundError } from '../submissions/submission.errors';
import { SubmissionType } from '../submissions/submission.type';
import { isVotingOpen, VOTES_PER_VOTER } from './vote.domain';
import { CastVoteInput, WithdrawVoteInput } from './vote.inputs';
import { mayReadFlaggedVotes } from './vote.service';
import { CastVotePayload, ChallengeVotingType, FlaggedVoteConnection, FlaggedVoteType, VoteType, WithdrawVotePayload } from './vote.type';

@Resolver()
export class VoteResolver {
  @Mutation(() => CastVotePayload, {
    description:
      "Votes for a public entry while the challenge's voting is open (FAILED_PRECONDITION else, and for an account younger than VOTE_MIN_ACCOUNT_AGE_HOURS). 3 votes per voter per challenge, one per entry (CONFLICT on submissionId); never for one's own or one's team's entry, nor by the sponsor's members (FORBIDDEN); an entry that is not public is NOT_FOUND. A vote the fraud rules flag is kept but not counted (Challenge.flaggedVotes).",
  })
  async castVote(@Arg('input', () => CastVoteInput) input: CastVoteInput, @Ctx() ctx: SubmissionsContext): Promise<CastVotePayload> {
    const voterId = requireUser(ctx.identity);
    const submissionId = requiredId(input.submissionId, 'submissionId');
    const { voteId } = await ctx.votes.castVote(voterId, submissionId);
    return Object.assign(new CastVotePayload(), { vote: VoteType.of(voteId), submission: await votedSubmission(ctx, submissionId) });
  }

  @Mutation(() => WithdrawVotePayload, { description: 'Withdraws the viewer\'s vote for an entry (its vote is given back), only while voting is open.' })
  async withdrawVote(@Arg('input', () => WithdrawVoteInput) input: WithdrawVoteInput, @Ctx() ctx: SubmissionsContext): Promise<WithdrawVotePayload> {
    const voterId = requireUser(ctx.identity);
    const submissionId = requiredId(input.submissionId, 'submissionId');
    await ctx.votes.withdrawVote(voterId, submissionId);
    return Object.assign(new WithdrawVotePayload(), { submission: await votedSubmission(ctx, submissionId) });
  }
}

/** The entry after the vote, read again (its voteCount as committed). */
async function votedSubmission(ctx: SubmissionsContext, submissionId: string): Promise<SubmissionType> {
  const found = await ctx.loaders.visibleSubmissionById.load(submissionId);
  if (!found) throw new SubmissionNotFoundError(submissionId);
  return SubmissionType.from(found);
}

@Resolver(() => SubmissionType)
export class SubmissionVotesResolver {
  @FieldResolver(() => Int, { description: 'Its counted votes (flagged votes are not counted).' })
  async voteCount(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<number> {
    return ctx.loaders.voteCountBySubmission.load(submission.id);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the viewer voted for it (withdrawVote takes the vote back); null when signed out.' })
  async viewerHasVoted(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<boolean | null> {
    if (!ctx.identity.userId) return null;
    return ctx.loaders.viewerVotedBySubmission.load(submission.id);
  }
}

@Resolver(() => ChallengeRef)
export class ChallengeVotesResolver {
  @FieldResolver(() => ChallengeVotingType, { nullable: true, description: 'The public vote: its window, whether it is open, the viewer\'s votes left; null when the challenge has no vote.' })
  async voting(@Root() challenge: ChallengeRef, @Ctx() ctx: SubmissionsContext): Promise<ChallengeVotingType | null> {
    const [access, voting] = await Promise.all([ctx.loaders.challengeAccess.load(challenge.id), ctx.loaders.votingByChallenge.load(challenge.id)]);
    if (!access || access.withheld || !voting?.votingStartsAt || !voting.votingEndsAt) return null;
    return Object.assign(new ChallengeVotingType(), {
      startsAt: voting.votingStartsAt,
      endsAt: voting.votingEndsAt,
      isOpen: isVotingOpen(voting, new Date()),
      viewerVotesLeft: ctx.identity.userId ? VOTES_PER_VOTER - voting.votesUsed : null,
    });
  }

  @FieldResolver(() => FlaggedVoteConnection, {
    nullable: true,
    description: "Votes the fraud rules flagged (kept, not counted), oldest first. The sponsor's OWNERs and ADMINs only; null for anyone else.",
  })
  async flaggedVotes(
    @Root() challenge: ChallengeRef,
    @Ctx() ctx: SubmissionsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<FlaggedVoteConnection | null> {
    const limit = pageSize(first);
    const cursor = decodeSubmissionCursor(after);
    if (!ctx.identity.userId) return null;
    const access = await ctx.loaders.challengeAccess.load(challenge.id);
    if (!mayReadFlaggedVotes(access?.role)) return null;
    const rows = await ctx.votes.flaggedPage(challenge.id, limit, cursor);
    return FlaggedVoteConnection.of(toConnection(rows, limit, (v) => encodeSubmissionCursor(v.createdAt, v.id), FlaggedVoteType.from));
  }
}

@Resolver(() => FlaggedVoteType)
export class FlaggedVoteResolver {
  @FieldResolver(() => SubmissionType, { nullable: true })
  async submission(@Root() vote: FlaggedVoteType, @Ctx() ctx: SubmissionsContext): Promise<SubmissionType | null> {
    const found = await ctx.loaders.readableSubmissionById.load(vote.submissionId);
    return found ? SubmissionType.from(found) : null;
  }
}
