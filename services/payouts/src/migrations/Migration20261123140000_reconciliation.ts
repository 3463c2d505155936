import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140000_reconciliation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "reconciliation_report" (
      "id" uuid primary key,
      "checked_at" timestamptz not null default now(),
      "challenges_checked" integer not null,
      "drift_count" integer not null,
      "drifts" jsonb not null
    )`);
    this.addSql(`create index "reconciliation_report_checked_idx" on "reconciliation_report" ("checked_at" desc)`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "reconciliation_report"');
  }
}
