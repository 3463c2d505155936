import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';

/** What a handler may use besides its transaction: Stripe's API (the source of truth; an event is only a hint). */
export interface StripeEventContext {
  stripe: Stripe;
  logger: Logger;
  /** Wakes the payout transfer queue (after `afterMs`: the handler's transaction commits first). */
  nudgePayouts(afterMs: number): void;
}

/**
 * A handler applies one verified Stripe event inside the processor's transaction. Handlers must be idempotent and
 * order-independent: Stripe delivers at least once and in any order. Where order matters, a handler applies the
 * object's current state retrieved from Stripe, not the event's snapshot.
 */
export type StripeEventHandler = (em: EntityManager, event: Stripe.Event, context: StripeEventContext) => Promise<void>;
export type StripeEventHandlers = Partial<Record<Stripe.Event.Type, StripeEventHandler>>;

/**
 * Thrown by a handler when a verified event contradicts our own records (a PaymentIntent that is not the funding's,
 * a wrong amount…): the transaction is rolled back, so nothing moves, and the event is kept as processed with the
 * outcome `mismatch` (logged as a security warning, never retried).
 */
export class StripeEventMismatch extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StripeEventMismatch';
  }
}

export function combineHandlers(...maps: StripeEventHandlers[]): StripeEventHandlers {
  const combined: StripeEventHandlers = {};
  for (const map of maps) {
    for (const [type, handler] of Object.entries(map) as [Stripe.Event.Type, StripeEventHandler][]) {
      if (combined[type]) throw new Error(`Two handlers for Stripe event ${type}`);
      combined[type] = handler;
    }
  }
  return combined;
}
