import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type PayoutAccountStatusName = 'NOT_STARTED' | 'PENDING' | 'ACTIVE' | 'RESTRICTED';

/** A solver's Stripe Connect account. Absent row = NOT_STARTED. */
@Entity({ tableName: 'payout_account' })
export class PayoutAccountEntity {
  [OptionalProps]?: 'status' | 'requirementsDue' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text', nullable: true, unique: true })
  stripeAccountId?: string | null;

  @Property({ type: 'text' })
  status: PayoutAccountStatusName = 'NOT_STARTED';

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  requirementsDue: string[] = [];

  /** Stripe's `created` (Unix seconds) of the newest account.updated seen (for diagnosis: the state applied is always
   * the one retrieved from Stripe, whatever the events' order). */
  @Property({ type: new BigIntType('number'), nullable: true })
  lastEventCreated?: number | null;

  /** When the account's state was last read from Stripe (webhook or HELD re-check). */
  @Property({ type: 'timestamptz', nullable: true })
  stripeCheckedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date(), defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
