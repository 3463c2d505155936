import { Migration } from '@mikro-orm/migrations';

/**
 * Discovery (docs/ARCHITECTURE.md, "Discovery"): the sponsor's name copied into each challenge, a search vector
 * with both English (stemmed) and simple (unstemmed) lexemes so that prefixes and the sponsor's name match, and the
 * indexes of the new sorts (each keyset on its key and the id).
 */
export class Migration20261206090000_discovery extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge" add column "organization_name" text`);
    this.addSql(`update "challenge" c set "organization_name" = o."name" from "organization" o where o."id" = c."organization_id"`);
    this.addSql(`alter table "challenge" alter column "organization_name" set not null`);

    // A generated column's expression cannot be altered before Postgres 17: dropped (with its index) and added again.
    this.addSql(`alter table "challenge" drop column "search_vector"`);
    this.addSql(`alter table "challenge" add column "search_vector" tsvector generated always as (
        setweight(to_tsvector('english', "title"), 'A') ||
        setweight(to_tsvector('english', "summary"), 'B') ||
        setweight(to_tsvector('english', "description"), 'C') ||
        setweight(to_tsvector('simple', "title" || ' ' || "organization_name"), 'A') ||
        setweight(to_tsvector('simple', "summary"), 'B') ||
        setweight(to_tsvector('simple', "description"), 'C')
      ) stored`);
    this.addSql(`create index "challenge_search_idx" on "challenge" using gin ("search_vector")`);

    // DEADLINE_SOONEST: keyset on (submission_deadline, id). The public part of the listing with a status (the browse
    // default, OPEN, read anonymously) and without one: partial indexes, whose index-only scans also serve totalCount.
    this.addSql(`create index "challenge_public_status_deadline_idx" on "challenge" ("status", "submission_deadline", "id") where "visibility" = 'PUBLIC' and "published_at" is not null`);
    this.addSql(`create index "challenge_public_deadline_idx" on "challenge" ("submission_deadline", "id") where "visibility" = 'PUBLIC' and "published_at" is not null`);
    // A signed-in reader's listing (public or of their organizations) with a status.
    this.addSql(`create index "challenge_status_deadline_idx" on "challenge" ("status", "submission_deadline", "id")`);
    // PRIZE_HIGHEST needs a currency filter: keyset on (total_prize_minor desc, id desc) within a currency.
    this.addSql(`create index "challenge_currency_prize_idx" on "challenge" ("currency", "total_prize_minor" desc, "id" desc)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "challenge_currency_prize_idx"`);
    this.addSql(`drop index "challenge_public_deadline_idx"`);
    this.addSql(`drop index "challenge_status_deadline_idx"`);
    this.addSql(`drop index "challenge_public_status_deadline_idx"`);
    this.addSql(`alter table "challenge" drop column "search_vector"`);
    this.addSql(`alter table "challenge" add column "search_vector" tsvector generated always as (
        setweight(to_tsvector('english', "title"), 'A') ||
        setweight(to_tsvector('english', "summary"), 'B') ||
        setweight(to_tsvector('english', "description"), 'C')
      ) stored`);
    this.addSql(`create index "challenge_search_idx" on "challenge" using gin ("search_vector")`);
    this.addSql(`alter table "challenge" drop column "organization_name"`);
  }
}
