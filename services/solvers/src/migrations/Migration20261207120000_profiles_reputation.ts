import { Migration } from '@mikro-orm/migrations';

/**
 * Profiles and reputation (issue 15). Profiles are private by default, existing ones included (privacy by default:
 * a user opts in with updateProfile). `user_skill` holds each user's skills lower-cased for the leaderboard's skill
 * filter; `reputation_fact` one row per fact learned from an event (unique, so a fact is counted once whatever
 * delivers it), `reputation` their counts and score, with the profile's public flag copied so the leaderboard reads
 * one partial index in its order (and each skill's, its copy in `user_skill`).
 */
export class Migration20261207120000_profiles_reputation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "user_account" add column "school" text null`);
    this.addSql(`alter table "user_account" add column "public_profile" boolean not null default false`);
    this.addSql(`alter table "user_account" add column "profile_version" integer not null default 0`);

    // The user's score and public flag are copied beside each skill (kept in step with `reputation` in the same
    // statements), so that a skill's leaderboard is one index range too: filtering the whole leaderboard by a rare
    // skill would read every public row before finding none.
    this.addSql(`create table "user_skill" (
      "user_id" uuid not null,
      "skill_lower" text not null,
      "score" integer not null default 0,
      "public_profile" boolean not null default false,
      constraint "user_skill_pkey" primary key ("user_id", "skill_lower")
    )`);
    this.addSql(`create index "user_skill_leaderboard_idx" on "user_skill" ("skill_lower", (-"score"), "user_id") where "public_profile"`);
    this.addSql(`insert into "user_skill" ("user_id", "skill_lower")
      select distinct u."id", lower(btrim(s)) from "user_account" u cross join lateral unnest(u."skills") s where btrim(s) <> ''`);

    this.addSql(`create table "reputation_fact" (
      "user_id" uuid not null,
      "kind" text not null check ("kind" in ('ENTERED', 'FINALIST', 'PRIZE')),
      "challenge_id" uuid not null,
      "source" text not null,
      "amount_minor" bigint null,
      "currency" char(3) null,
      "created_at" timestamptz not null default now(),
      constraint "reputation_fact_pkey" primary key ("user_id", "kind", "challenge_id", "source")
    )`);

    this.addSql(`create table "reputation" (
      "user_id" uuid primary key,
      "score" integer not null default 0,
      "prizes_won" integer not null default 0,
      "finalist_places" integer not null default 0,
      "submissions" integer not null default 0,
      "public_profile" boolean not null default false,
      "updated_at" timestamptz not null default now()
    )`);
    // The leaderboard's order (score desc, user id asc) over public profiles only, as one ascending key (-score,
    // user_id): a keyset page is one index range from the cursor, however many users share a score (most have 0).
    this.addSql(`create index "reputation_leaderboard_idx" on "reputation" ((-"score"), "user_id") where "public_profile"`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "reputation"`);
    this.addSql(`drop table "reputation_fact"`);
    this.addSql(`drop table "user_skill"`);
    this.addSql(`alter table "user_account" drop column "profile_version"`);
    this.addSql(`alter table "user_account" drop column "public_profile"`);
    this.addSql(`alter table "user_account" drop column "school"`);
  }
}
