import { createHmac } from 'node:crypto';
import type { StripeEvent } from './stripe-objects.model';

export interface WebhookEndpoint {
  url: string;
  secret: string;
  /**
   * As Stripe's `connect` flag: true receives only Connect events (those of connected accounts, with an `account`),
   * false only the platform's own; unset receives both (as the Stripe CLI forwards both with one secret).
   */
  connect?: boolean;
}

/**
 * How deliveries are made, for tests of a receiver that must cope with Stripe's promises (at least once, in any
 * order). `hold`: first attempts wait until released; `maxDelayMs`: each first attempt waits a random 0..max ms, so
 * events overtake each other; `duplicateRate`: that share of events is delivered twice (each copy retried on its
 * own); `drop`: never deliver Connect events, or any (as when Stripe gives up). Randomness is seeded.
 */
export interface DeliveryPolicy {
  hold?: boolean;
  maxDelayMs?: number;
  duplicateRate?: number;
  drop?: 'none' | 'connect' | 'all';
  seed?: number;
}

export interface WebhookDelivery {
  eventId: string;
  eventType: string;
  url: string;
  attempt: number;
  status: number | null;
  error?: string;
  at: number;
  /** A second copy of the same event, sent by the `duplicateRate` policy. */
  duplicate?: boolean;
}

interface HeldDelivery {
  endpoint: WebhookEndpoint;
  event: StripeEvent;
  duplicate: boolean;
}

/** mulberry32: a small seeded generator, so a failing campaign can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  private policy: DeliveryPolicy = {};
  private random: () => number = Math.random;
  private held: HeldDelivery[] = [];

  constructor(
    private readonly retryBaseMs: number,
    private readonly onDelivered: (eventId: string) => void,
  ) {}

  addEndpoint(url: string, secret: string, connect?: boolean): void {
    new URL(url); // throws on a malformed URL so the caller learns early
    const existing = this.endpoints.find((e) => e.url === url && e.connect === connect);
    if (existing) existing.secret = secret;
    else this.endpoints.push({ url, secret, ...(connect === undefined ? {} : { connect }) });
  }

  /** The endpoints an event goes to: a Connect endpoint gets Connect events only, an account endpoint the rest. */
  endpointsFor(event: StripeEvent): WebhookEndpoint[] {
    const connectEvent = typeof event.account === 'string';
    return this.endpoints.filter((e) => e.connect === undefined || e.connect === connectEvent);
  }

  setPolicy(policy: DeliveryPolicy): void {
    const { maxDelayMs = 0, duplicateRate = 0, drop = 'none' } = policy;
    if (!Number.isInteger(maxDelayMs) || maxDelayMs < 0 || maxDelayMs > 600_000) throw new Error('maxDelayMs must be an integer from 0 to 600000');
    if (typeof duplicateRate !== 'number' || !(duplicateRate >= 0 && duplicateRate <= 1)) throw new Error('duplicateRate must be from 0 to 1');
    if (!['none', 'connect', 'all'].includes(drop)) throw new Error('drop must be none, connect or all');
    if (policy.seed !== undefined && !Number.isInteger(policy.seed)) throw new Error('seed must be an integer');
    this.policy = { hold: policy.hold === true, maxDelayMs, duplicateRate, drop };
    this.random = policy.seed === undefined ? Math.random : seededRandom(policy.seed);
  }

  getPolicy(): DeliveryPolicy & { held: number } {
    return { ...this.policy, held: this.held.length };
  }

  /**
   * Sends the held first attempts one after another (each answered before the next is sent), newest event first or
   * oldest first (by `created`, then by emission), and returns how many were sent. Later attempts of a failed one
   * are retried as usual.
   */
  async release(order: 'newest-first' | 'oldest-first'): Promise<number> {
    const held = this.held.map((h, index) => ({ ...h, index }));
    this.held = [];
    held.sort((a, b) => a.event.created - b.event.created || a.index - b.index);
    if (order === 'newest-first') held.reverse();
    for (const h of held) await this.attempt(h.endpoint, h.event, 1, h.duplicate);
    return held.length;
  }

  dispatch(event: StripeEvent): void {
    const { drop = 'none', hold = false, maxDelayMs = 0, duplicateRate = 0 } = this.policy;
    if (drop === 'all' || (drop === 'connect' && typeof event.account === 'string')) return;
    for (const endpoint of this.endpointsFor(event)) {
      const copies = this.random() < duplicateRate ? [false, true] : [false];
      for (const duplicate of copies) {
        if (hold) this.held.push({ endpoint, event, duplicate });
        // Deliver after the API response has been sent, as Stripe does (events are asynchronous).
        else this.schedule(() => this.attempt(endpoint, event, 1, duplicate), maxDelayMs > 0 ? Math.floor(this.random() * maxDelayMs) : 0);
      }
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

  private async attempt(endpoint: WebhookEndpoint, event: StripeEvent, attempt: number, duplicate = false): Promise<void> {
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
      ...(duplicate ? { duplicate } : {}),
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
      if (!duplicate) this.onDelivered(event.id);
      return;
    }
    if (attempt < MAX_WEBHOOK_ATTEMPTS) {
      this.schedule(() => void this.attempt(endpoint, event, attempt + 1, duplicate), this.retryBaseMs * 2 ** (attempt - 1));
    }
  }

  close(): void {
    this.closed = true;
    this.held = [];
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
    this.inFlight.clear();
  }
}
