import { Poller } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { StripeEventMismatch, type StripeEventHandlers } from './stripe-event.handlers';

const BATCH = 20;

/**
 * Processes stored Stripe events: each in its own transaction, the row locked (skip locked: several instances can
 * run), marked processed in the same transaction as its effects. A failing event is retried with backoff; one that
 * contradicts our records (StripeEventMismatch) is rolled back and kept as processed with the outcome `mismatch`.
 */
export class StripeEventProcessor {
  private readonly poller: Poller;

  constructor(
    private readonly em: EntityManager,
    private readonly handlers: StripeEventHandlers,
    private readonly stripe: Stripe,
    private readonly logger: Logger,
    pollMs = 1000,
  ) {
    this.poller = new Poller(() => this.processDue(), pollMs, (err) => logger.error({ err }, 'stripe event processor failed'));
  }

  start(): void {
    this.poller.start();
  }
  nudge(): void {
    this.poller.nudge();
  }
  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Processes what is due; true when a full batch was taken (more may be waiting). */
  async processDue(): Promise<boolean> {
    const ids: { id: string }[] = await this.em
      .fork()
      .getConnection()
      .execute(`select id from stripe_event where processed_at is null and next_attempt_at <= now() order by received_at limit ${BATCH}`);
    for (const { id } of ids) await this.processOne(id);
    return ids.length === BATCH;
  }

  async processOne(id: string): Promise<void> {
    try {
      await this.em.fork().transactional(async (em) => {
        const rows: { type: string; payload: Stripe.Event }[] = await em
          .getConnection()
          .execute(
            `select type, payload from stripe_event where id = ? and processed_at is null for update skip locked`,
            [id],
            'all',
            em.getTransactionContext(),
          );
        if (rows.length === 0) return; // done meanwhile, or another instance holds it
        const handler = this.handlers[rows[0].type as Stripe.Event.Type];
        if (handler) await handler(em as EntityManager, rows[0].payload, { stripe: this.stripe, logger: this.logger });
        await em
          .getConnection()
          .execute(`update stripe_event set processed_at = now(), outcome = 'applied', last_error = null where id = ?`, [id], 'run', em.getTransactionContext());
      });
    } catch (err) {
      if (err instanceof StripeEventMismatch) {
        // Rolled back: nothing moved. Kept (not retried) for whoever investigates.
        this.logger.warn({ security: true, eventId: id, reason: err.message }, 'a signed Stripe event contradicts our records: ignored');
        await this.em
          .fork()
          .getConnection()
          .execute(`update stripe_event set processed_at = now(), outcome = 'mismatch', last_error = ? where id = ? and processed_at is null`, [err.message.slice(0, 1000), id]);
        return;
      }
      this.logger.warn({ err, eventId: id }, 'stripe event failed; will retry');
      // Backoff 1 s, 2 s, 4 s … capped at 10 minutes.
      await this.em
        .fork()
        .getConnection()
        .execute(
          `update stripe_event set attempts = attempts + 1, last_error = ?,
             next_attempt_at = now() + least(interval '1 second' * power(2, attempts), interval '10 minutes')
           where id = ?`,
          [String(err instanceof Error ? err.message : err).slice(0, 1000), id],
        );
    }
  }
}
