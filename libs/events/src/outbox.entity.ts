import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { EventPayloads, EventType } from './event-catalog';

/** An event written in the same transaction as the change that caused it; the relay publishes it later. */
@Entity({ tableName: 'outbox_event' })
@Index({ name: 'outbox_event_unpublished_idx', expression: 'create index "outbox_event_unpublished_idx" on "outbox_event" ("occurred_at") where "published_at" is null' })
export class OutboxEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  type!: EventType;

  @Property({ type: 'json' })
  payload!: EventPayloads[EventType];

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date;
}

/** Marks an event as applied by this context: the primary key makes consumption idempotent. */
@Entity({ tableName: 'processed_event' })
export class ProcessedEvent {
  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  processedAt: Date = new Date();
}

export const EVENT_ENTITIES = [OutboxEvent, ProcessedEvent];
