import { Migration } from '@mikro-orm/migrations';

/**
 * Entries with files and public galleries (issue 14). `attachment`: an upload, PENDING until its bytes are verified
 * (READY) or refused (REJECTED, with the reason); it carries the bookkeeping of its verification queue
 * (`next_attempt_at` starts past the upload window: the queue looks at uploads that never came). `referenced` is set
 * once a submission version lists it (never unset: versions are kept), so the orphan sweep reads a partial index.
 * `submission_version_attachment`: each version's files, in order. `challenge_view` learns the gallery mode, the
 * voting window and when submissions first closed (GALLERY_AFTER_CLOSE opens then, for good).
 */
export class Migration20261209090000_entries extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "attachment" (
      "id" uuid primary key,
      "owner_id" uuid not null,
      "file_name" text not null,
      "content_type" text not null,
      "byte_size" bigint not null check ("byte_size" between 1 and 26214400),
      "sha256" char(64) not null,
      "status" text not null default 'PENDING' check ("status" in ('PENDING', 'READY', 'REJECTED')),
      "storage_key" text not null unique,
      "has_preview" boolean not null default false,
      "rejected_reason" text null,
      "referenced" boolean not null default false,
      "created_at" timestamptz(3) not null default now(),
      "upload_expires_at" timestamptz(3) not null,
      "verified_at" timestamptz(3) null,
      "attempts" integer not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "last_error" text null
    )`);
    // At most 50 PENDING per owner (counted under a lock); the verification queue; the orphan sweep.
    this.addSql(`create index "attachment_owner_pending_idx" on "attachment" ("owner_id") where "status" = 'PENDING'`);
    this.addSql(`create index "attachment_verify_due_idx" on "attachment" ("next_attempt_at") where "status" = 'PENDING'`);
    this.addSql(`create index "attachment_orphan_idx" on "attachment" ("created_at") where not "referenced"`);

    this.addSql(`create table "submission_version_attachment" (
      "submission_id" uuid not null,
      "version" integer not null,
      "position" integer not null check ("position" between 0 and 9),
      "attachment_id" uuid not null references "attachment" ("id"),
      constraint "submission_version_attachment_pkey" primary key ("submission_id", "version", "position"),
      constraint "submission_version_attachment_version_fkey" foreign key ("submission_id", "version") references "submission_version" ("submission_id", "version")
    )`);
    this.addSql(`create index "submission_version_attachment_attachment_idx" on "submission_version_attachment" ("attachment_id")`);

    this.addSql(`alter table "challenge_view"
      add column "submission_visibility" text not null default 'SEALED' check ("submission_visibility" in ('SEALED', 'GALLERY', 'GALLERY_AFTER_CLOSE')),
      add column "voting_starts_at" timestamptz null,
      add column "voting_ends_at" timestamptz null,
      add column "voting_closed" boolean not null default false,
      add column "submissions_closed_at" timestamptz null`);
    // Challenges already past OPEN closed their submissions before now (their mode is SEALED until an event says more).
    this.addSql(`update "challenge_view" set "submissions_closed_at" = "updated_at" where "status" in ('JUDGING', 'AWARDED', 'CLOSED', 'CANCELLING')`);
  }
}
