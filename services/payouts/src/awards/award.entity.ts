import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

export type PayoutStatusName = 'HELD' | 'PROCESSING' | 'PAID' | 'FAILED' | 'REVERSED';

/** One member's line of the split an award to a team paid: their share as agreed, and their part of the prize. */
export interface AwardSplitShare {
  userId: string;
  basisPoints: number;
  /** The division's weight (basis points, or 1 each for an equal split). */
  weight: number;
  /** Their part in minor units (a decimal string; "0" for a member with no share: no payout). */
  amountMinor: string;
}

/** The split in force when a prize was awarded to a team (TeamSplitAgreed's version), recorded with the award. */
export interface AwardSplit {
  version: number;
  shares: AwardSplitShare[];
}

/**
 * A prize place given to a submission: at most `quantity` per (challenge, prize rank), each to a different submission
 * (unique (challenge, prize rank, submission)). A solo award names its winner; an award to a team names the team and
 * records the split it paid (winnerId null then: each member is a payout's recipient). `amountMinor` is what it pays:
 * the prize's amount, or a share of unawarded places' money (automatic awards at the judging deadline).
 */
@Entity({ tableName: 'award' })
export class AwardEntity {
  [OptionalProps]?: 'awardedAt' | 'automatic';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'integer' })
  prizeRank!: number;

  @Property({ type: 'uuid' })
  submissionId!: string;

  @Property({ type: 'uuid', nullable: true })
  winnerId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  teamId?: string | null;

  @Property({ type: 'json', nullable: true })
  split?: AwardSplit | null;

  @Property({ type: new BigIntType('bigint') })
  amountMinor!: bigint;

  @Property({ type: 'text', columnType: 'char(3)' })
  currency!: string;

  /** Decided at the judging deadline by the challenge's rules (no `awardedBy` then). */
  @Property({ type: 'boolean', default: false })
  automatic: boolean = false;

  /** The sponsor's OWNER/ADMIN who awarded it; null for an automatic award. */
  @Property({ type: 'uuid', nullable: true })
  awardedBy?: string | null;

  /** The awardPrizes request that made it (null: awardPrize, or before requests existed). */
  @Property({ type: 'uuid', nullable: true })
  requestId?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  awardedAt: Date = new Date();
}

/**
 * Money owed to a winner for an award, released from escrow through one Stripe transfer. `winnerId` is the payout's
 * recipient: the solo winner, or one member of a winning team (one payout per member with a non-zero part).
 */
@Entity({ tableName: 'payout' })
export class PayoutEntity {
  [OptionalProps]?: 'attempts' | 'refusals' | 'nextAttemptAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  awardId!: string;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'uuid' })
  winnerId!: string;

  @Property({ type: 'text', columnType: 'char(3)' })
  currency!: string;

  @Property({ type: new BigIntType('bigint') })
  amountMinor!: bigint;

  /** Always given at creation (initialPayoutStatus): the table has no default. */
  @Property({ type: 'text' })
  status!: PayoutStatusName;

  @Property({ type: 'text', nullable: true })
  transferId?: string | null;

  @Property({ type: 'text', nullable: true })
  failureReason?: string | null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Transfers Stripe refused for good (4xx): each one moves the idempotency key on (see transferIdempotencyKey). */
  @Property({ type: 'integer' })
  refusals: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  paidAt?: Date | null;
}

/**
 * `transfer:<payoutId>`, then `transfer:<payoutId>:after-refusal-<n>` once Stripe has refused it n times. An
 * unknown outcome (network, 5xx, 429, 409) keeps the key, so a transfer Stripe did make is replayed, never made
 * twice. A refusal (4xx) made nothing, but Stripe answers the same key with the same refusal for 24 hours: the
 * retry after the cause is fixed (an account, a balance) needs the next key, committed with the refusal.
 */
export function transferIdempotencyKey(payoutId: string, refusals: number): string {
  return refusals === 0 ? `transfer:${payoutId}` : `transfer:${payoutId}:after-refusal-${refusals}`;
}

/**
 * One awardPrizes call, by (challenge, idempotency key): the hash of its sorted awards and who asked. The same key
 * with the same awards returns the awards it made (award.request_id); with other awards, CONFLICT.
 */
@Entity({ tableName: 'award_request' })
export class AwardRequestEntity {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  /** Null for the judging deadline's automatic awards (no one asked). */
  @Property({ type: 'uuid', nullable: true })
  requestedBy?: string | null;

  @Property({ type: 'integer' })
  awardedCount!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

export const AWARD_ENTITIES = [AwardEntity, PayoutEntity, AwardRequestEntity];
