import { Migration } from '@mikro-orm/migrations';

/**
 * Partner webhooks (issue 16): an organization's endpoints (signing secrets sealed with WEBHOOK_SECRETS_KEY), one
 * delivery per (endpoint, event) (the work queue's items: its bookkeeping columns `failures`, `next_attempt_at`,
 * `last_error`), and the log of every attempt.
 */
export class Migration20261211090000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "webhook_endpoint" (
      "id" uuid primary key,
      "organization_id" uuid not null references "organization" ("id"),
      "url" text not null,
      "events" text[] not null,
      "secret_sealed" text not null,
      "created_by" uuid not null,
      "created_at" timestamptz(3) not null default now(),
      "deleted_at" timestamptz(3) null
    )`);
    // The fan-out (an event's organization's live endpoints) and the limit's count.
    this.addSql(`create index "webhook_endpoint_organization_idx" on "webhook_endpoint" ("organization_id", "created_at", "id") where "deleted_at" is null`);
    this.addSql(`create table "webhook_delivery" (
      "id" uuid primary key default gen_random_uuid(),
      "endpoint_id" uuid not null references "webhook_endpoint" ("id"),
      "event_id" uuid not null,
      "event_type" text not null,
      "body" text not null,
      "status" text not null default 'PENDING' constraint "webhook_delivery_status_check" check ("status" in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
      "created_at" timestamptz(3) not null default now(),
      "attempt_count" integer not null default 0,
      "failures" integer not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "last_status_code" integer null,
      "last_error" text null,
      "delivered_at" timestamptz null,
      constraint "webhook_delivery_endpoint_event_key" unique ("endpoint_id", "event_id")
    )`);
    // The queue's claim: due pending rows.
    this.addSql(`create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at") where "status" = 'PENDING'`);
    // WebhookEndpoint.deliveries: newest first, keyset on (created_at, id).
    this.addSql(`create index "webhook_delivery_page_idx" on "webhook_delivery" ("endpoint_id", "created_at" desc, "id" desc)`);
    this.addSql(`create table "webhook_delivery_attempt" (
      "delivery_id" uuid not null references "webhook_delivery" ("id"),
      "number" integer not null,
      "started_at" timestamptz(3) not null default now(),
      "duration_ms" integer null,
      "status_code" integer null,
      "error" text null,
      constraint "webhook_delivery_attempt_pkey" primary key ("delivery_id", "number")
    )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "webhook_delivery_attempt"`);
    this.addSql(`drop table "webhook_delivery"`);
    this.addSql(`drop table "webhook_endpoint"`);
  }
}
