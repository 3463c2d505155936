import { retryDelayMs, type RetryPolicy } from '@ideagora/events';
import { BadUserInputError, FailedPreconditionError } from '@ideagora/subgraph-kit';
import { v5 as uuidv5 } from 'uuid';

/**
 * Partner webhooks (issue 16): an organization's endpoints receive a signed POST for each event of the types they
 * subscribed to. See docs/ARCHITECTURE.md, "Partner webhooks".
 *
 * Event types: GraphQL enum values cannot hold dots, so the API names them CHALLENGE_PUBLISHED ... and a delivery's
 * JSON `type` (what the partner's receiver reads, and what the tables store) is the wire name `challenge.published`.
 */
export enum WebhookEventType {
  CHALLENGE_PUBLISHED = 'CHALLENGE_PUBLISHED',
  CHALLENGE_CLOSED = 'CHALLENGE_CLOSED',
  SUBMISSION_CREATED = 'SUBMISSION_CREATED',
  QUESTION_ASKED = 'QUESTION_ASKED',
  PRIZE_AWARDED = 'PRIZE_AWARDED',
  PAYOUT_PAID = 'PAYOUT_PAID',
  PAYOUT_FAILED = 'PAYOUT_FAILED',
  CHALLENGE_SETTLED = 'CHALLENGE_SETTLED',
}

/** The wire name of each type: a delivery's `type`, and what `webhook_endpoint.events` and `webhook_delivery.event_type` hold. */
export const WEBHOOK_EVENT_NAMES = {
  [WebhookEventType.CHALLENGE_PUBLISHED]: 'challenge.published',
  [WebhookEventType.CHALLENGE_CLOSED]: 'challenge.closed',
  [WebhookEventType.SUBMISSION_CREATED]: 'submission.created',
  [WebhookEventType.QUESTION_ASKED]: 'question.asked',
  [WebhookEventType.PRIZE_AWARDED]: 'prize.awarded',
  [WebhookEventType.PAYOUT_PAID]: 'payout.paid',
  [WebhookEventType.PAYOUT_FAILED]: 'payout.failed',
  [WebhookEventType.CHALLENGE_SETTLED]: 'challenge.settled',
} as const satisfies Record<WebhookEventType, string>;

export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[WebhookEventType];

const TYPES_BY_NAME = new Map<string, WebhookEventType>(Object.entries(WEBHOOK_EVENT_NAMES).map(([type, name]) => [name, type as WebhookEventType]));

/** The API's enum value of a stored wire name. */
export function webhookEventType(name: string): WebhookEventType {
  const type = TYPES_BY_NAME.get(name);
  if (!type) throw new Error(`unknown webhook event name ${name}`);
  return type;
}

/** Endpoints an organization may have at once (deleted ones do not count). */
export const MAX_ENDPOINTS_PER_ORGANIZATION = 20;
/** Characters of an endpoint's URL, at most. */
export const WEBHOOK_URL_MAX = 2048;
/** A delivery is retried until this long after it was created, then given up (FAILED). */
export const DELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The longest wait between two attempts. */
export const RETRY_CAP_MS = 60 * 60 * 1000;
/** One attempt: connect, send, and the answer's headers and first bytes, at most this long. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** What is read of an answer before it is dropped (its content is never kept). */
export const RESPONSE_BYTES_READ = 4096;
/** An attempt's error text, at most (the attempt log and the delivery's last error). */
export const ATTEMPT_ERROR_MAX = 500;
/** WebhookDelivery.attempts lists the newest ones, at most this many (attemptCount counts them all). */
export const ATTEMPTS_LISTED = 50;

/** The retry policy of deliveries: the work queue's one backoff, from `baseMs`, capped at an hour, given up by time. */
export function deliveryRetryPolicy(baseMs: number): RetryPolicy {
  return { baseMs, capMs: RETRY_CAP_MS };
}

// ---- endpoints ---------------------------------------------------------------------------------------------------

/** Subscribed types: at least one, each once, as wire names in the enum's order. BAD_USER_INPUT `events` otherwise. */
export function validateEvents(events: readonly WebhookEventType[] | null | undefined): WebhookEventName[] {
  if (!Array.isArray(events) || events.length === 0) throw new BadUserInputError('events', 'choose at least one event type');
  if (new Set(events).size !== events.length) throw new BadUserInputError('events', 'an event type is listed twice');
  for (const event of events) if (!(event in WEBHOOK_EVENT_NAMES)) throw new BadUserInputError('events', `${String(event)} is not an event type`);
  return Object.values(WebhookEventType)
    .filter((type) => events.includes(type))
    .map((type) => WEBHOOK_EVENT_NAMES[type]);
}

/** A 21st endpoint of an organization. */
export class TooManyEndpointsError extends FailedPreconditionError {
  constructor() {
    super(`An organization can have at most ${MAX_ENDPOINTS_PER_ORGANIZATION} webhook endpoints: delete one first`);
  }
}

