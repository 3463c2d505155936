import { createHmac } from 'node:crypto';
import type { StripeEvent } from './stripe-objects.model';

export interface WebhookEndpoint {
  url: string;
  secret: string;
}

export interface WebhookDelivery {
  eventId: string;
  eventType: string;
  url: string;
  attempt: number;
  status: number | null;
  error?: string;
  at: number;
}

export const MAX_WEBHOOK_ATTEMPTS = 8;
const DELIVERY_TIMEOUT_MS = 10_000;

/** The `Stripe-Signature` header that `stripe.webhooks.constructEvent` verifies. */
export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/**
 * POSTs each event to every endpoint. A non-2xx answer or a network error is retried with
 * exponential backoff (base, 2×base, 4×base, …) up to MAX_WEBHOOK_ATTEMPTS attempts, as Stripe
 * retries failed deliveries (Stripe spreads them over days; the base is configurable for tests).
 */
export class WebhooksDispatcher {
  readonly endpoints: WebhookEndpoint[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly retryBaseMs: number,
    private readonly onDelivered: (eventId: string) => void,
  ) {}

  addEndpoint(url: string, secret: string): void {
    new URL(url); // throws on a malformed URL so the caller learns early
    const existing = this.endpoints.find((e) => e.url === url);
    if (existing) existing.secret = secret;
    else this.endpoints.push({ url, secret });
  }

  dispatch(event: StripeEvent): void {
    for (const endpoint of this.endpoints) {
      // Deliver after the API response has been sent, as Stripe does (events are asynchronous).
      this.schedule(() => this.attempt(endpoint, event, 1), 0);
    }
  }

  private schedule(fn: () => void, delayMs: number): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, delayMs);
    this.timers.add(t);
  }

  private async attempt(endpoint: WebhookEndpoint, event: StripeEvent, attempt: number): Promise<void> {
    if (this.closed) return;
    // Stripe sends a pretty-printed body; each attempt is signed afresh with its own timestamp.
    const payload = JSON.stringify(event, null, 2);
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
    this.inFlight.add(controller);
    const record: WebhookDelivery = {
      eventId: event.id,
      eventType: event.type,
      url: endpoint.url,
      attempt,
      status: null,
      at: Date.now(),
    };
    this.deliveries.push(record);
    let ok = false;
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signPayload(payload, endpoint.secret),
        },
        body: payload,
        signal: controller.signal,
      });
      record.status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      ok = res.status >= 200 && res.status < 300;
    } catch (err) {
      record.error = err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (ok) {
      this.onDelivered(event.id);
      return;
    }
    if (attempt < MAX_WEBHOOK_ATTEMPTS) {
      this.schedule(() => void this.attempt(endpoint, event, attempt + 1), this.retryBaseMs * 2 ** (attempt - 1));
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
    this.inFlight.clear();
  }
}
