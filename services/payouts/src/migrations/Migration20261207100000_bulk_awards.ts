import { Migration } from '@mikro-orm/migrations';

/**
 * Judging (issue 13): prizes of several places and awards at scale.
 * - challenge_view learns the judging rules (guaranteed, judging deadline, closed) and when payouts concluded the
 *   judging deadline's decision (once).
 * - An award pays its own amount (the prize's, or a share of unawarded places' money), backfilled from the prize it
 *   was for (the payouts' sum where the prize is not known), in the challenge's currency. A prize's places go to
 *   different submissions: unique (challenge, rank, submission) instead of (challenge, rank). Automatic awards have
 *   no awarder.
 * - award_request: one awardPrizes call per (challenge, idempotency key), with the hash of its sorted places.
 */
export class Migration20261207100000_bulk_awards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge_view"
      add column "guaranteed" boolean not null default false,
      add column "judging_deadline" timestamptz null,
      add column "judging_closed" boolean not null default false,
      add column "concluded_at" timestamptz null`);
    this.addSql(`create table "award_request" (
      "id" uuid primary key,
      "challenge_id" uuid not null,
      "idempotency_key" text not null check (length("idempotency_key") between 1 and 200),
      "request_hash" text not null,
      "requested_by" uuid null,
      "awarded_count" integer not null,
      "created_at" timestamptz not null default now(),
      constraint "award_request_challenge_key" unique ("challenge_id", "idempotency_key")
    )`);
    this.addSql(`alter table "award"
      add column "amount_minor" bigint null,
      add column "currency" char(3) null,
      add column "automatic" boolean not null default false,
      add column "request_id" uuid null references "award_request" ("id")`);
    this.addSql(`update "award" a set "amount_minor" = (p ->> 'amountMinor')::bigint, "currency" = c."currency"
      from "challenge_view" c cross join lateral jsonb_array_elements(c."prizes") p
      where c."id" = a."challenge_id" and (p ->> 'rank')::int = a."prize_rank"`);
    this.addSql(`update "award" a set "amount_minor" = coalesce(a."amount_minor", s."total"), "currency" = coalesce(a."currency", s."currency")
      from (select "award_id", sum("amount_minor") as "total", min("currency") as "currency" from "payout" group by "award_id") s
      where s."award_id" = a."id" and (a."amount_minor" is null or a."currency" is null)`);
    this.addSql(`alter table "award" alter column "amount_minor" set not null, alter column "currency" set not null,
      add constraint "award_amount_check" check ("amount_minor" > 0)`);
    this.addSql(`alter table "award" alter column "awarded_by" drop not null`);
    this.addSql(`alter table "award" add constraint "award_awarder_check" check ("automatic" or "awarded_by" is not null)`);
    this.addSql(`alter table "award" drop constraint "award_challenge_prize_key"`);
    this.addSql(`alter table "award" add constraint "award_challenge_prize_submission_key" unique ("challenge_id", "prize_rank", "submission_id")`);
    // Prize.awards pages (first awarded first: uuidv7 ids) and a replayed request's awards.
    this.addSql(`create index "award_prize_idx" on "award" ("challenge_id", "prize_rank", "id")`);
    this.addSql(`create index "award_request_idx" on "award" ("request_id") where "request_id" is not null`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index "award_request_idx"');
    this.addSql('drop index "award_prize_idx"');
    this.addSql('alter table "award" drop constraint "award_challenge_prize_submission_key"');
    this.addSql('alter table "award" add constraint "award_challenge_prize_key" unique ("challenge_id", "prize_rank")');
    this.addSql('alter table "award" drop constraint "award_awarder_check"');
    this.addSql('alter table "award" alter column "awarded_by" set not null');
    this.addSql('alter table "award" drop constraint "award_amount_check"');
    this.addSql('alter table "award" drop column "request_id", drop column "automatic", drop column "currency", drop column "amount_minor"');
    this.addSql('drop table "award_request"');
    this.addSql('alter table "challenge_view" drop column "concluded_at", drop column "judging_closed", drop column "judging_deadline", drop column "guaranteed"');
  }
}
