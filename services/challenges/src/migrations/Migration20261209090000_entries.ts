import { Migration } from '@mikro-orm/migrations';

/**
 * Entries (issue 14, docs/ARCHITECTURE.md "Entries: visibility and voting"): who reads a challenge's entries, the
 * public vote's window (both ends or neither) and when the deadline job closed it, and community-choice prizes.
 */
export class Migration20261209090000_entries extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge"
      add column "submission_visibility" text not null default 'SEALED'
        constraint "challenge_submission_visibility_check" check ("submission_visibility" in ('SEALED', 'GALLERY', 'GALLERY_AFTER_CLOSE')),
      add column "voting_starts_at" timestamptz null,
      add column "voting_ends_at" timestamptz null,
      add column "voting_closed_at" timestamptz null,
      add constraint "challenge_voting_window_check" check (("voting_starts_at" is null) = ("voting_ends_at" is null) and ("voting_starts_at" is null or "voting_starts_at" < "voting_ends_at"))`);
    // The deadline job: windows still to close.
    this.addSql(`create index "challenge_voting_ends_at_idx" on "challenge" ("voting_ends_at") where "voting_ends_at" is not null and "voting_closed_at" is null`);
    this.addSql(`alter table "prize" add column "community_choice" boolean not null default false`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "prize" drop column "community_choice"`);
    this.addSql(`drop index "challenge_voting_ends_at_idx"`);
    this.addSql(`alter table "challenge" drop constraint "challenge_voting_window_check",
      drop column "submission_visibility", drop column "voting_starts_at", drop column "voting_ends_at", drop column "voting_closed_at"`);
  }
}
