import { Migration } from '@mikro-orm/migrations';

/**
 * Team awards (issue 12). The submission's team (SubmissionCreated.teamId) and each team's split in force (the latest
 * TeamSplitAgreed), read models of the submissions context. An award to a team has no single winner: it records the
 * team and the split it paid (version, shares in their stated order, each member's part), and makes one payout per
 * member with a non-zero part; (award, recipient) is unique, so an award never pays anyone twice.
 */
export class Migration20261206100000_team_awards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "submission_view" add column "team_id" uuid null`);
    this.addSql(`create table "team_split_view" (
      "team_id" uuid primary key,
      "challenge_id" uuid not null,
      "split_version" integer not null,
      "shares" jsonb not null
    )`);
    this.addSql(`alter table "award" alter column "winner_id" drop not null`);
    this.addSql(`alter table "award" add column "team_id" uuid null, add column "split" jsonb null`);
    this.addSql(`alter table "award" add constraint "award_winner_or_team_check" check (
      ("team_id" is null and "split" is null and "winner_id" is not null) or ("team_id" is not null and "split" is not null and "winner_id" is null))`);
    this.addSql(`alter table "payout" add constraint "payout_award_recipient_key" unique ("award_id", "winner_id")`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "payout" drop constraint "payout_award_recipient_key"');
    this.addSql('alter table "award" drop constraint "award_winner_or_team_check"');
    this.addSql('alter table "award" drop column "split", drop column "team_id"');
    this.addSql('alter table "award" alter column "winner_id" set not null');
    this.addSql('drop table "team_split_view"');
    this.addSql('alter table "submission_view" drop column "team_id"');
  }
}
