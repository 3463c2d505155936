import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One fact about a user's results, learned from an event: ENTERED a challenge (SubmissionCreated), FINALIST of one
 * (FinalistsAnnounced), a PRIZE won (PrizeAwarded; `source` names the prize place and submission, with the user's
 * part of the amount). Unique, so a fact counts once whatever delivers it. Written by ReputationService's statements.
 */
@Entity({ tableName: 'reputation_fact', readonly: true })
export class ReputationFactEntity {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'text' })
  kind!: 'ENTERED' | 'FINALIST' | 'PRIZE';

  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  /** '' for ENTERED and FINALIST (once per challenge); `<prizeRank>:<submissionId>` for a PRIZE. */
  @PrimaryKey({ type: 'text' })
  source!: string;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  amountMinor?: bigint | null;

  @Property({ type: 'string', columnType: 'char(3)', nullable: true })
  currency?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}

/** A user's reputation: the facts counted, the score, and whether the profile is public (the leaderboard's filter). */
@Entity({ tableName: 'reputation', readonly: true })
export class ReputationEntity {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'integer', default: 0 })
  score!: number;

  @Property({ type: 'integer', default: 0 })
  prizesWon!: number;

  @Property({ type: 'integer', default: 0 })
  finalistPlaces!: number;

  /** Distinct challenges entered. */
  @Property({ type: 'integer', default: 0 })
  submissions!: number;

  @Property({ type: 'boolean', default: false })
  publicProfile!: boolean;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
