import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110000_funding extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "stripe_event" (
      "id" text primary key,
      "type" text not null,
      "account" text null,
      "payload" jsonb not null,
      "received_at" timestamptz not null default now(),
      "processed_at" timestamptz null,
      "attempts" integer not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "last_error" text null
    )`);
    this.addSql(`create index "stripe_event_due_idx" on "stripe_event" ("next_attempt_at") where "processed_at" is null`);
    this.addSql(`create table "funding" (
      "id" uuid primary key,
      "challenge_id" uuid not null,
      "status" text not null check ("status" in ('PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
      "currency" char(3) not null,
      "prize_pool_minor" bigint not null check ("prize_pool_minor" > 0),
      "fee_minor" bigint not null check ("fee_minor" >= 0),
      "amount_minor" bigint not null check ("amount_minor" = "prize_pool_minor" + "fee_minor"),
      "payment_intent_id" text null unique,
      "client_secret" text null,
      "charge_id" text null,
      "failure_reason" text null,
      "created_by" uuid not null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "succeeded_at" timestamptz null
    )`);
    this.addSql(`create index "funding_challenge_idx" on "funding" ("challenge_id", "created_at" desc)`);
    // At most one funding in flight and one paid per challenge.
    this.addSql(`create unique index "funding_one_pending_idx" on "funding" ("challenge_id") where "status" = 'PENDING'`);
    this.addSql(`create unique index "funding_one_paid_idx" on "funding" ("challenge_id") where "status" in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "funding"');
    this.addSql('drop table "stripe_event"');
  }
}