export function assertCanAddEndpoint(activeEndpoints: number): void {
  if (activeEndpoints >= MAX_ENDPOINTS_PER_ORGANIZATION) throw new TooManyEndpointsError();
}

// ---- deliveries: their lifecycle ---------------------------------------------------------------------------------

/**
 * PENDING: waiting for its next attempt (or in one). DELIVERED: the last attempt got a 2xx. FAILED: given up, 24 h
 * after it was created. CANCELLED: its endpoint was deleted before it was delivered.
 */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export type DeliveryAction = 'succeed' | 'retry' | 'giveUp' | 'redeliver' | 'cancel';

/**
 * PENDING -succeed (a 2xx)-> DELIVERED; PENDING -retry (a failure within the window)-> PENDING;
 * PENDING -giveUp (a failure whose retry would fall past the window)-> FAILED;
 * PENDING, DELIVERED, FAILED -redeliver (due now, one more attempt)-> PENDING;
 * PENDING -cancel (its endpoint deleted)-> CANCELLED. CANCELLED is final.
 */
const TRANSITIONS: Record<DeliveryAction, { from: readonly WebhookDeliveryStatus[]; to: WebhookDeliveryStatus }> = {
  succeed: { from: [WebhookDeliveryStatus.PENDING], to: WebhookDeliveryStatus.DELIVERED },
  retry: { from: [WebhookDeliveryStatus.PENDING], to: WebhookDeliveryStatus.PENDING },
  giveUp: { from: [WebhookDeliveryStatus.PENDING], to: WebhookDeliveryStatus.FAILED },
  redeliver: { from: [WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.FAILED], to: WebhookDeliveryStatus.PENDING },
  cancel: { from: [WebhookDeliveryStatus.PENDING], to: WebhookDeliveryStatus.CANCELLED },
};

export function canTransitionDelivery(status: WebhookDeliveryStatus, action: DeliveryAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** A delivery of a deleted endpoint is not sent again. */
export class EndpointDeletedError extends FailedPreconditionError {
  constructor() {
    super('The webhook endpoint of this delivery was deleted: it is not sent any more');
  }
}

/** The status after `action`; a redelivery of a CANCELLED delivery is FAILED_PRECONDITION. */
export function nextDeliveryStatus(status: WebhookDeliveryStatus, action: DeliveryAction): WebhookDeliveryStatus {
  if (!canTransitionDelivery(status, action)) {
    if (action === 'redeliver') throw new EndpointDeletedError();
    throw new Error(`a ${status} delivery cannot ${action}`);
  }
  return TRANSITIONS[action].to;
}

/** SQL pieces of a transition, for guarded updates: `set status = <to> … where status in <from>`. */
export function deliveryTransitionSql(action: DeliveryAction): { from: string; to: string } {
  const { from, to } = TRANSITIONS[action];
  return { from: `(${from.map((s) => `'${s}'`).join(', ')})`, to: `'${to}'` };
}

/**
 * After a failed attempt (the `failuresBefore` earlier ones not counting it): retry after the policy's delay, or give
 * up when that retry would come later than DELIVERY_WINDOW_MS after the delivery was created.
 */
export function afterFailedAttempt(args: { createdAt: Date; failuresBefore: number; now: Date; policy: RetryPolicy }): { action: 'retry'; retryAt: Date } | { action: 'giveUp' } {
  const retryAt = new Date(args.now.getTime() + retryDelayMs(args.policy, args.failuresBefore + 1));
  if (retryAt.getTime() > args.createdAt.getTime() + DELIVERY_WINDOW_MS) return { action: 'giveUp' };
  return { action: 'retry', retryAt };
}

/** Whether an answer's status is a success: 2xx only (a redirect is not followed, so a 3xx fails). */
export function isSuccessStatus(statusCode: number): boolean {
  return statusCode >= 200 && statusCode <= 299;
}

/** What an attempt's log keeps of a failure: at most ATTEMPT_ERROR_MAX characters. */
export function attemptErrorText(statusCode: number | null, error: string | null): string {
  const text = statusCode !== null ? `HTTP ${statusCode}${statusCode >= 300 && statusCode <= 399 ? ': redirects are not followed' : ''}` : (error ?? 'no answer');
  return text.slice(0, ATTEMPT_ERROR_MAX);
}

// ---- events ------------------------------------------------------------------------------------------------------

/** One business event as partners receive it: `{ id, type, createdAt, data }`, for every endpoint subscribed to it. */
export interface WebhookEvent {
  /** The same for every endpoint and every delivery of this event: receivers deduplicate on it. */
  id: string;
  type: WebhookEventName;
  createdAt: Date;
  /** Whose organization's endpoints receive it (challenges owns challenges). */
  challengeId: string;
  /** Ids and facts the sponsor's OWNER/ADMIN may see; never an email, never who asked a question. */
  data: Record<string, string | number | boolean | null>;
}

const EVENT_ID_NAMESPACE = 'a9f2e7d4-3c61-5b0e-9d2a-6f41c8b07e15';

/**
 * The id of a business event that happens once (a challenge published, a submission created...): a name-based UUID of
 * its type and key, so that whatever announces it again (a redelivered bus event, a re-announcement) makes no second
 * delivery.
 */
export function webhookEventId(type: WebhookEventName, key: string): string {
  return uuidv5(`${type}:${key}`, EVENT_ID_NAMESPACE);
}

/** The exact bytes sent (and signed) for an event: the same for each attempt of each delivery. */
export function webhookBody(event: Pick<WebhookEvent, 'id' | 'type' | 'createdAt' | 'data'>): string {
  return JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data: event.data });
}

