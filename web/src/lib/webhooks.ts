import type { WebhookDeliveryStatus, WebhookEventType } from '@/gql/graphql';
import type { FormState } from './errors';
import { choicesFromForm, isOneOf } from './form-data';
import { joinAsPhrase } from './phrases';

// An organization's webhook endpoints (issue 16, developer settings): the events in words, the create form's checks
// (the server's rules: services/challenges webhook endpoint), a delivery's status in words, and the refusals of
// createWebhookEndpoint / deleteWebhookEndpoint / redeliverWebhook.

/** An endpoint's delivery log page. */
export const webhookLogPath = (organizationId: string, endpointId: string) =>
  `/sponsor/organizations/${encodeURIComponent(organizationId)}/developers/webhooks/${encodeURIComponent(endpointId)}`;

/** The events in the order the form offers them (the API's `WebhookEventType`, in a challenge's life). */
export const WEBHOOK_EVENTS: readonly WebhookEventType[] = [
  'CHALLENGE_PUBLISHED', 'QUESTION_ASKED', 'SUBMISSION_CREATED', 'CHALLENGE_CLOSED', 'PRIZE_AWARDED', 'PAYOUT_PAID', 'PAYOUT_FAILED', 'CHALLENGE_SETTLED',
];

/** Each event as a person reads it (the checkbox's label, the log's words). */
export const EVENT_WORDS: Record<WebhookEventType, string> = {
  CHALLENGE_PUBLISHED: 'A challenge is published',
  QUESTION_ASKED: 'A solver asks a question',
  SUBMISSION_CREATED: 'An entry is submitted',
  CHALLENGE_CLOSED: 'Submissions close and judging starts',
  PRIZE_AWARDED: 'A prize is awarded',
  PAYOUT_PAID: 'A winner is paid',
  PAYOUT_FAILED: 'A winner’s payment fails',
  CHALLENGE_SETTLED: 'A challenge is settled: every payment done',
};

/** The name a delivery's JSON `type` carries, for developers: CHALLENGE_PUBLISHED is "challenge.published". */
export const wireName = (event: WebhookEventType): string => event.toLowerCase().replace('_', '.');

export const isWebhookEvent = (value: unknown): value is WebhookEventType => isOneOf(WEBHOOK_EVENTS, value);

/** The events ticked in a posted form, each once, in the form's order (unknown values dropped). */
export const eventsFromForm = (fd: FormData): WebhookEventType[] => choicesFromForm(fd, 'events', WEBHOOK_EVENTS);

/** "A challenge is published and a prize is awarded", or "Every event": what an endpoint is told about, in the form's order. */
export function eventsInWords(events: readonly WebhookEventType[]): string {
  const chosen = WEBHOOK_EVENTS.filter((event) => events.includes(event));
  if (chosen.length === WEBHOOK_EVENTS.length) return 'Every event';
  return joinAsPhrase(chosen.map((event) => EVENT_WORDS[event])) || 'No event';
}

/** As the server counts it. */
export const WEBHOOK_URL_MAX = 2048;
/** Endpoints (not deleted) an organization may have at once. */
export const MAX_WEBHOOK_ENDPOINTS = 20;

export const URL_MESSAGE = 'Enter the full address of your receiver, starting with https://, like https://example.com/ideagora-webhooks.';
export const URL_REFUSED_MESSAGE = 'Ideagora cannot send to this address: use an https address of a server on the internet (not a private network), without a user name or password.';
export const EVENTS_MESSAGE = 'Choose at least one event to be told about.';

/** The create form's own checks, by field (the server's names); the server checks again (https and public addresses in production). */
export function validateWebhookEndpoint(url: string, events: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const trimmed = url.trim();
  let parsed: URL | null = null;
  try {
    parsed = trimmed && trimmed.length <= WEBHOOK_URL_MAX ? new URL(trimmed) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || !['https:', 'http:'].includes(parsed.protocol)) errors.url = URL_MESSAGE;
  else if (parsed.username || parsed.password) errors.url = URL_REFUSED_MESSAGE;
  if (!events.some(isWebhookEvent)) errors.events = EVENTS_MESSAGE;
  return errors;
}

/** What the create form returns: on success, the new endpoint with its signing secret, shown once and never again. */
export interface WebhookFormState extends FormState {
  created?: { id: string; url: string; secret: string };
}

/** A delivery's status in words, with a badge tone; PENDING is "Sending" before its first attempt, else "Retrying". */
export function deliveryStatus(status: WebhookDeliveryStatus, attemptCount: number): { label: string; tone: 'success' | 'danger' | 'neutral' | 'info' | 'warning' } {
  switch (status) {
    case 'DELIVERED': return { label: 'Delivered', tone: 'success' };
    case 'FAILED': return { label: 'Failed', tone: 'danger' };
    case 'CANCELLED': return { label: 'Cancelled', tone: 'neutral' };
    default: return attemptCount === 0 ? { label: 'Sending', tone: 'info' } : { label: 'Retrying', tone: 'warning' };
  }
}

/** "HTTP 503", "No answer: connection refused", or nothing yet: what the last (or one) attempt got. */
export function attemptOutcome(statusCode: number | null | undefined, error: string | null | undefined): string | null {
  if (statusCode != null) return `HTTP ${statusCode}`;
  if (error) return `No answer: ${error}`;
  return null;
}

type WebhookAction = 'create' | 'delete' | 'redeliver';

/**
 * The webhook mutations' refusals in words for people, from the error code and field (never the server's text): the
 * address and the events next to their fields, anything else above the form (or the button).
 */
export function webhookRefusal(state: FormState, action: WebhookAction): FormState {
  const { url, events, ...others } = state.fieldErrors ?? {};
  const fieldErrors = { ...(url ? { url: URL_REFUSED_MESSAGE } : {}), ...(events ? { events: EVENTS_MESSAGE } : {}) };
  const gone: Record<WebhookAction, string> = {
    create: 'This organization no longer exists.',
    delete: 'This endpoint no longer exists, or you no longer manage this organization. Reload the page.',
    redeliver: 'This delivery no longer exists, or you no longer manage this organization. Reload the page.',
  };
  const preconditions: Record<WebhookAction, string> = {
    create: `This organization already has ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one it no longer needs, then create this one.`,
    delete: 'This endpoint cannot be deleted right now. Reload the page.',
    redeliver: 'This endpoint was deleted: nothing is sent to it any more. Create a new endpoint to receive events again.',
  };
  const messages: Record<string, string> = {
    FORBIDDEN: 'Only owners and admins of this organization manage its webhooks.',
    FAILED_PRECONDITION: preconditions[action],
    NOT_FOUND: gone[action],
    UNAUTHENTICATED: 'Your session has ended. Log in again.',
    RATE_LIMITED: 'Too many attempts; wait a moment and try again.',
  };
  const formError = (state.code && messages[state.code]) || state.formError || (Object.keys(others).length ? gone[action] : undefined);
  return { ...state, formError, fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined };
}
