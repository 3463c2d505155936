import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Each Stripe event stored once by its id, then processed (and retried) by the StripeEventProcessor. */
@Entity({ tableName: 'stripe_event' })
export class StripeEventEntity {
  [OptionalProps]?: 'receivedAt' | 'attempts' | 'nextAttemptAt';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  type!: string;

  /** The connected account for Connect events. */
  @Property({ type: 'text', nullable: true })
  account?: string | null;

  @Property({ type: 'json' })
  payload!: unknown;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  receivedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  processedAt?: Date | null;

  /** `applied`, or `mismatch` when the event contradicted our records and changed nothing. */
  @Property({ type: 'text', nullable: true })
  outcome?: 'applied' | 'mismatch' | null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;
}
