import { Migration } from '@mikro-orm/migrations';

/** Sessions: the revocable refresh tokens (only their hash) behind short-lived access tokens; see sessions/. */
export class Migration20261127100000_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "user_session" (
      "id" uuid primary key,
      "user_id" uuid not null references "user_account" ("id") on delete cascade,
      "refresh_token_hash" bytea not null,
      "created_at" timestamptz not null default now(),
      "last_used_at" timestamptz not null default now(),
      "expires_at" timestamptz not null,
      "revoked_at" timestamptz null,
      constraint "user_session_refresh_token_hash_unique" unique ("refresh_token_hash")
    )`);
    // A password reset revokes the user's live sessions.
    this.addSql(`create index "user_session_live_user_idx" on "user_session" ("user_id") where "revoked_at" is null`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "user_session"`);
  }
}
