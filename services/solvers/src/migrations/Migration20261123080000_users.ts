import { Migration } from '@mikro-orm/migrations';

export class Migration20261123080000_users extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "user_account" (
      "id" uuid primary key,
      "email" text not null,
      "password_hash" text not null,
      "display_name" text not null,
      "bio" text not null default '',
      "skills" text[] not null default '{}',
      "country" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "user_account_email_unique" unique ("email")
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "user_account"');
  }
}
