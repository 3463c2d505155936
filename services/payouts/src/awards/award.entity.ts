import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

export type PayoutStatusName = 'HELD' | 'PROCESSING' | 'PAID' | 'FAILED' | 'REVERSED';

/** A prize given to a submission: at most one per (challenge, prize rank). */
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

  @Property({ type: 'uuid' })
  winnerId!: string;

  @Property({ type: 'uuid' })
  awardedBy!: string;

  @Property({ type: 'timestamptz' })
  awardedAt: Date = new Date();
}

/** Money owed to a winner for an award, released from escrow through one Stripe transfer. */
@Entity({ tableName: 'payout' })
export class PayoutEntity {
  [OptionalProps]?: 'status' | 'attempts' | 'nextAttemptAt' | 'createdAt' | 'updatedAt' | 'idempotencyKey';

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

  @Property({ type: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  paidAt?: Date | null;

  /** Stripe's idempotency key for this payout's transfer: derived from our committed row id. */
  get idempotencyKey(): string {
    return `transfer:${this.id}`;
  }
}

export const AWARD_ENTITIES = [AwardEntity, PayoutEntity];
