import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090000_submissions extends Migration {
  override async up(): Promise<void> {
    // ---- read models fed by the challenges context's events -------------------------------------------
    this.addSql(`create table "challenge_view" (
      "id" uuid primary key,
      "organization_id" uuid not null,
      "status" text not null,
      "submission_deadline" timestamptz not null,
      "currency" text not null,
      "prizes" jsonb not null default '[]',
      "version" integer not null,
      "updated_at" timestamptz not null default now()
    )`);
    // role null = removed; the row stays as a tombstone so an older event cannot resurrect the membership.
    this.addSql(`create table "membership_view" (
      "organization_id" uuid not null,
      "user_id" uuid not null,
      "role" text null,
      "version" integer not null,
      "updated_at" timestamptz not null default now(),
      constraint "membership_view_pkey" primary key ("organization_id", "user_id")
    )`);

    // ---- submissions -------------------------------------------------------------------------------------
    // Keyset columns have millisecond precision, like the JS Dates the cursors carry.
    this.addSql(`create table "submission" (
      "id" uuid primary key,
      "challenge_id" uuid not null,
      "author_id" uuid not null,
      "status" text not null default 'SUBMITTED',
      "current_version" integer not null default 0,
      "first_submitted_at" timestamptz(3) not null,
      "submitted_at" timestamptz(3) not null,
      constraint "submission_challenge_author_unique" unique ("challenge_id", "author_id")
    )`);
    // Challenge.submissions: keyset on (first_submitted_at, id) within a challenge.
    this.addSql(`create index "submission_challenge_page_idx" on "submission" ("challenge_id", "first_submitted_at", "id")`);
    // User.submissions: keyset on (submitted_at desc, id desc) within an author (scanned backwards).
    this.addSql(`create index "submission_author_page_idx" on "submission" ("author_id", "submitted_at", "id")`);

    this.addSql(`create table "submission_version" (
      "submission_id" uuid not null references "submission" ("id") on delete cascade,
      "version" integer not null,
      "title" text not null,
      "body" text not null,
      "submitted_at" timestamptz(3) not null,
      constraint "submission_version_pkey" primary key ("submission_id", "version")
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "submission_version"');
    this.addSql('drop table "submission"');
    this.addSql('drop table "membership_view"');
    this.addSql('drop table "challenge_view"');
  }
}
