import { Migration } from '@mikro-orm/migrations';

/**
 * Definitive refusals of a payout's transfer (a Stripe 4xx: nothing was created). Stripe keeps a refusal as the
 * result of its idempotency key, so the next attempt needs a new key: the count is part of the key.
 */
export class Migration20261125100000_transfer_refusals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "payout" add column "refusals" integer not null default 0 check ("refusals" >= 0)`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payout" drop column "refusals"`);
  }
}
