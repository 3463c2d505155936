import type { EntityManager } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type Stripe from 'stripe';

export interface WebhookSecrets {
  /** The account endpoint's secret: platform events (no `account` field). */
  webhookSecret: string;
  /** The Connect endpoint's secret: events of connected accounts (an `account` field). */
  connectWebhookSecret: string;
}

/**
 * POST /webhooks/stripe: verifies the Stripe-Signature over the raw body (5-minute tolerance), stores the event
 * once by id, and hands it to the processor. Anything unverifiable is refused with 400 and nothing is stored.
 * Stripe signs platform events and Connect events on two endpoints with two secrets; both endpoints may point here
 * (as the Stripe CLI forwards both). Each secret verifies only its own kind: a Connect event (it names an `account`)
 * only with the Connect secret, any other only with the account secret, so the Connect secret cannot vouch for a
 * payment.
 */
export function registerStripeWebhookRoute(app: Express, deps: WebhookSecrets & { em: EntityManager; stripe: Stripe; logger: Logger; onStored: () => void }): void {
  app.post('/webhooks/stripe', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    const signature = req.headers['stripe-signature'];
    let event: Stripe.Event;
    try {
      if (typeof signature !== 'string' || !Buffer.isBuffer(req.body)) throw new Error('missing signature or body');
      event = deps.stripe.webhooks.constructEvent(req.body, signature, secretFor(req.body, deps), 300);
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

/** The secret that may vouch for this body: the Connect one for an event naming a connected account. */
function secretFor(body: Buffer, secrets: WebhookSecrets): string {
  const claimed: unknown = JSON.parse(body.toString('utf8')); // unverified: only picks the secret to verify with
  const connect = typeof claimed === 'object' && claimed !== null && typeof (claimed as { account?: unknown }).account === 'string';
  return connect ? secrets.connectWebhookSecret : secrets.webhookSecret;
}
