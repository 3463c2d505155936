import type { EntityManager } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type Stripe from 'stripe';

/**
 * POST /webhooks/stripe: verifies the Stripe-Signature over the raw body (5-minute tolerance), stores the event
 * once by id, and hands it to the processor. Anything unverifiable is refused with 400 and nothing is stored.
 */
export function registerStripeWebhookRoute(app: Express, deps: { em: EntityManager; stripe: Stripe; webhookSecret: string; logger: Logger; onStored: () => void }): void {
  app.post('/webhooks/stripe', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    const signature = req.headers['stripe-signature'];
    let event: Stripe.Event;
    try {
      if (typeof signature !== 'string' || !Buffer.isBuffer(req.body)) throw new Error('missing signature or body');
      event = deps.stripe.webhooks.constructEvent(req.body, signature, deps.webhookSecret, 300);
    } catch (err) {
      deps.logger.warn({ err }, 'refused a Stripe webhook with a bad signature');
      res.status(400).json({ error: 'invalid signature' });
      return;
    }
    try {
      await deps.em
        .fork()
        .getConnection()
        .execute(`insert into stripe_event (id, type, account, payload) values (?, ?, ?, ?::jsonb) on conflict (id) do nothing`, [
          event.id,
          event.type,
          event.account ?? null,
          JSON.stringify(event),
        ]);
    } catch (err) {
      deps.logger.error({ err, eventId: event.id }, 'could not store a Stripe event');
      res.status(500).json({ error: 'not stored' }); // Stripe retries
      return;
    }
    deps.onStored();
    res.json({ received: true });
  });
}
