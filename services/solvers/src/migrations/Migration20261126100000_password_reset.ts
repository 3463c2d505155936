import { Migration } from '@mikro-orm/migrations';

/** Password reset tokens (only their hash) and the mail outbox that carries the links; see password-resets/ and mail/. */
export class Migration20261126100000_password_reset extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "password_reset_token" (
      "id" uuid primary key,
      "user_id" uuid not null references "user_account" ("id") on delete cascade,
      "token_hash" text not null,
      "created_at" timestamptz not null default now(),
      "expires_at" timestamptz not null,
      "used_at" timestamptz null,
      constraint "password_reset_token_hash_unique" unique ("token_hash")
    )`);
    // The hourly request limit counts a user's recent tokens; a reset marks the user's unused ones.
    this.addSql(`create index "password_reset_token_user_created_idx" on "password_reset_token" ("user_id", "created_at")`);

    this.addSql(`create table "mail_outbox" (
      "id" uuid primary key,
      "to_email" text not null,
      "subject" text not null,
      "body_text" text not null,
      "created_at" timestamptz not null default now(),
      "sent_at" timestamptz null,
      "attempts" integer not null default 0 check ("attempts" >= 0),
      "next_attempt_at" timestamptz not null default now(),
      "last_error" text null
    )`);
    // What the dispatcher looks for: unsent mail, in the order it is due.
    this.addSql(`create index "mail_outbox_due_idx" on "mail_outbox" ("next_attempt_at") where "sent_at" is null`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "mail_outbox"`);
    this.addSql(`drop table "password_reset_token"`);
  }
}
