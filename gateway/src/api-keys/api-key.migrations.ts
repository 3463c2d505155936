import type { MigrationList } from '@ideagora/db';
import { Migration } from '@mikro-orm/migrations';

/**
 * The gateway's API key registry (issue 16): every organization's key as challenges announced it (ApiKeyChanged), so
 * a gateway process loads them all at start. `organization_id` and `secret_hash` are null only for a key revoked at
 * this gateway (the revocation's answer) before its creation was heard: a tombstone, so a restart cannot bring it back.
 */
export class Migration20261210090000_api_key extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "api_key" (
      "id" uuid primary key,
      "organization_id" uuid null,
      "scopes" text[] not null default '{}',
      "secret_hash" text null,
      "revoked_at" timestamptz null,
      "version" integer not null
    )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "api_key"`);
  }
}

/** The gateway schema's migrations (the events tables come first, from the event participant). */
export const GATEWAY_MIGRATIONS: MigrationList = [{ name: 'Migration20261210090000_api_key', class: Migration20261210090000_api_key }];
