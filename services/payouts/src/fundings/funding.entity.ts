import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

export type FundingStatusName = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'PARTIALLY_REFUNDED' | 'REFUNDED';

/** A challenge's prize pool plus platform fee, charged to the sponsor through one Stripe PaymentIntent. */
@Entity({ tableName: 'funding' })
export class FundingEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'idempotencyKey';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  challengeId!: string;

  /** Always given at creation: the table has no default. */
  @Property({ type: 'text' })
  status!: FundingStatusName;

  @Property({ type: 'text', columnType: 'char(3)' })
  currency!: string;

  @Property({ type: new BigIntType('bigint') })
  prizePoolMinor!: bigint;

  @Property({ type: new BigIntType('bigint') })
  feeMinor!: bigint;

  @Property({ type: new BigIntType('bigint') })
  amountMinor!: bigint;

  @Property({ type: 'text', nullable: true })
  paymentIntentId?: string | null;

  @Property({ type: 'text', nullable: true })
  clientSecret?: string | null;

  @Property({ type: 'text', nullable: true })
  chargeId?: string | null;

  @Property({ type: 'text', nullable: true })
  failureReason?: string | null;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  succeededAt?: Date | null;

  /** The card paid with, as Stripe's charge shows it ("visa", "4242"): for the receipt. Null when not known. */
  @Property({ type: 'text', nullable: true })
  cardBrand?: string | null;

  @Property({ type: 'text', nullable: true })
  cardLast4?: string | null;

  /** Set while the sponsor disputes the charge: payouts of the challenge are held. */
  @Property({ type: 'timestamptz', nullable: true })
  disputedAt?: Date | null;

  /** Stripe's idempotency key for creating this funding's PaymentIntent: derived from our row id. */
  get idempotencyKey(): string {
    return `funding:${this.id}`;
  }
}
