import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CriterionTenths } from './judging.domain';

// Persistence only. Writes go through JudgingService in plain SQL under the submission's row lock.

/** One judge's scores of one submission in one round: unique (judge_id, submission_id, round), replaced when sent again. */
@Entity({ tableName: 'score_card' })
export class ScoreCardEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'uuid' })
  submissionId!: string;

  @Property({ type: 'uuid' })
  judgeId!: string;

  @Property({ type: 'integer' })
  round!: number;

  /** Criterion key -> value in tenths (0..100), in rubric order. */
  @Property({ type: 'jsonb' })
  scores!: CriterionTenths;

  /** sum(tenths x weightPercent): thousandths of a point, 0..10,000, exact. */
  @Property({ type: 'integer' })
  weightedTotal!: number;

  @Property({ type: 'text', nullable: true })
  comment!: string | null;

  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  updatedAt!: Date;
}

/**
 * The ranking's aggregate of one submission in one round, recomputed from its cards in the transaction that changes
 * one (under the submission's row lock). `meanTotal` is the mean of weighted totals rounded half up to thousandths
 * (the rounding the board shows: two submissions shown equal rank by their next keys). `firstSubmittedAt` is copied
 * from the submission so the ranking's keyset index holds every ordering key.
 */
@Entity({ tableName: 'submission_score' })
export class SubmissionScoreEntity {
  @PrimaryKey({ type: 'uuid' })
  submissionId!: string;

  @PrimaryKey({ type: 'integer' })
  round!: number;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'integer' })
  cardCount!: number;

  @Property({ type: 'bigint' })
  totalSum!: string;

  @Property({ type: 'integer' })
  meanTotal!: number;

  @Property({ type: 'timestamptz', length: 3 })
  firstSubmittedAt!: Date;
}

/** Who holds a role on a challenge through an accepted challenge invitation (ChallengeRoleChanged, version-guarded). */
@Entity({ tableName: 'challenge_role_view' })
export class ChallengeRoleViewEntity {
  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'text' })
  role!: 'JUDGE' | 'PARTICIPANT';

  @Property({ type: 'boolean' })
  granted!: boolean;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}

export interface ScoreCardSnapshot {
  id: string;
  challengeId: string;
  submissionId: string;
  judgeId: string;
  round: number;
  scores: CriterionTenths;
  weightedTotal: number;
  comment: string | null;
  updatedAt: Date;
}

/** A judge's cards in a round: kept by scoreSubmission in its transaction (the board's progress, W's cache key). */
@Entity({ tableName: 'judge_round_progress' })
export class JudgeRoundProgressEntity {
  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'integer' })
  round!: number;

  @PrimaryKey({ type: 'uuid' })
  judgeId!: string;

  @Property({ type: 'integer' })
  scoredCount!: number;

  /** Bumped by every card the judge writes in the round (a new one or a change). */
  @Property({ type: 'bigint' })
  cardsVersion!: string;
}

/** Kendall's W's sums of a round, as of the sum of its judges' `cards_version` (recomputed when that moves). */
@Entity({ tableName: 'round_agreement' })
export class RoundAgreementEntity {
  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'integer' })
  round!: number;

  @Property({ type: 'bigint' })
  cardsVersion!: string;

  @Property({ type: 'integer' })
  judges!: number;

  @Property({ type: 'integer' })
  items!: number;

  @Property({ type: 'decimal' })
  squaredDeviations!: string;

  @Property({ type: 'decimal' })
  tieTerms!: string;
}
