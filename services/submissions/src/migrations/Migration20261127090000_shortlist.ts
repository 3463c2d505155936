import { Migration } from '@mikro-orm/migrations';

/**
 * Judging at contest scale: the sponsor's judges keep a shortlist. `shortlisted_at` is when a submission was put on
 * it (null: not shortlisted); it is the judges' private tool, never shown to authors. The partial index serves
 * Challenge.submissions(shortlistedOnly: true) with the same (first_submitted_at, id) keyset as the full list, and
 * its count, without reading the submissions that are not shortlisted.
 */
export class Migration20261127090000_shortlist extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "submission" add column "shortlisted_at" timestamptz(3) null`);
    this.addSql(
      `create index "submission_shortlist_page_idx" on "submission" ("challenge_id", "first_submitted_at", "id") where "shortlisted_at" is not null`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index "submission_shortlist_page_idx"');
    this.addSql('alter table "submission" drop column "shortlisted_at"');
  }
}
