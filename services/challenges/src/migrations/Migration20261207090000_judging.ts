import { Migration } from '@mikro-orm/migrations';

/**
 * Judging (issue 13, docs/ARCHITECTURE.md "Judging"): the rubric, guaranteed pools and the judging deadline (existing
 * challenges: 30 days after their submission deadline), the final round, prize quantities with their awards in
 * `prize_award` (copied from prize.awarded_submission_id), challenge invitations, and `submission_view`.
 */
export class Migration20261207090000_judging extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge"
      add column "guaranteed" boolean not null default false,
      add column "judging_deadline" timestamptz null,
      add column "judging_closed_at" timestamptz null,
      add column "round" integer not null default 1 constraint "challenge_round_check" check ("round" in (1, 2)),
      add column "final_round_deadline" timestamptz null,
      add column "finalist_submission_ids" jsonb null,
      add column "rubric" jsonb null`);
    this.addSql(`update "challenge" set "judging_deadline" = "submission_deadline" + interval '30 days'`);
    this.addSql(`alter table "challenge" alter column "judging_deadline" set not null`);
    // The deadline job: round 2's submission deadline, and the judging deadline of what is being judged.
    this.addSql(`create index "challenge_open_final_round_deadline_idx" on "challenge" ("final_round_deadline") where "status" = 'OPEN' and "round" = 2`);
    this.addSql(`create index "challenge_judging_deadline_idx" on "challenge" ("judging_deadline") where "status" = 'JUDGING' and "judging_closed_at" is null`);

    this.addSql(`alter table "prize" add column "quantity" integer not null default 1 constraint "prize_quantity_check" check ("quantity" between 1 and 10000)`);
    this.addSql(`create table "prize_award" (
      "challenge_id" uuid not null,
      "prize_rank" integer not null,
      "submission_id" uuid not null,
      "awarded_at" timestamptz not null default now(),
      constraint "prize_award_pkey" primary key ("challenge_id", "prize_rank", "submission_id"),
      constraint "prize_award_prize_fk" foreign key ("challenge_id", "prize_rank") references "prize" ("challenge_id", "rank") on delete cascade
    )`);
    this.addSql(`insert into "prize_award" ("challenge_id", "prize_rank", "submission_id", "awarded_at")
      select "challenge_id", "rank", "awarded_submission_id", coalesce("awarded_at", now()) from "prize" where "awarded_submission_id" is not null`);
    this.addSql(`alter table "prize" drop column "awarded_submission_id", drop column "awarded_at"`);

    this.addSql(`create table "challenge_invitation" (
      "id" uuid primary key,
      "challenge_id" uuid not null references "challenge" ("id") on delete cascade,
      "email" text not null,
      "role" text not null constraint "challenge_invitation_role_check" check ("role" in ('JUDGE', 'PARTICIPANT')),
      "status" text not null default 'PENDING' constraint "challenge_invitation_status_check" check ("status" in ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')),
      "invited_by" uuid not null,
      "user_id" uuid null,
      "role_version" integer not null default 0,
      "expires_at" timestamptz not null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "challenge_invitation_invitee_unique" unique ("challenge_id", "email", "role")
    )`);
    this.addSql(`create index "challenge_invitation_challenge_idx" on "challenge_invitation" ("challenge_id", "created_at" desc, "id" desc)`);
    this.addSql(`create index "challenge_invitation_email_idx" on "challenge_invitation" ("email", "created_at" desc, "id" desc)`);
    this.addSql(`create index "challenge_invitation_accepted_idx" on "challenge_invitation" ("user_id", "challenge_id") where "status" = 'ACCEPTED'`);

    this.addSql(`create table "submission_view" (
      "id" uuid primary key,
      "challenge_id" uuid not null,
      "author_id" uuid not null,
      "team_id" uuid null,
      "version" integer not null,
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "submission_view_author_idx" on "submission_view" ("author_id", "challenge_id")`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "submission_view"');
    this.addSql('drop table "challenge_invitation"');
    this.addSql(`alter table "prize" add column "awarded_submission_id" uuid null, add column "awarded_at" timestamptz null`);
    this.addSql(`update "prize" p set "awarded_submission_id" = a."submission_id", "awarded_at" = a."awarded_at"
      from (select distinct on ("challenge_id", "prize_rank") * from "prize_award" order by "challenge_id", "prize_rank", "awarded_at") a
      where a."challenge_id" = p."challenge_id" and a."prize_rank" = p."rank"`);
    this.addSql('drop table "prize_award"');
    this.addSql(`alter table "prize" drop column "quantity"`);
    this.addSql(`alter table "challenge" drop column "guaranteed", drop column "judging_deadline", drop column "judging_closed_at",
      drop column "round", drop column "final_round_deadline", drop column "finalist_submission_ids", drop column "rubric"`);
  }
}
