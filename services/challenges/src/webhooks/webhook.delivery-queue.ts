import { WorkQueue, type RetryPolicy, type WorkQueueLogger } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterFailedAttempt, ATTEMPT_ERROR_MAX, deliveryRetryPolicy } from './webhook.domain';
import type { WebhookSecretBox } from './webhook.secrets';
import type { AttemptResult, WebhookSender } from './webhook.sender';
import { cancelDelivery, finishAttempt, readDeliveryTarget, startAttempt } from './webhook.service';

type DueDelivery = {
  id: string;
  /** Failed attempts so far (the backoff's count; the work queue's `attempts` column). */
  failures: number;
  created_at: Date;
  endpoint_id: string;
};

interface DeliveryWork {
  number: number;
  url: string;
  body: string;
  secret: string;
}

/** A failed attempt (not a 2xx, or no answer): what the queue records as the last error before its retry or give-up. */
export class WebhookAttemptFailed extends Error {
  constructor(readonly result: AttemptResult) {
    super(result.error ?? 'failed');
  }
}

export interface WebhookDeliveryQueueOptions {
  retryBaseMs: number;
  pollMs: number;
  /** POSTs in flight at once in this process. */
  concurrency: number;
}

/** A delivery in flight is reserved this long: past the attempt's 10 s timeout; a crash mid-call retries after it. */
export const DELIVERY_LEASE_SECONDS = 60;

/**
 * Sends partner webhooks: a `leased` work queue over webhook_delivery (PENDING rows due). The claim counts the
 * attempt and logs its start (webhook_delivery_attempt) in a short transaction; the POST runs outside any transaction
 * (several lanes at once); its result is recorded in one statement (the log row, the last status code, DELIVERED on a
 * 2xx). A failure is retried with the one backoff (WEBHOOK_RETRY_BASE_MS, doubling, capped at an hour) while the retry
 * falls within 24 hours of the delivery's creation, then FAILED (classified `finish`). An endpoint deleted meanwhile:
 * CANCELLED, not sent. Delivery is at least once: a crash after the POST and before the record sends it again (the
 * event id lets receivers deduplicate).
 */
export class WebhookDeliveryQueue extends WorkQueue<DueDelivery, DeliveryWork> {
  readonly policy: RetryPolicy;
  private queued = false;

  constructor(em: EntityManager, secrets: WebhookSecretBox, sender: WebhookSender, logger: WorkQueueLogger, options: WebhookDeliveryQueueOptions) {
    const policy = deliveryRetryPolicy(options.retryBaseMs);
    super(
      em,
      {
        mode: 'leased',
        name: 'webhook deliveries',
        table: 'webhook_delivery',
        key: 'id',
        pending: `status = 'PENDING'`,
        columns: ['created_at', 'endpoint_id'],
        bookkeeping: { attempts: 'failures' },
        batchSize: 50,
        pollMs: options.pollMs,
        concurrency: options.concurrency,
        leaseSeconds: DELIVERY_LEASE_SECONDS,
        retry: policy,
        // These commits record no events: they must not nudge the outbox relay.
        quiet: true,
        describe: (row) => ({ deliveryId: row.id, endpointId: row.endpoint_id }),
        errorDetail: 'message',
        errorText: (error) => (error instanceof Error ? error.message : String(error)).slice(0, ATTEMPT_ERROR_MAX),
        messages: { retry: 'webhook not delivered; will retry' },
        classify: (_error, row) => {
          const decision = afterFailedAttempt({ createdAt: new Date(row.created_at), failuresBefore: Number(row.failures), now: new Date(), policy });
          if (decision.action === 'retry') return { retry: true };
          logger.error({ deliveryId: row.id, endpointId: row.endpoint_id, failures: Number(row.failures) + 1 }, 'webhook not delivered within 24 hours; giving up');
          return { finish: `status = 'FAILED', failures = failures + 1` };
        },
        prepare: async (tx, row) => {
          const target = await readDeliveryTarget(tx, row.id);
          if (!target) return null;
          if (target.endpointDeleted) {
            await cancelDelivery(tx, row.id);
            return null;
          }
          // Before the attempt is counted: a secret that cannot be opened (the key changed) is a failure, not an attempt.
          const secret = secrets.open(target.secretSealed, target.endpointId);
          const number = await startAttempt(tx, row.id);
          return { work: { number, url: target.url, body: target.body, secret } };
        },
        perform: async (work, row) => {
          const result = await sender.send({ url: work.url, body: work.body, secret: work.secret });
          await finishAttempt(em.fork() as EntityManager, row.id, work.number, result);
          if (!result.ok) throw new WebhookAttemptFailed(result);
        },
      },
      logger,
    );
    this.policy = policy;
  }

  /** From an event handler's transaction: deliveries were queued; `nudgeIfQueued` after the commit wakes the queue. */
  markQueued(): void {
    this.queued = true;
  }

  /** After a batch of events committed: runs the queue now if a handler queued deliveries (a no-op otherwise). */
  nudgeIfQueued(): void {
    if (!this.queued) return;
    this.queued = false;
    this.nudge();
  }
}
