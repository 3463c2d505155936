import { Migration } from '@mikro-orm/migrations';

/**
 * Teams (docs/ARCHITECTURE.md, "Teams"): teams, their members and split, invitations by email, the users' emails
 * (`user_view`, fed by solvers' UserRegistered), and `challenge_participant`: who takes part in a challenge, alone
 * (team_id null) or in a team. Its primary key (challenge_id, user_id) is what makes "one team per member, and not
 * after a solo submission" hold under concurrency: a solo submit claims (user, no team) in its one statement, a team
 * creation or join inserts (user, team); whichever commits second finds the row and is refused. Backfilled from
 * the submissions made so far (all solo). A submission is now solo (unique per challenge and author) or a team's
 * (unique per team); each version records who submitted it (null: the author).
 */
export class Migration20261206100000_teams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "user_view" (
      "id" uuid primary key,
      "email" text null,
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "user_view_email_idx" on "user_view" ("email")`);
    // The title, for the invitation mail (ChallengeChanged carries it; rows before: null until the next change).
    this.addSql(`alter table "challenge_view" add column "title" text null`);

    this.addSql(`create table "team" (
      "id" uuid primary key,
      "challenge_id" uuid not null,
      "name" text not null,
      "created_by" uuid not null,
      "created_at" timestamptz(3) not null default now(),
      "split_version" integer not null,
      "split_status" text not null check ("split_status" in ('PROPOSED', 'AGREED')),
      "split_equal" boolean not null default false
    )`);
    this.addSql(`create index "team_challenge_idx" on "team" ("challenge_id")`);
    // Members in join order (the split's stated order: ties of the largest-remainder division go to the earlier).
    this.addSql(`create table "team_member" (
      "team_id" uuid not null references "team" ("id") on delete cascade,
      "user_id" uuid not null,
      "position" integer not null,
      "share_basis_points" integer not null check ("share_basis_points" between 0 and 10000),
      "agreed_at" timestamptz(3) null,
      "joined_at" timestamptz(3) not null,
      constraint "team_member_pkey" primary key ("team_id", "user_id")
    )`);
    this.addSql(`create index "team_member_user_idx" on "team_member" ("user_id")`);
    this.addSql(`create table "team_invitation" (
      "id" uuid primary key,
      "team_id" uuid not null references "team" ("id") on delete cascade,
      "email" text not null,
      "invited_by" uuid not null,
      "status" text not null check ("status" in ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
      "invited_at" timestamptz(3) not null,
      "expires_at" timestamptz(3) not null,
      "responded_at" timestamptz(3) null
    )`);
    // One pending invitation per (team, email): inviting again returns it.
    this.addSql(`create unique index "team_invitation_pending_unique" on "team_invitation" ("team_id", "email") where "status" = 'PENDING'`);
    this.addSql(`create index "team_invitation_email_idx" on "team_invitation" ("email", "invited_at")`);

    this.addSql(`create table "challenge_participant" (
      "challenge_id" uuid not null,
      "user_id" uuid not null,
      "team_id" uuid null references "team" ("id") on delete cascade,
      constraint "challenge_participant_pkey" primary key ("challenge_id", "user_id")
    )`);
    this.addSql(`create index "challenge_participant_team_idx" on "challenge_participant" ("team_id") where "team_id" is not null`);
    this.addSql(`insert into "challenge_participant" ("challenge_id", "user_id", "team_id")
      select "challenge_id", "author_id", null from "submission" on conflict do nothing`);

    this.addSql(`alter table "submission" add column "team_id" uuid null references "team" ("id")`);
    this.addSql(`alter table "submission" drop constraint "submission_challenge_author_unique"`);
    this.addSql(`create unique index "submission_solo_unique" on "submission" ("challenge_id", "author_id") where "team_id" is null`);
    this.addSql(`create unique index "submission_team_unique" on "submission" ("team_id") where "team_id" is not null`);
    // Null: the submission's author (versions from before teams, bulk loads); every submit now writes it.
    this.addSql(`alter table "submission_version" add column "submitted_by" uuid null`);
    this.addSql(`update "submission_version" v set "submitted_by" = s."author_id" from "submission" s where s."id" = v."submission_id"`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "submission_version" drop column "submitted_by"`);
    this.addSql(`delete from "submission" where "team_id" is not null`);
    this.addSql(`drop index "submission_team_unique"`);
    this.addSql(`drop index "submission_solo_unique"`);
    this.addSql(`alter table "submission" drop column "team_id"`);
    this.addSql(`alter table "submission" add constraint "submission_challenge_author_unique" unique ("challenge_id", "author_id")`);
    this.addSql('drop table "challenge_participant"');
    this.addSql('drop table "team_invitation"');
    this.addSql('drop table "team_member"');
    this.addSql('drop table "team"');
    this.addSql(`alter table "challenge_view" drop column "title"`);
    this.addSql('drop table "user_view"');
  }
}
