import { Migration } from '@mikro-orm/migrations';

const KINDS = [
  'NEW_SUBMISSION',
  'NEW_QUESTION',
  'QUESTION_ANSWERED',
  'DEADLINE_CHANGED',
  'SUBMISSIONS_CLOSED',
  'FINALISTS_CHOSEN',
  'RESULTS_PUBLISHED',
  'PRIZE_AWARDED',
  'PAYOUT_PAID',
  'PAYOUT_FAILED',
  'PAYOUT_REVERSED',
  'INVITATION',
  'TEAM_SPLIT_PROPOSED',
]
  .map((k) => `'${k}'`)
  .join(', ');

/**
 * Notifications (issue 15): the store, the mail preferences, and the read models that name each event's recipients
 * without reading another context's tables (see notifications/ and docs/ARCHITECTURE.md, "Notifications").
 */
export class Migration20261207130000_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "notification" (
      "id" uuid primary key,
      "recipient_id" uuid not null references "user_account" ("id") on delete cascade,
      "kind" text not null check ("kind" in (${KINDS})),
      "title" text not null,
      "body" text not null,
      "link" text not null,
      "challenge_id" uuid null,
      "source_event_id" uuid not null,
      "created_at" timestamptz not null default now(),
      "read_at" timestamptz null,
      "collapsed_count" int not null default 1 check ("collapsed_count" >= 1),
      -- A redelivered event inserts nothing.
      constraint "notification_source_unique" unique ("source_event_id", "recipient_id", "kind")
    )`);
    // The viewer's page, newest first (keyset on created_at, id).
    this.addSql(`create index "notification_recipient_page_idx" on "notification" ("recipient_id", "created_at" desc, "id" desc)`);
    // unreadNotificationCount, and markNotificationsRead({ all: true }).
    this.addSql(`create index "notification_unread_idx" on "notification" ("recipient_id") where "read_at" is null`);
    // New entries collapse into one unread row per (recipient, challenge): the upsert's arbiter.
    this.addSql(
      `create unique index "notification_new_submission_unread_unique" on "notification" ("recipient_id", "challenge_id") where "kind" = 'NEW_SUBMISSION' and "read_at" is null`,
    );

    // No row: the default kinds (every kind but NEW_SUBMISSION; DEFAULT_MAIL_KINDS in notification.domain.ts).
    this.addSql(`create table "notification_preference" (
      "user_id" uuid primary key references "user_account" ("id") on delete cascade,
      "mail_kinds" text[] not null,
      "updated_at" timestamptz not null default now()
    )`);

    // Read models fed by events, guarded by their producers' versions.
    this.addSql(`create table "challenge_view" (
      "id" uuid primary key,
      "organization_id" uuid not null,
      "title" text not null,
      "status" text not null,
      "round" int not null,
      "deadline" timestamptz not null,
      "version" int not null
    )`);
    // Who takes part in a challenge: authors (SubmissionCreated) and team members (TeamSplitAgreed).
    this.addSql(`create table "challenge_audience" (
      "challenge_id" uuid not null,
      "user_id" uuid not null,
      "team_id" uuid null,
      primary key ("challenge_id", "user_id")
    )`);
    this.addSql(`create index "challenge_audience_team_idx" on "challenge_audience" ("team_id") where "team_id" is not null`);
    // The latest agreed split heard of per team: its members replace the team's audience.
    this.addSql(`create table "team_audience" (
      "team_id" uuid primary key,
      "challenge_id" uuid not null,
      "split_version" int not null
    )`);
    // Members of organizations (role null: no longer a member; kept for the version).
    this.addSql(`create table "organization_manager_view" (
      "organization_id" uuid not null,
      "user_id" uuid not null,
      "role" text null,
      "version" int not null,
      primary key ("organization_id", "user_id")
    )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "organization_manager_view"`);
    this.addSql(`drop table "team_audience"`);
    this.addSql(`drop table "challenge_audience"`);
    this.addSql(`drop table "challenge_view"`);
    this.addSql(`drop table "notification_preference"`);
    this.addSql(`drop table "notification"`);
  }
}
