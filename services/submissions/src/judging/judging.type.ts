import { PageInfo, type ConnectionShape } from '@ideagora/subgraph-kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UserRef } from '../external/user.stub';
import { SubmissionType } from '../submissions/submission.type';
import type { ScoreCardSnapshot } from './judging.entity';
import { formatTenths, formatThousandths } from './judging.domain';

@ObjectType('CriterionScore')
export class CriterionScoreType {
  @Field(() => String)
  criterionKey!: string;

  @Field(() => String, { description: 'From "0" to "10", at most one decimal.' })
  value!: string;
}

@ObjectType('ScoreCard', { description: "One judge's scores of one submission in one round (replaced when the judge scores it again)." })
export class ScoreCardType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  round!: number;

  @Field(() => String, { description: 'Sum of value x weight over the criteria, exact: a decimal string with at most 3 decimals ("7.25").' })
  weightedTotal!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => [CriterionScoreType])
  scores!: CriterionScoreType[];

  @Field(() => Date)
  updatedAt!: Date;

  // `submission` and `judge` are field resolvers (ScoreCardResolver).

  /** Not exposed: what the field resolvers need. */
  submissionId!: string;
  judgeId!: string;
  challengeId!: string;

  static from(card: ScoreCardSnapshot): ScoreCardType {
    return Object.assign(new ScoreCardType(), {
      id: card.id,
      round: card.round,
      weightedTotal: formatThousandths(card.weightedTotal),
      comment: card.comment,
      scores: Object.entries(card.scores).map(([criterionKey, tenths]) => Object.assign(new CriterionScoreType(), { criterionKey, value: formatTenths(tenths) })),
      updatedAt: card.updatedAt,
      submissionId: card.submissionId,
      judgeId: card.judgeId,
      challengeId: card.challengeId,
    });
  }
}

@ObjectType('ScoreSubmissionPayload')
export class ScoreSubmissionPayload {
  @Field(() => ScoreCardType)
  scoreCard!: ScoreCardType;
}

@ObjectType('JudgeProgress')
export class JudgeProgressType {
  @Field(() => UserRef)
  user!: UserRef;

  @Field(() => Int, { description: 'Submissions this judge has scored in the current round.' })
  scoredCount!: number;
}

@ObjectType('RankedSubmission')
export class RankedSubmissionType {
  @Field(() => Int, { description: 'Position in the ranking, from 1.' })
  rank!: number;

  @Field(() => String, { description: "Mean of the judges' weighted totals, rounded half up to 3 decimals." })
  meanWeightedTotal!: string;

  @Field(() => Int)
  scoreCardCount!: number;

  @Field(() => SubmissionType)
  submission!: SubmissionType;
}

@ObjectType('RankedSubmissionEdge')
export class RankedSubmissionEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => RankedSubmissionType)
  node!: RankedSubmissionType;
}

@ObjectType('JudgingRankingConnection')
export class JudgingRankingConnection {
  @Field(() => [RankedSubmissionEdge])
  edges!: RankedSubmissionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Not exposed: counts the ranked submissions, only when totalCount is selected. */
  countTotal!: () => Promise<number>;

  static of(page: ConnectionShape<RankedSubmissionType>, countTotal: () => Promise<number>): JudgingRankingConnection {
    return Object.assign(new JudgingRankingConnection(), { edges: page.edges, pageInfo: page.pageInfo, countTotal });
  }
}

@ObjectType('JudgingBoard', { description: "The judges' board of a challenge: the sponsor's OWNERs/ADMINs and its judges only." })
export class JudgingBoardType {
  @Field(() => Int, { description: 'The current round (1, or 2 after advanceToFinalRound).' })
  round!: number;

  // judgeCount, agreement, judges and ranking are field resolvers (JudgingBoardResolver): each costs a statement.

  /** Not exposed. */
  challengeId!: string;

  static of(challengeId: string, round: number): JudgingBoardType {
    return Object.assign(new JudgingBoardType(), { challengeId, round });
  }
}

@ObjectType('CriterionFeedback')
export class CriterionFeedbackType {
  @Field(() => String)
  criterionKey!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { description: "Mean of the judges' values, rounded half up to 2 decimals." })
  meanValue!: string;
}

@ObjectType('SubmissionFeedback', { description: "The judging's results for one submission, shown to its author (a team's: its members) once the challenge is AWARDED or CLOSED." })
export class SubmissionFeedbackType {
  @Field(() => Int, { nullable: true, description: 'Position in the final ranking (round 2 finalists first); null when never scored.' })
  rank!: number | null;

  @Field(() => Int, { description: 'How many submissions were ranked.' })
  outOf!: number;

  @Field(() => String, { nullable: true, description: "Mean of the judges' weighted totals in the last round it was scored in." })
  meanWeightedTotal!: string | null;

  @Field(() => [CriterionFeedbackType])
  criteria!: CriterionFeedbackType[];

  @Field(() => [String], { description: "The judges' comments, without their names." })
  comments!: string[];
}

