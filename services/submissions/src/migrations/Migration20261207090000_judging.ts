import { Migration } from '@mikro-orm/migrations';

/**
 * Judging (issue 13, /work/shared design): what challenge_view learns from ChallengeChanged's judging fields, the
 * judges (challenge_role_view from ChallengeRoleChanged), score cards and the ranking's per-(submission, round)
 * aggregate. `ranking_fixed_at` / `finalists_announced_at` record that JudgingRankingFixed / FinalistsAnnounced were
 * emitted, so a replayed or later ChallengeChanged never emits them again.
 */
export class Migration20261207090000_judging extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge_view"
      add column "rubric" jsonb null,
      add column "guaranteed" boolean not null default false,
      add column "judging_deadline" timestamptz null,
      add column "judging_closed" boolean not null default false,
      add column "round" integer not null default 1,
      add column "final_round_deadline" timestamptz null,
      add column "finalist_ids" uuid[] not null default '{}',
      add column "prize_places" integer not null default 0,
      add column "ranking_fixed_at" timestamptz null,
      add column "finalists_announced_at" timestamptz null`);
    // Rows before: one place per prize.
    this.addSql(`update "challenge_view" set "prize_places" = jsonb_array_length("prizes")`);

    this.addSql(`create table "challenge_role_view" (
      "challenge_id" uuid not null,
      "user_id" uuid not null,
      "role" text not null check ("role" in ('JUDGE', 'PARTICIPANT')),
      "granted" boolean not null,
      "version" integer not null,
      "updated_at" timestamptz not null default now(),
      constraint "challenge_role_view_pkey" primary key ("challenge_id", "user_id", "role")
    )`);
    this.addSql(`create index "challenge_role_view_user_idx" on "challenge_role_view" ("user_id")`);

    this.addSql(`create table "score_card" (
      "id" uuid primary key,
      "challenge_id" uuid not null,
      "submission_id" uuid not null references "submission" ("id"),
      "judge_id" uuid not null,
      "round" integer not null,
      "scores" jsonb not null,
      "weighted_total" integer not null check ("weighted_total" between 0 and 10000),
      "comment" text null,
      "created_at" timestamptz(3) not null default now(),
      "updated_at" timestamptz(3) not null default now()
    )`);
    // One card per (judge, submission, round): the upsert's conflict target.
    this.addSql(`create unique index "score_card_judge_submission_round_unique" on "score_card" ("judge_id", "submission_id", "round")`);
    // The board: each judge's cards in a round (scoredCount, Kendall's W); a submission's cards (scoreCards, feedback).
    this.addSql(`create index "score_card_challenge_round_judge_idx" on "score_card" ("challenge_id", "round", "judge_id")`);
    this.addSql(`create index "score_card_submission_round_idx" on "score_card" ("submission_id", "round")`);

    this.addSql(`create table "submission_score" (
      "submission_id" uuid not null references "submission" ("id"),
      "round" integer not null,
      "challenge_id" uuid not null,
      "card_count" integer not null,
      "total_sum" bigint not null,
      "mean_total" integer not null,
      "first_submitted_at" timestamptz(3) not null,
      constraint "submission_score_pkey" primary key ("submission_id", "round")
    )`);
    // The ranking's keyset: mean desc, cards desc, first submitted, id; descending keys negated so one row comparison
    // (-mean, -cards, first, id) > cursor is one index condition and page N reads as little as page 1.
    this.addSql(`create index "submission_score_ranking_idx" on "submission_score"
      ("challenge_id", "round", (-"mean_total"), (-"card_count"), "first_submitted_at", "submission_id")`);
  }
}
