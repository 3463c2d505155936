import { Migration } from '@mikro-orm/migrations';

export class Migration20261124090000_challenges extends Migration {
  // Foreign keys are DEFERRABLE INITIALLY DEFERRED: the entities hold plain ids (no ORM relations), so the unit of
  // work does not order inserts by dependency; the constraints are checked at commit.
  override async up(): Promise<void> {
    this.addSql(`create table "organization" (
      "id" uuid primary key,
      "name" text not null,
      "membership_version" integer not null default 0,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    )`);

    this.addSql(`create table "organization_membership" (
      "organization_id" uuid not null references "organization" ("id") deferrable initially deferred,
      "user_id" uuid not null,
      "role" text not null constraint "organization_membership_role_check" check ("role" in ('OWNER', 'ADMIN', 'MEMBER')),
      "version" integer not null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      primary key ("organization_id", "user_id")
    )`);
    // The viewer's organizations (User.organizations, visibility of drafts in listings).
    this.addSql(`create index "organization_membership_user_idx" on "organization_membership" ("user_id", "organization_id")`);

    this.addSql(`create table "challenge" (
      "id" uuid primary key,
      "organization_id" uuid not null references "organization" ("id") deferrable initially deferred,
      "title" text not null,
      "summary" text not null,
      "description" text not null,
      "type" text not null constraint "challenge_type_check" check ("type" in ('IDEATION', 'THEORETICAL', 'REDUCTION_TO_PRACTICE', 'DESIGN')),
      "status" text not null constraint "challenge_status_check" check ("status" in ('DRAFT', 'OPEN', 'JUDGING', 'AWARDED', 'CLOSED', 'CANCELLED')),
      "visibility" text not null constraint "challenge_visibility_check" check ("visibility" in ('PUBLIC', 'INVITE_ONLY')),
      "currency" text not null,
      "submission_deadline" timestamptz not null,
      "total_prize_minor" bigint not null constraint "challenge_total_prize_check" check ("total_prize_minor" > 0),
      "version" integer not null default 1,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "published_at" timestamptz null,
      "search_vector" tsvector generated always as (
        setweight(to_tsvector('english', "title"), 'A') ||
        setweight(to_tsvector('english', "summary"), 'B') ||
        setweight(to_tsvector('english', "description"), 'C')
      ) stored
    )`);
    // Listing order (keyset on created_at desc, id desc), with and without a status filter.
    this.addSql(`create index "challenge_created_idx" on "challenge" ("created_at" desc, "id" desc)`);
    this.addSql(`create index "challenge_status_created_idx" on "challenge" ("status", "created_at" desc, "id" desc)`);
    // The public part of a listing.
    this.addSql(`create index "challenge_public_created_idx" on "challenge" ("created_at" desc, "id" desc) where "visibility" = 'PUBLIC' and "published_at" is not null`);
    this.addSql(`create index "challenge_organization_idx" on "challenge" ("organization_id", "created_at" desc, "id" desc)`);
    this.addSql(`create index "challenge_total_prize_idx" on "challenge" ("total_prize_minor")`);
    this.addSql(`create index "challenge_search_idx" on "challenge" using gin ("search_vector")`);
    // The deadline sweep.
    this.addSql(`create index "challenge_open_deadline_idx" on "challenge" ("submission_deadline") where "status" = 'OPEN'`);

    this.addSql(`create table "prize" (
      "challenge_id" uuid not null references "challenge" ("id") on delete cascade deferrable initially deferred,
      "rank" integer not null constraint "prize_rank_check" check ("rank" > 0),
      "label" text not null,
      "amount_minor" bigint not null constraint "prize_amount_check" check ("amount_minor" > 0),
      "awarded_submission_id" uuid null,
      "awarded_at" timestamptz null,
      primary key ("challenge_id", "rank")
    )`);

    // Read model of payouts' fundings (FundingSucceeded / FundingFailed), one row per funding attempt.
    // No foreign key: an event may arrive before anything else is known here.
    this.addSql(`create table "challenge_funding" (
      "challenge_id" uuid not null,
      "funding_id" text not null,
      "status" text not null constraint "challenge_funding_status_check" check ("status" in ('SUCCEEDED', 'FAILED')),
      "updated_at" timestamptz not null default now(),
      primary key ("challenge_id", "funding_id")
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "challenge_funding"');
    this.addSql('drop table "prize"');
    this.addSql('drop table "challenge"');
    this.addSql('drop table "organization_membership"');
    this.addSql('drop table "organization"');
  }
}
