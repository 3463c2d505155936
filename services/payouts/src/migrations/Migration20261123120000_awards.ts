import { Migration } from '@mikro-orm/migrations';

/** Awards (one per prize), their payouts (Stripe transfers to winners), and the order guard of account.updated. */
export class Migration20261123120000_awards extends Migration {
  override async up(): Promise<void> {
    // Stripe's `created` (Unix seconds) of the last account.updated applied: older events are ignored.
    this.addSql(`alter table "payout_account" add column "last_event_created" bigint null`);
    this.addSql(`create table "award" (
      "id" uuid primary key,
      "challenge_id" uuid not null,
      "prize_rank" integer not null check ("prize_rank" > 0),
      "submission_id" uuid not null,
      "winner_id" uuid not null,
      "awarded_by" uuid not null,
      "awarded_at" timestamptz not null default now(),
      constraint "award_challenge_prize_key" unique ("challenge_id", "prize_rank")
    )`);
    this.addSql(`create table "payout" (
      "id" uuid primary key,
      "award_id" uuid not null references "award" ("id"),
      "challenge_id" uuid not null,
      "winner_id" uuid not null,
      "currency" char(3) not null,
      "amount_minor" bigint not null check ("amount_minor" > 0),
      "status" text not null check ("status" in ('HELD', 'PROCESSING', 'PAID', 'FAILED', 'REVERSED')),
      "transfer_id" text null unique,
      "failure_reason" text null,
      "attempts" integer not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "paid_at" timestamptz null
    )`);
    this.addSql(`create index "payout_award_idx" on "payout" ("award_id")`);
    this.addSql(`create index "payout_winner_idx" on "payout" ("winner_id", "created_at" desc, "id" desc)`);
    this.addSql(`create index "payout_due_idx" on "payout" ("next_attempt_at") where "status" in ('PROCESSING', 'FAILED')`);
    this.addSql(`create index "payout_held_idx" on "payout" ("winner_id") where "status" = 'HELD'`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "payout"');
    this.addSql('drop table "award"');
    this.addSql('alter table "payout_account" drop column "last_event_created"');
  }
}
