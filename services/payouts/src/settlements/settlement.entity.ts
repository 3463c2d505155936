import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One per challenge that ended (AWARDED or CANCELLED): refund what is left in escrow, then close. A work-queue item
 * (settlement.service.ts reads and writes it in SQL); the entity keeps the table described beside the others.
 */
@Entity({ tableName: 'settlement' })
export class SettlementEntity {
  [OptionalProps]?: 'status' | 'attempts' | 'nextAttemptAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'text' })
  reason!: 'AWARDED' | 'CANCELLED';

  @Property({ type: 'text', default: 'PENDING' })
  status!: 'PENDING' | 'SETTLED';

  /** Our id of the refund (its idempotency key is derived from the challenge). */
  @Property({ type: 'uuid' })
  refundId!: string;

  /** Fixed before Stripe is called: what was left in escrow. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  refundAmountMinor?: bigint | null;

  @Property({ type: 'text', nullable: true })
  stripeRefundId?: string | null;

  @Property({ type: 'integer', default: 0 })
  attempts!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt!: Date;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  settledAt?: Date | null;
}
