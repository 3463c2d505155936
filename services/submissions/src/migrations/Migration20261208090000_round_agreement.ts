import { Migration } from '@mikro-orm/migrations';

/**
 * The judging board without a scan of every card per request (issue 13, Q4): each judge's progress in a round is
 * kept by scoreSubmission in its transaction (`scored_count`, and `cards_version` bumped by every card written), and
 * Kendall's W's sums are cached per round with the sum of the judges' versions they were computed at; a board read
 * recomputes them only when that sum moved. Backfilled from the cards there are.
 */
export class Migration20261208090000_round_agreement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "judge_round_progress" (
      "challenge_id" uuid not null,
      "round" integer not null,
      "judge_id" uuid not null,
      "scored_count" integer not null check ("scored_count" >= 0),
      "cards_version" bigint not null check ("cards_version" >= 0),
      constraint "judge_round_progress_pkey" primary key ("challenge_id", "round", "judge_id")
    )`);
    this.addSql(`insert into "judge_round_progress" ("challenge_id", "round", "judge_id", "scored_count", "cards_version")
      select "challenge_id", "round", "judge_id", count(*), count(*) from "score_card" group by 1, 2, 3`);

    this.addSql(`create table "round_agreement" (
      "challenge_id" uuid not null,
      "round" integer not null,
      "cards_version" bigint not null,
      "judges" integer not null,
      "items" integer not null,
      "squared_deviations" numeric not null,
      "tie_terms" numeric not null,
      constraint "round_agreement_pkey" primary key ("challenge_id", "round")
    )`);
  }
}
