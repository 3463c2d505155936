import { Migration } from '@mikro-orm/migrations';

/**
 * Stripe state from Stripe: a stored event that contradicts our records is kept as processed with the outcome
 * `mismatch` (not retried); a payout account remembers when its state was last read from Stripe, so the HELD
 * re-check visits the accounts it has not looked at for the longest first.
 */
export class Migration20261205100000_stripe_state extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "stripe_event" add column "outcome" text null check ("outcome" in ('applied', 'mismatch'))`);
    this.addSql(`alter table "payout_account" add column "stripe_checked_at" timestamptz null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payout_account" drop column "stripe_checked_at"`);
    this.addSql(`alter table "stripe_event" drop column "outcome"`);
  }
}
