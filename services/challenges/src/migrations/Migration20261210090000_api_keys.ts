import { Migration } from '@mikro-orm/migrations';

/**
 * API keys (issue 16, docs/ARCHITECTURE.md "API keys"): an organization's keys (only the SHA-256 of each secret), and
 * the membership that makes a key an ADMIN of its organization, told apart from people's by `principal`.
 */
export class Migration20261210090000_api_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organization_membership"
      add column "principal" text not null default 'USER' constraint "organization_membership_principal_check" check ("principal" in ('USER', 'API_KEY'))`);
    this.addSql(`create table "api_key" (
      "id" uuid primary key,
      "organization_id" uuid not null references "organization" ("id") deferrable initially deferred,
      "name" text not null,
      "scopes" text[] not null constraint "api_key_scopes_check" check (cardinality("scopes") > 0),
      "secret_hash" text not null constraint "api_key_secret_hash_check" check ("secret_hash" ~ '^[0-9a-f]{64}$'),
      "created_by" uuid not null,
      "created_at" timestamptz not null default now(),
      "last_used_at" timestamptz null,
      "revoked_at" timestamptz null,
      "version" integer not null default 1
    )`);
    this.addSql(`create unique index "api_key_secret_hash_key" on "api_key" ("secret_hash")`);
    // Organization.apiKeys (newest first) and the count of an organization's unrevoked keys.
    this.addSql(`create index "api_key_organization_idx" on "api_key" ("organization_id", "created_at" desc, "id" desc)`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "organization_membership" where "principal" = 'API_KEY'`);
    this.addSql(`drop table "api_key"`);
    this.addSql(`alter table "organization_membership" drop column "principal"`);
  }
}
