import { pageSize, requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Float, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { SubmissionsContext } from '../context';
import { ChallengeRef } from '../external/challenge.stub';
import { UserRef } from '../external/user.stub';
import { isSubmissionReviewer } from '../submissions/submission.policy';
import { SubmissionType } from '../submissions/submission.type';
import { ScoreSubmissionInput } from './judging.inputs';
import {
  JudgeProgressType,
  JudgingBoardType,
  JudgingRankingConnection,
  ScoreCardType,
  ScoreSubmissionPayload,
  SubmissionFeedbackType,
} from './judging.type';

@Resolver(() => SubmissionType)
export class SubmissionJudgingResolver {
  @Mutation(() => ScoreSubmissionPayload, {
    description:
      "Scores a submission in the current round: an accepted judge of the challenge or the sponsor's OWNER/ADMIN, while it is JUDGING and its judging deadline has not passed (FAILED_PRECONDITION otherwise; round 2: finalists only). One card per (judge, submission, round), replaced when sent again. Every criterion exactly once, 0..10 with at most one decimal (BAD_USER_INPUT scores); comment at most 2,000 characters. Anyone else: FORBIDDEN; a submission the caller cannot see: NOT_FOUND.",
  })
  async scoreSubmission(@Arg('input', () => ScoreSubmissionInput) input: ScoreSubmissionInput, @Ctx() ctx: SubmissionsContext): Promise<ScoreSubmissionPayload> {
    const judgeId = requireUser(ctx.identity);
    const card = await ctx.judging.score(judgeId, requiredId(input.submissionId, 'submissionId'), input.scores, input.comment);
    return Object.assign(new ScoreSubmissionPayload(), { scoreCard: ScoreCardType.from(card) });
  }

  @FieldResolver(() => ScoreCardType, { nullable: true, description: "The viewer's own score card of this submission in the current round (null: none yet, or not a judge)." })
  async viewerScoreCard(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<ScoreCardType | null> {
    if (!ctx.identity.userId) return null;
    const card = await ctx.loaders.viewerScoreCardBySubmission.load(submission.id);
    return card ? ScoreCardType.from(card) : null;
  }

  @FieldResolver(() => [ScoreCardType], {
    description: "The score cards of the current round: every judge's for the sponsor's OWNER/ADMIN, a judge's own only for a judge, [] for anyone else.",
  })
  async scoreCards(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<ScoreCardType[]> {
    if (!ctx.identity.userId) return [];
    const cards = await ctx.loaders.scoreCardsBySubmission.load(submission.id);
    return cards.map(ScoreCardType.from);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'A finalist of round 2 (advanceToFinalRound). Null for those who cannot read the submission.' })
  async finalist(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<boolean | null> {
    if (!ctx.identity.userId) return null;
    // Every path to a Submission authorizes it; re-checked as `versions` does, sealing must not depend on that.
    if (!(await ctx.loaders.readableSubmissionById.load(submission.id))) return null;
    const state = await ctx.loaders.judgingStateByChallenge.load(submission.challengeId);
    return state ? state.finalistIds.includes(submission.id) : false;
  }

  @FieldResolver(() => SubmissionFeedbackType, {
    nullable: true,
    description: 'The judging results for this submission, once the challenge is AWARDED or CLOSED: for its author (a team\'s: its members) only; null otherwise.',
  })
  async feedback(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<SubmissionFeedbackType | null> {
    const viewerId = ctx.identity.userId;
    if (!viewerId) return null;
    return ctx.loaders.feedbackBySubmission.load(submission.id);
  }
}

@Resolver(() => ScoreCardType)
export class ScoreCardResolver {
  @FieldResolver(() => SubmissionType)
  async submission(@Root() card: ScoreCardType, @Ctx() ctx: SubmissionsContext): Promise<SubmissionType> {
    const submission = await ctx.loaders.readableSubmissionById.load(card.submissionId);
    if (!submission) throw new Error(`score card ${card.id}: its submission is not readable`);
    return SubmissionType.from(submission);
  }

  @FieldResolver(() => UserRef, { nullable: true, description: "The judge: for the sponsor's OWNER/ADMIN and the card's judge; null for others." })
  async judge(@Root() card: ScoreCardType, @Ctx() ctx: SubmissionsContext): Promise<UserRef | null> {
    const viewerId = ctx.identity.userId;
    if (!viewerId) return null;
    if (viewerId.toLowerCase() === card.judgeId.toLowerCase()) return UserRef.of(card.judgeId);
    const access = await ctx.loaders.challengeAccess.load(card.challengeId);
    return access?.role === 'OWNER' || access?.role === 'ADMIN' ? UserRef.of(card.judgeId) : null;
  }
}

@Resolver(() => ChallengeRef)
export class ChallengeJudgingResolver {
  @FieldResolver(() => JudgingBoardType, {
    nullable: true,
    description: "The judging board (ranking, judges' progress, agreement): the sponsor's OWNER/ADMIN and the challenge's accepted judges; null for anyone else.",
  })
  async judging(@Root() challenge: ChallengeRef, @Ctx() ctx: SubmissionsContext): Promise<JudgingBoardType | null> {
    if (!ctx.identity.userId) return null;
    let access = await ctx.loaders.challengeAccess.load(challenge.id);
    if (!isSubmissionReviewer(access)) {
      // A judge who just accepted (ChallengeRoleChanged in flight): a bounded wait before answering null. Clients ask
      // for the board when viewerRoles says JUDGE, OWNER or ADMIN, so others rarely pay it.
      access = await ctx.submissions.reviewerAccessAfterWait(challenge.id);
      if (!access || !isSubmissionReviewer(access)) return null;
      ctx.loaders.challengeAccess.clear(challenge.id).prime(challenge.id, access);
    }
    return access ? JudgingBoardType.of(challenge.id, access.round) : null;
  }
}

@Resolver(() => JudgingBoardType)
export class JudgingBoardResolver {
  @FieldResolver(() => Int, { description: 'How many judges are listed in `judges`.' })
  async judgeCount(@Root() board: JudgingBoardType, @Ctx() ctx: SubmissionsContext): Promise<number> {
    return (await ctx.loaders.judgeProgressByChallenge.load(board.challengeId)).length;
  }

  @FieldResolver(() => [JudgeProgressType], { description: "The accepted judges and anyone who scored in the round (the sponsor's OWNER/ADMIN), with how many submissions each scored in it." })
  async judges(@Root() board: JudgingBoardType, @Ctx() ctx: SubmissionsContext): Promise<JudgeProgressType[]> {
    const judges = await ctx.loaders.judgeProgressByChallenge.load(board.challengeId);
    return judges.map((j) => Object.assign(new JudgeProgressType(), { user: UserRef.of(j.userId), scoredCount: j.scoredCount }));
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Kendall's W (0: no agreement, 1: full), with the tie correction, over the judges who scored in the round and the submissions each of them scored; null below 2 such judges or 2 such submissions. Rounded to 3 decimals.",
  })
  async agreement(@Root() board: JudgingBoardType, @Ctx() ctx: SubmissionsContext): Promise<number | null> {
    return ctx.judging.agreement(board.challengeId, board.round);
  }

  @FieldResolver(() => JudgingRankingConnection, {
    description: 'The submissions of the round with at least one score card, by mean weighted total (ties: more cards first, then the earlier first submission).',
  })
  async ranking(
    @Root() board: JudgingBoardType,
    @Ctx() ctx: SubmissionsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<JudgingRankingConnection> {
    const limit = pageSize(first);
    return ctx.judging.rankingPage(board.challengeId, board.round, limit, after ?? null);
  }
}

@Resolver(() => JudgingRankingConnection)
export class JudgingRankingConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many submissions are ranked (one statement, only when selected).' })
  async totalCount(@Root() connection: JudgingRankingConnection): Promise<number> {
    return connection.countTotal();
  }
}
