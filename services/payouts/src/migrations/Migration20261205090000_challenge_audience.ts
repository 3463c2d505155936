import { Migration } from '@mikro-orm/migrations';

/**
 * Who may see a challenge (ChallengeChanged.visibility and .published), so that INVITE_ONLY challenges and drafts
 * cannot be entered or read through this context by anyone outside the sponsor. Rows from events that lacked the
 * fields: PUBLIC, published unless a DRAFT; challenges announced the others again at their next version.
 */
export class Migration20261205090000_challenge_audience extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge_view" add column "visibility" text not null default 'PUBLIC'`);
    this.addSql(`alter table "challenge_view" add column "published" boolean not null default true`);
    this.addSql(`update "challenge_view" set "published" = false where "status" = 'DRAFT'`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "challenge_view" drop column "published"');
    this.addSql('alter table "challenge_view" drop column "visibility"');
  }
}