export function challengePublishedEvent(challenge: {
  id: string;
  organizationId: string;
  title: string;
  visibility: string;
  currency: string;
  submissionDeadline: Date;
  publishedAt: Date;
}): WebhookEvent {
  return {
    id: webhookEventId('challenge.published', challenge.id),
    type: 'challenge.published',
    createdAt: challenge.publishedAt,
    challengeId: challenge.id,
    data: {
      challengeId: challenge.id,
      organizationId: challenge.organizationId,
      title: challenge.title,
      visibility: challenge.visibility,
      currency: challenge.currency,
      submissionDeadline: challenge.submissionDeadline.toISOString(),
    },
  };
}

/** Submissions closed (OPEN -> JUDGING): by the sponsor, or at the (current round's) deadline. Once per round. */
export function challengeClosedEvent(
  challenge: { id: string; organizationId: string; round: number; judgingDeadline: Date },
  closedBy: 'SPONSOR' | 'DEADLINE',
  at: Date,
): WebhookEvent {
  return {
    id: webhookEventId('challenge.closed', `${challenge.id}:${challenge.round}`),
    type: 'challenge.closed',
    createdAt: at,
    challengeId: challenge.id,
    data: { challengeId: challenge.id, organizationId: challenge.organizationId, round: challenge.round, closedBy, judgingDeadline: challenge.judgingDeadline.toISOString() },
  };
}

/** A solver's question: its text, never its asker. */
export function questionAskedEvent(question: { id: string; challengeId: string; question: string; askedAt: Date }): WebhookEvent {
  return {
    id: webhookEventId('question.asked', question.id),
    type: 'question.asked',
    createdAt: question.askedAt,
    challengeId: question.challengeId,
    data: { challengeId: question.challengeId, questionId: question.id, question: question.question },
  };
}

export function submissionCreatedEvent(submission: { id: string; challengeId: string; teamId?: string | null }, at: Date): WebhookEvent {
  return {
    id: webhookEventId('submission.created', submission.id),
    type: 'submission.created',
    createdAt: at,
    challengeId: submission.challengeId,
    data: { challengeId: submission.challengeId, submissionId: submission.id, version: 1, teamId: submission.teamId ?? null },
  };
}

export function prizeAwardedEvent(
  award: { challengeId: string; prizeRank: number; submissionId: string; awardId?: string; automatic?: boolean; amountMinor?: string; currency?: string; teamId?: string },
  at: Date,
): WebhookEvent {
  return {
    // A prize place goes once to a submission (prize_award's key), whatever the award's id.
    id: webhookEventId('prize.awarded', `${award.challengeId}:${award.prizeRank}:${award.submissionId}`),
    type: 'prize.awarded',
    createdAt: at,
    challengeId: award.challengeId,
    data: {
      challengeId: award.challengeId,
      prizeRank: award.prizeRank,
      submissionId: award.submissionId,
      awardId: award.awardId ?? null,
      automatic: award.automatic ?? false,
      amountMinor: award.amountMinor ?? null,
      currency: award.currency ?? null,
      teamId: award.teamId ?? null,
    },
  };
}

export function payoutPaidEvent(payout: { payoutId: string; challengeId: string; amountMinor: string; currency: string }, at: Date): WebhookEvent {
  return {
    id: webhookEventId('payout.paid', payout.payoutId),
    type: 'payout.paid',
    createdAt: at,
    challengeId: payout.challengeId,
    data: { challengeId: payout.challengeId, payoutId: payout.payoutId, amountMinor: payout.amountMinor, currency: payout.currency },
  };
}

/**
 * A payout's transfer failed (the winner is told what to do; Stripe's reason is theirs, not sent). A payout may fail
 * again after a later retry, each time news: the id is the bus event's, not the payout's.
 */
export function payoutFailedEvent(payout: { payoutId: string; challengeId: string; amountMinor: string; currency: string }, busEventId: string, at: Date): WebhookEvent {
  return {
    id: busEventId,
    type: 'payout.failed',
    createdAt: at,
    challengeId: payout.challengeId,
    data: { challengeId: payout.challengeId, payoutId: payout.payoutId, amountMinor: payout.amountMinor, currency: payout.currency },
  };
}

export function challengeSettledEvent(challengeId: string, at: Date): WebhookEvent {
  return {
    id: webhookEventId('challenge.settled', challengeId),
    type: 'challenge.settled',
    createdAt: at,
    challengeId,
    data: { challengeId },
  };
}
