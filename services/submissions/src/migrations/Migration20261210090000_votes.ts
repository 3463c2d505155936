import { Migration } from '@mikro-orm/migrations';

/**
 * Community votes (issue 14). `ballot`: a voter's votes used on one challenge (at most 3, the check is the bound the
 * conditional upsert relies on). `vote`: one per (submission, voter); `counted` false when a fraud rule flagged it
 * (`flag_reason`), kept for the sponsor (vote_flagged_idx). `voter_created_at` (the account's creation, from user_view)
 * and `client_address` are copied on the row so both fraud rules read one index range each.
 * `submission.vote_count`: the counted votes, moved in the vote's own transaction. `user_view.created_at`: the
 * account's age (VOTE_MIN_ACCOUNT_AGE_HOURS). `challenge_view`: the community-choice places (the ranking's length)
 * and when VotingRankingFixed was emitted (once).
 */
export class Migration20261210090000_votes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "user_view" add column "created_at" timestamptz null`);
    // Accounts known before: when their UserRegistered reached us (their creation, or solvers' later re-announcement
    // of every account): never older than they are, so the minimum age is never cut short.
    this.addSql(`update "user_view" set "created_at" = "updated_at" where "created_at" is null`);
    this.addSql(`alter table "submission" add column "vote_count" integer not null default 0 check ("vote_count" >= 0)`);
    this.addSql(`alter table "challenge_view"
      add column "community_places" integer not null default 0,
      add column "vote_ranking_fixed_at" timestamptz null`);

    this.addSql(`create table "ballot" (
      "challenge_id" uuid not null,
      "voter_id" uuid not null,
      "votes_used" integer not null check ("votes_used" between 0 and 3),
      constraint "ballot_pkey" primary key ("challenge_id", "voter_id")
    )`);

    this.addSql(`create table "vote" (
      "id" uuid primary key,
      "challenge_id" uuid not null,
      "submission_id" uuid not null references "submission" ("id"),
      "voter_id" uuid not null,
      "voter_created_at" timestamptz not null,
      "client_address" inet null,
      "counted" boolean not null,
      "flag_reason" text null check ("flag_reason" in ('ADDRESS_BURST', 'ACCOUNT_BATCH')),
      "created_at" timestamptz(3) not null default now(),
      constraint "vote_submission_voter_unique" unique ("submission_id", "voter_id")
    )`);
    // Fraud rules: one address's votes on a challenge in the last 10 minutes; a submission's voters created together.
    this.addSql(`create index "vote_address_idx" on "vote" ("challenge_id", "client_address", "created_at") where "client_address" is not null`);
    this.addSql(`create index "vote_voter_created_idx" on "vote" ("submission_id", "voter_created_at")`);
    // Challenge.flaggedVotes: keyset (created_at, id) over the flagged ones only.
    this.addSql(`create index "vote_flagged_idx" on "vote" ("challenge_id", "created_at", "id") where not "counted"`);
    // The vote ranking (most votes first, then earlier first submission): Challenge.gallery(orderBy: VOTES)'s keyset
    // on the row (-vote_count, first_submitted_at, id) and the ranking fixed at the end of voting.
    this.addSql(`create index "submission_vote_ranking_idx" on "submission" ("challenge_id", (-"vote_count"), "first_submitted_at", "id")`);
  }
}
