import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';

/**
 * A handler applies one verified Stripe event inside the processor's transaction. Handlers must be idempotent and
 * order-independent: Stripe delivers at least once and in any order.
 */
export type StripeEventHandler = (em: EntityManager, event: Stripe.Event) => Promise<void>;
export type StripeEventHandlers = Partial<Record<Stripe.Event.Type, StripeEventHandler>>;

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
