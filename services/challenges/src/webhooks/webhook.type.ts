import { ConnectionType } from '@ideagora/subgraph-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WebhookDeliveryStatus, webhookEventType, WebhookEventType } from './webhook.domain';
import type { WebhookDeliveryAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity';

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description:
    'What a webhook endpoint subscribes to. A delivery\'s JSON `type` is the same name in lowercase with dots (GraphQL enum values cannot hold dots): CHALLENGE_PUBLISHED is "challenge.published".',
  valuesConfig: {
    CHALLENGE_PUBLISHED: { description: '"challenge.published": a challenge of the organization was published (DRAFT -> OPEN).' },
    CHALLENGE_CLOSED: { description: '"challenge.closed": submissions closed (OPEN -> JUDGING), by the sponsor or at the deadline; once per round.' },
    SUBMISSION_CREATED: { description: '"submission.created": a new submission (its first version) to one of its challenges.' },
    QUESTION_ASKED: { description: '"question.asked": a solver asked a question about one of its challenges (never who).' },
    PRIZE_AWARDED: { description: '"prize.awarded": a prize place was awarded to a submission.' },
    PAYOUT_PAID: { description: '"payout.paid": a winner\'s payout reached their account.' },
    PAYOUT_FAILED: { description: '"payout.failed": a winner\'s payout transfer failed (retried; the winner is told what to do).' },
    CHALLENGE_SETTLED: { description: '"challenge.settled": every payout and refund of a challenge settled (-> CLOSED).' },
  },
});
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  valuesConfig: {
    PENDING: { description: 'Waiting for its next attempt (nextAttemptAt), or in one.' },
    DELIVERED: { description: 'The last attempt was answered with a 2xx.' },
    FAILED: { description: 'Given up: no 2xx within 24 hours of the event (redeliverWebhook sends it again).' },
    CANCELLED: { description: 'Its endpoint was deleted before it was delivered.' },
  },
});

@ObjectType('WebhookDeliveryAttempt', { description: 'One POST of a delivery: its log line (the answer\'s content is never kept).' })
export class WebhookDeliveryAttemptType {
  @Field(() => Int, { description: 'From 1, in the order made.' })
  number!: number;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'null while in flight (or when its process stopped mid-call).' })
  durationMs!: number | null;

  @Field(() => Int, { nullable: true, description: "The answer's HTTP status; null when there was none (refused, timed out, TLS)." })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, at most 500 characters; null on a 2xx.' })
  error!: string | null;

  static from(entity: WebhookDeliveryAttemptEntity): WebhookDeliveryAttemptType {
    return Object.assign(new WebhookDeliveryAttemptType(), {
      number: entity.number,
      startedAt: entity.startedAt,
      durationMs: entity.durationMs ?? null,
      statusCode: entity.statusCode ?? null,
      error: entity.error ?? null,
    });
  }
}

@ObjectType('WebhookDelivery', {
  description:
    "One event for one endpoint, retried with exponential backoff until a 2xx, for 24 hours. Its body is `{ id, type, createdAt, data }` where `id` is `eventId`: the same for every endpoint and every attempt, so receivers deduplicate on it.",
})
export class WebhookDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The JSON `id`: one business event, whatever the endpoint or the attempt.' })
  eventId!: string;

  @Field(() => WebhookEventType)
  eventType!: WebhookEventType;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made, redeliveries included.' })
  attemptCount!: number;

  @Field(() => Int, { nullable: true, description: "The last attempt's HTTP status; null when it got none, or before the first attempt." })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed; null after a 2xx." })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'The last 2xx (kept when sent again).' })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due: PENDING only (null once DELIVERED, FAILED or CANCELLED).' })
  nextAttemptAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  // `attempts` is a field resolver (WebhookDeliveryResolver).

  static from(entity: WebhookDeliveryEntity): WebhookDeliveryType {
    return Object.assign(new WebhookDeliveryType(), {
      id: entity.id,
      eventId: entity.eventId,
      eventType: webhookEventType(entity.eventType),
      status: entity.status,
      attemptCount: entity.attemptCount,
      lastStatusCode: entity.lastStatusCode ?? null,
      lastError: entity.lastError ?? null,
      deliveredAt: entity.deliveredAt ?? null,
      nextAttemptAt: entity.status === WebhookDeliveryStatus.PENDING ? entity.nextAttemptAt : null,
      createdAt: entity.createdAt,
    });
  }
}

export const WebhookDeliveryConnection = ConnectionType('WebhookDelivery', WebhookDeliveryType);
export type WebhookDeliveryConnection = InstanceType<typeof WebhookDeliveryConnection>;

@ObjectType('WebhookEndpoint', {
  description:
    "Where an organization's subscribed events are POSTed, signed with `Ideagora-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">` (its signing secret, shown once at creation). OWNER/ADMIN (or an API key with WEBHOOKS_MANAGE) only.",
})
export class WebhookEndpointType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [WebhookEventType])
  events!: WebhookEventType[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Deleted (deleteWebhookEndpoint): nothing more is sent; its deliveries stay readable.' })
  deletedAt!: Date | null;

  // `deliveries` is a field resolver (WebhookEndpointResolver).

  static from(entity: WebhookEndpointEntity): WebhookEndpointType {
    return Object.assign(new WebhookEndpointType(), {
      id: entity.id,
      organizationId: entity.organizationId,
      url: entity.url,
      events: entity.events.map(webhookEventType),
      createdAt: entity.createdAt,
      deletedAt: entity.deletedAt ?? null,
    });
  }
}

@ObjectType('CreateWebhookEndpointPayload')
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointType)
  endpoint!: WebhookEndpointType;

  @Field(() => String, { description: 'whsec_ and 43 characters: shown this once (only an encrypted copy is kept). Verifies every delivery\'s signature.' })
  signingSecret!: string;
}

@ObjectType('DeleteWebhookEndpointPayload')
export class DeleteWebhookEndpointPayload {
  @Field(() => WebhookEndpointType)
  endpoint!: WebhookEndpointType;
}

@ObjectType('RedeliverWebhookPayload')
export class RedeliverWebhookPayload {
  @Field(() => WebhookDeliveryType, { description: 'As it is once due again: the attempt itself follows within milliseconds, after this answer.' })
  delivery!: WebhookDeliveryType;
}
