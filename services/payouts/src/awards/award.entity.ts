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
 * A prize given to a submission: at most one per (challenge, prize rank). A solo award names its winner; an award to
 * a team names the team and records the split it paid (winnerId null then: each member is a payout's recipient).
 */
@Entity({ tableName: 'award' })
export class AwardEntity {
  [OptionalProps]?: 'awardedAt';

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

  @Property({ type: 'uuid' })
  awardedBy!: string;

  @Property({ type: 'timestamptz' })
  awardedAt: Date = new Date();
}

/**
 * Money owed to a winner for an award, released from escrow through one Stripe transfer. `winnerId` is the payout's
 * recipient: the solo winner, or one member of a winning team (one payout per member with a non-zero part).
 */
@Entity({ tableName: 'payout' })
export class PayoutEntity {
  [OptionalProps]?: 'status' | 'attempts' | 'refusals' | 'nextAttemptAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  awardId!: string;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'uuid' })
  winnerId!: string;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: new BigIntType('bigint') })
  amountMinor!: bigint;

  @Property({ type: 'text' })
  status: PayoutStatusName = 'HELD';

  @Property({ type: 'text', nullable: true })
  transferId?: string | null;

  @Property({ type: 'text', nullable: true })
  failureReason?: string | null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Transfers Stripe refused for good (4xx): each one moves the idempotency key on (see transferIdempotencyKey). */
  @Property({ type: 'integer' })
  refusals: number = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
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

export const AWARD_ENTITIES = [AwardEntity, PayoutEntity];
