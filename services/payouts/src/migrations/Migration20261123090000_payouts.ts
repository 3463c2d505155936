import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090000_payouts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "payout_account" (
      "user_id" uuid primary key,
      "stripe_account_id" text null unique,
      "status" text not null default 'NOT_STARTED' check ("status" in ('NOT_STARTED', 'PENDING', 'ACTIVE', 'RESTRICTED')),
      "requirements_due" text[] not null default '{}',
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create table "challenge_view" (
      "id" uuid primary key,
      "organization_id" uuid not null,
      "status" text not null,
      "currency" text not null,
      "submission_deadline" timestamptz not null,
      "prizes" jsonb not null,
      "version" integer not null
    )`);
    this.addSql(`create table "membership_view" (
      "organization_id" uuid not null,
      "user_id" uuid not null,
      "role" text null,
      "version" integer not null,
      primary key ("organization_id", "user_id")
    )`);
    this.addSql(`create table "submission_view" (
      "id" uuid primary key,
      "challenge_id" uuid not null,
      "author_id" uuid not null,
      "version" integer not null
    )`);
    this.addSql(`create index "submission_view_challenge_idx" on "submission_view" ("challenge_id")`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "submission_view"');
    this.addSql('drop table "membership_view"');
    this.addSql('drop table "challenge_view"');
    this.addSql('drop table "payout_account"');
  }
}
