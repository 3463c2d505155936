import { Migration } from '@mikro-orm/migrations';

/** One settlement per challenge that ended (AWARDED or CANCELLED): refund what is left in escrow, then close. */
export class Migration20261123130000_settlement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "settlement" (
      "challenge_id" uuid primary key,
      "reason" text not null check ("reason" in ('AWARDED', 'CANCELLED')),
      "status" text not null default 'PENDING' check ("status" in ('PENDING', 'SETTLED')),
      "refund_id" uuid not null,
      "refund_amount_minor" bigint null check ("refund_amount_minor" >= 0),
      "stripe_refund_id" text null,
      "attempts" integer not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "last_error" text null,
      "created_at" timestamptz not null default now(),
      "settled_at" timestamptz null
    )`);
    this.addSql(`create index "settlement_due_idx" on "settlement" ("next_attempt_at") where "status" = 'PENDING'`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "settlement"');
  }
}
