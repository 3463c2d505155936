import { BigIntType, Entity, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { ChallengeKind, ChallengeStatus, ChallengeVisibility, SubmissionVisibility } from './challenge.domain';

/** The `search_vector` column (generated tsvector over the texts and the sponsor's name) is not mapped: only raw SQL reads it. */
@Entity({ tableName: 'challenge' })
export class ChallengeEntity {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'publishedAt' | 'guaranteed' | 'round' | 'rubric' | 'judgingClosedAt' | 'finalRoundDeadline' | 'finalistSubmissionIds'
    | 'submissionVisibility' | 'votingStartsAt' | 'votingEndsAt' | 'votingClosedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  organizationId!: string;

  /**
   * The sponsor's name, copied at creation so that search finds a challenge by it with the challenge's own index
   * (one statement, no join). Organizations cannot be renamed yet: a rename must update it in its transaction.
   */
  @Property({ type: 'text' })
  organizationName!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'text' })
  description!: string;

  /** What solvers accept before submitting; null = no terms. Editable in DRAFT only (updateChallenge), so frozen once published. */
  @Property({ type: 'text', nullable: true })
  terms?: string | null;

  @Property({ type: 'text' })
  type!: ChallengeKind;

  /** No default, in the table as here: every challenge is created with its status (DRAFT). */
  @Property({ type: 'text' })
  status!: ChallengeStatus;

  @Property({ type: 'text' })
  visibility!: ChallengeVisibility;

  /** ISO 4217; every prize of the challenge is in this currency. */
  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'timestamptz' })
  submissionDeadline!: Date;

  /** Sum of the prizes, minor units (kept for the `minTotalPrizeMinor` filter). */
  @Property({ type: new BigIntType('bigint') })
  totalPrizeMinor!: bigint;

  /**
   * The `version` of ChallengeChanged events: incremented on every change other contexts see (status, deadline,
   * whether there are terms); an edit of the text alone (title, summary, …) leaves it, and emits nothing.
   */
  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date(), defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  /** Every prize place will be paid out: finishJudging refuses while one is unawarded, and cancelling a published one is refused. */
  @Property({ type: 'boolean', default: false })
  guaranteed: boolean = false;

  /** When nothing may stay undecided; keeps its distance from the (current round's) submission deadline when that moves. */
  @Property({ type: 'timestamptz' })
  judgingDeadline!: Date;

  /** Set by the deadline job once the judging deadline passed while JUDGING: no finishJudging, cancel nor final round afterwards. */
  @Property({ type: 'timestamptz', nullable: true })
  judgingClosedAt?: Date | null;

  /** 1, or 2 once advanced to the final round (advanceToFinalRound). */
  @Property({ type: 'integer', default: 1 })
  round: number = 1;

  /** Round 2's submission deadline. */
  @Property({ type: 'timestamptz', nullable: true })
  finalRoundDeadline?: Date | null;

  /** The submissions chosen for the final round (advanceToFinalRound), in the order given; null in round 1. */
  @Property({ type: 'jsonb', nullable: true })
  finalistSubmissionIds?: string[] | null;

  /** The judging criteria (setJudgingRubric, DRAFT only); null: the default rubric. */
  @Property({ type: 'jsonb', nullable: true })
  rubric?: RubricCriterion[] | null;

  /** Who reads the entries (enforced by submissions); DRAFT only, like the other binding terms. */
  @Property({ type: 'text', default: SubmissionVisibility.SEALED })
  submissionVisibility: SubmissionVisibility = SubmissionVisibility.SEALED;

  /** The public vote's window: both set or both null (a check in the table); DRAFT only. */
  @Property({ type: 'timestamptz', nullable: true })
  votingStartsAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  votingEndsAt?: Date | null;

  /** Set once by the deadline job when the window ended (ChallengeChanged `votingClosed`). */
  @Property({ type: 'timestamptz', nullable: true })
  votingClosedAt?: Date | null;
}

export interface RubricCriterion {
  key: string;
  label: string;
  description: string;
  weightPercent: number;
}

@Entity({ tableName: 'prize' })
export class PrizeEntity {
  [PrimaryKeyProp]?: ['challengeId', 'rank'];
  [OptionalProps]?: 'quantity' | 'communityChoice';

  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'integer' })
  rank!: number;

  @Property({ type: 'text' })
  label!: string;

  /** Minor units of the challenge's currency. */
  @Property({ type: new BigIntType('bigint') })
  amountMinor!: bigint;

  /** How many different submissions the prize can be awarded to, each receiving amountMinor. */
  @Property({ type: 'integer', default: 1 })
  quantity: number = 1;

  /** Awarded by the public vote at its end (payouts), to the top `quantity` of the vote count; never by the sponsor. */
  @Property({ type: 'boolean', default: false })
  communityChoice: boolean = false;
}

/** A prize place awarded (payouts' PrizeAwarded): a prize has up to `quantity` of them, each to a different submission. */
@Entity({ tableName: 'prize_award' })
export class PrizeAwardEntity {
  [PrimaryKeyProp]?: ['challengeId', 'prizeRank', 'submissionId'];
  [OptionalProps]?: 'awardedAt';

  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'integer' })
  prizeRank!: number;

  @PrimaryKey({ type: 'uuid' })
  submissionId!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  awardedAt: Date = new Date();
}
