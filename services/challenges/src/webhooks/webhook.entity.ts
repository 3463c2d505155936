import { Entity, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { WebhookDeliveryStatus, WebhookEventName } from './webhook.domain';

/**
 * A partner's webhook endpoint, of one organization: where its subscribed events are POSTed. `secretSealed` is the
 * signing secret under WEBHOOK_SECRETS_KEY (webhook.secrets.ts), never the secret itself. A deleted endpoint
 * (`deletedAt`) receives nothing more and keeps its delivery log.
 */
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpointEntity {
  [OptionalProps]?: 'createdAt' | 'deletedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  organizationId!: string;

  /** As WHATWG URL serialises it. */
  @Property({ type: 'text' })
  url!: string;

  /** Wire names (`challenge.published`), in the enum's order. */
  @Property({ type: 'text[]' })
  events!: WebhookEventName[];

  @Property({ type: 'text', lazy: true })
  secretSealed!: string;

  /** The user, or the API key, that created it. */
  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', length: 3, nullable: true })
  deletedAt: Date | null = null;
}

/**
 * One event for one endpoint, and the work queue's item (webhook.delivery-queue.ts): unique per (endpoint, event),
 * so an event announced again makes no second delivery. `body` is the exact JSON sent and signed at each attempt.
 * `attemptCount` counts every attempt made (redeliveries included), `failures` the failed ones (the backoff's count).
 * Written in SQL only (the fan-out, the queue, a redelivery).
 */
@Entity({ tableName: 'webhook_delivery', readonly: true })
export class WebhookDeliveryEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  endpointId!: string;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  eventType!: WebhookEventName;

  @Property({ type: 'text', lazy: true })
  body!: string;

  @Property({ type: 'text', default: 'PENDING' })
  status!: WebhookDeliveryStatus;

  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'integer', default: 0 })
  attemptCount!: number;

  @Property({ type: 'integer', default: 0 })
  failures!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt!: Date;

  @Property({ type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Property({ type: 'text', nullable: true })
  lastError!: string | null;

  /** The last 2xx (kept when a delivered event is sent again). */
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}

/** The log of a delivery's attempts: one row each, numbered from 1. No result yet: in flight, or its process stopped. */
@Entity({ tableName: 'webhook_delivery_attempt', readonly: true })
export class WebhookDeliveryAttemptEntity {
  [PrimaryKeyProp]?: ['deliveryId', 'number'];

  @PrimaryKey({ type: 'uuid' })
  deliveryId!: string;

  @PrimaryKey({ type: 'integer' })
  number!: number;

  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  startedAt!: Date;

  @Property({ type: 'integer', nullable: true })
  durationMs!: number | null;

  @Property({ type: 'integer', nullable: true })
  statusCode!: number | null;

  /** At most 500 characters. */
  @Property({ type: 'text', nullable: true })
  error!: string | null;
}
