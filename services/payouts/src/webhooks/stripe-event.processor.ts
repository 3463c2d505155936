import { WorkQueue, type RetryPolicy } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { StripeEventMismatch, type StripeEventContext, type StripeEventHandlers } from './stripe-event.handlers';

const BATCH = 20;
/** Backoff 1 s, 2 s, 4 s … capped at 10 minutes; never given up. */
export const STRIPE_EVENT_RETRY: RetryPolicy = { baseMs: 1000, capMs: 10 * 60_000 };

type StoredEvent = { id: string; type: string; payload: Stripe.Event; attempts: number };

/**
 * Processes stored Stripe events: a work queue over stripe_event, each event in its own transaction, the row locked
 * (skip locked: several instances can run), marked processed in the same transaction as its effects. A failing event
 * is retried with backoff; one that contradicts our records (StripeEventMismatch) is rolled back and kept as processed
 * with the outcome `mismatch`.
 */
export class StripeEventProcessor extends WorkQueue<StoredEvent> {
  constructor(em: EntityManager, handlers: StripeEventHandlers, context: StripeEventContext, pollMs = 1000) {
    const { logger } = context;
    super(
      em,
      {
        mode: 'locked',
        name: 'stripe event',
        table: 'stripe_event',
        key: 'id',
        pending: 'processed_at is null',
        order: 'received_at, id',
        columns: ['type', 'payload'],
        batchSize: BATCH,
        pollMs,
        retry: STRIPE_EVENT_RETRY,
        describe: (event) => ({ eventId: event.id }),
        messages: { retry: 'stripe event failed; will retry' },
        done: `processed_at = now(), outcome = 'applied', last_error = null`,
        handle: async (tx, event) => {
          const handler = handlers[event.type as Stripe.Event.Type];
          if (handler) await handler(tx, event.payload, context);
        },
        classify: (err, event) => {
          if (!(err instanceof StripeEventMismatch)) return { retry: true };
          // Rolled back: nothing moved. Kept (not retried) for whoever investigates.
          logger.warn({ security: true, eventId: event.id, reason: err.message }, 'a signed Stripe event contradicts our records: ignored');
          return { finish: `processed_at = now(), outcome = 'mismatch'` };
        },
      },
      logger,
    );
  }
}
