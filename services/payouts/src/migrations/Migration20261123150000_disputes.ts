import { Migration } from '@mikro-orm/migrations';

/** A dispute on the funding charge holds the challenge's payouts until it is won. */
export class Migration20261123150000_disputes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "funding" add column "disputed_at" timestamptz null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "funding" drop column "disputed_at"`);
  }
}
