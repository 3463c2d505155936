import { nextRetry, retryDelayMs, WorkQueue, type RetryPolicy } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { MailTransport, OutgoingMail } from './mail.transport';

/** A mail is tried MAX_ATTEMPTS times, RETRY_BASE_MS apart then doubling (capped): about 43 minutes in all. */
export const MAIL_DELIVERY = { MAX_ATTEMPTS: 10, RETRY_BASE_MS: 5_000, MAX_RETRY_MS: 60 * 60_000 } as const;
/** The mail queue's retry policy (the work queue's one backoff, with mail's numbers). */
export const MAIL_RETRY: RetryPolicy = { baseMs: MAIL_DELIVERY.RETRY_BASE_MS, capMs: MAIL_DELIVERY.MAX_RETRY_MS, maxAttempts: MAIL_DELIVERY.MAX_ATTEMPTS };
const BATCH = 20;

/** What one attempt leaves to record: sent, or the failure count, its error and when to retry (null: give up). */
export type DeliveryOutcome = { sent: true } | { sent: false; attempts: number; error: string; retryInMs: number | null };

/** Delay before the next attempt after `attempts` failed ones: 5 s, 10 s, 20 s … capped at an hour. */
export function mailRetryDelayMs(attempts: number): number {
  return retryDelayMs(MAIL_RETRY, attempts);
}

/** Sends a mail that has failed `failedBefore` times; never throws. What the queue records of the same attempt. */
export async function attemptDelivery(transport: MailTransport, mail: OutgoingMail, failedBefore: number): Promise<DeliveryOutcome> {
  try {
    await transport.send(mail);
    return { sent: true };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    return { sent: false, error: message, ...nextRetry(MAIL_RETRY, failedBefore) };
  }
}

type DueMail = {
  id: string;
  to_email: string;
  subject: string;
  body_text: string;
  attempts: number;
};

/**
 * Sends the mail outbox: a work queue over mail_outbox. Each mail is claimed in its own transaction (row lock, skip
 * locked: several instances can run), sent while the lock is held, and marked sent (or its failure recorded) in that
 * transaction. Delivery is at least once: a crash, or a failed commit, between the transport accepting a mail and the
 * mark sends it again. Given up after MAIL_DELIVERY.MAX_ATTEMPTS: left unsent with its last error.
 */
export class MailDispatcher extends WorkQueue<DueMail> {
  constructor(em: EntityManager, transport: MailTransport, logger: Logger, pollMs = 1000) {
    super(
      em,
      {
        mode: 'locked',
        name: 'mail',
        table: 'mail_outbox',
        key: 'id',
        pending: 'sent_at is null',
        columns: ['to_email', 'subject', 'body_text'],
        batchSize: BATCH,
        pollMs,
        retry: MAIL_RETRY,
        // These commits must not nudge the event relay.
        quiet: true,
        // The id only: the body may hold a reset link.
        describe: (mail) => ({ mailId: mail.id }),
        errorDetail: 'message',
        messages: { retry: 'mail not sent; will retry', giveUp: 'mail not sent; giving up' },
        done: 'sent_at = now()',
        handle: async (_tx, mail) => transport.send({ to: mail.to_email, subject: mail.subject, text: mail.body_text }),
      },
      logger,
    );
  }

  /** Sends what is due; true when a full batch was handled (more may be waiting). */
  dispatchDue(): Promise<boolean> {
    return this.runOnce();
  }
}
