import { BigIntType, Entity, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { ChallengeKind, ChallengeStatus, ChallengeVisibility } from './challenge.domain';

/** The `search_vector` column (generated tsvector over the texts and the sponsor's name) is not mapped: only raw SQL reads it. */
@Entity({ tableName: 'challenge' })
export class ChallengeEntity {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'publishedAt';

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
}

@Entity({ tableName: 'prize' })
export class PrizeEntity {
  [PrimaryKeyProp]?: ['challengeId', 'rank'];
  [OptionalProps]?: 'awardedSubmissionId' | 'awardedAt';

  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'integer' })
  rank!: number;

  @Property({ type: 'text' })
  label!: string;

  /** Minor units of the challenge's currency. */
  @Property({ type: new BigIntType('bigint') })
  amountMinor!: bigint;

  /** Set from payouts' PrizeAwarded. */
  @Property({ type: 'uuid', nullable: true })
  awardedSubmissionId?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  awardedAt?: Date | null;
}
