import { Migration } from '@mikro-orm/migrations';

/** Log-in attempts per email (known or not), to stop password guessing; see users/login-throttle.ts. */
export class Migration20261125110000_login_throttle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "login_throttle" (
      "email" text primary key,
      "attempts" integer not null check ("attempts" >= 0),
      "window_started_at" timestamptz not null,
      "blocked_until" timestamptz null
    )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "login_throttle"`);
  }
}
