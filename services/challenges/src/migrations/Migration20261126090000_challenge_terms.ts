import { Migration } from '@mikro-orm/migrations';

/** Terms solvers accept before submitting; null = none (every challenge created before this has none). */
export class Migration20261126090000_challenge_terms extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge" add column "terms" text null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "challenge" drop column "terms"`);
  }
}
