import { Migration } from '@mikro-orm/migrations';

/** The outbox and the processed-event inbox every context has, in its own schema. */
export class EventTablesMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "outbox_event" (
      "id" uuid primary key,
      "type" text not null,
      "payload" jsonb not null,
      "occurred_at" timestamptz not null default now(),
      "published_at" timestamptz null
    )`);
    this.addSql(`create index "outbox_event_unpublished_idx" on "outbox_event" ("occurred_at") where "published_at" is null`);
    this.addSql(`create table "processed_event" (
      "event_id" uuid primary key,
      "type" text not null,
      "processed_at" timestamptz not null default now()
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "processed_event"');
    this.addSql('drop table "outbox_event"');
  }
}

export const EVENT_TABLES_MIGRATION = { name: 'Migration00000000000000_events', class: EventTablesMigration };
