import { Poller } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { MailTransport, OutgoingMail } from './mail.transport';

/** A mail is tried MAX_ATTEMPTS times, RETRY_BASE_MS apart then doubling (capped): about 43 minutes in all. */
export const MAIL_DELIVERY = { MAX_ATTEMPTS: 10, RETRY_BASE_MS: 5_000, MAX_RETRY_MS: 60 * 60_000 } as const;
const BATCH = 20;

/** What one attempt leaves to record: sent, or the failure count, its error and when to retry (null: give up). */
export type DeliveryOutcome = { sent: true } | { sent: false; attempts: number; error: string; retryInMs: number | null };

/** Delay before the next attempt after `attempts` failed ones: 5 s, 10 s, 20 s … capped at an hour. */
export function mailRetryDelayMs(attempts: number): number {
  return Math.min(MAIL_DELIVERY.RETRY_BASE_MS * 2 ** Math.min(Math.max(0, attempts - 1), 30), MAIL_DELIVERY.MAX_RETRY_MS);
}

/** Sends a mail that has failed `failedBefore` times; never throws. */
export async function attemptDelivery(transport: MailTransport, mail: OutgoingMail, failedBefore: number): Promise<DeliveryOutcome> {
  try {
    await transport.send(mail);
    return { sent: true };
  } catch (error) {
    const attempts = failedBefore + 1;
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    return { sent: false, attempts, error: message, retryInMs: attempts >= MAIL_DELIVERY.MAX_ATTEMPTS ? null : mailRetryDelayMs(attempts) };
  }
}

interface DueMail {
  id: string;
  to_email: string;
  subject: string;
  body_text: string;
  attempts: number;
}

/** The running dispatcher's poller: a request nudges it after a commit that queued mail. */
let poller: Poller | undefined;

export function nudgeMailDispatcher(): void {
  poller?.nudge();
}

/** Sends the outbox every `pollMs`, and at once when nudged; returns how to stop. */
export function startMailDispatcher(dispatcher: MailDispatcher, pollMs: number, logger: Logger): () => Promise<void> {
  const started = new Poller(() => dispatcher.dispatchDue(), pollMs, (err) => logger.error({ err }, 'mail dispatcher failed'));
  poller = started;
  started.start();
  return async () => {
    if (poller === started) poller = undefined;
    await started.stop();
  };
}

/**
 * Sends the mail outbox. Each mail is claimed in its own transaction (row lock, skip locked: several instances can
 * run), sent while the lock is held, and marked sent (or its failure recorded) in that transaction. Delivery is at
 * least once: a crash, or a failed commit, between the transport accepting a mail and the mark sends it again.
 */
export class MailDispatcher {
  constructor(
    private readonly em: EntityManager,
    private readonly transport: MailTransport,
    private readonly logger: Logger,
  ) {}

  /** Sends what is due; true when a full batch was handled (more may be waiting). */
  async dispatchDue(): Promise<boolean> {
    for (let handled = 0; handled < BATCH; handled += 1) {
      if (!(await this.dispatchOne())) return false;
    }
    return true;
  }

  /** Claims, sends and records the next due mail; false when none is due. */
  async dispatchOne(): Promise<boolean> {
    // A fresh event manager: these commits must not nudge the event relay.
    return this.em.fork({ freshEventManager: true }).transactional(async (em) => {
      const [mail] = await em.execute<DueMail[]>(
        `select id, to_email, subject, body_text, attempts from mail_outbox
          where sent_at is null and attempts < ? and next_attempt_at <= now()
          order by next_attempt_at, id limit 1 for update skip locked`,
        [MAIL_DELIVERY.MAX_ATTEMPTS],
      );
      if (!mail) return false;
      const outcome = await attemptDelivery(this.transport, { to: mail.to_email, subject: mail.subject, text: mail.body_text }, mail.attempts);
      if (outcome.sent) {
        await em.execute(`update mail_outbox set sent_at = now() where id = ?`, [mail.id], 'run');
        return true;
      }
      // Given up: attempts reaches the limit and the row is left unsent with its last error.
      await em.execute(
        `update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = now() + make_interval(secs => ?) where id = ?`,
        [outcome.attempts, outcome.error, (outcome.retryInMs ?? 0) / 1000, mail.id],
        'run',
      );
      // The id only: the body may hold a reset link.
      if (outcome.retryInMs === null) this.logger.error({ mailId: mail.id, attempts: outcome.attempts, error: outcome.error }, 'mail not sent; giving up');
      else this.logger.warn({ mailId: mail.id, attempts: outcome.attempts, error: outcome.error, retryInMs: outcome.retryInMs }, 'mail not sent; will retry');
      return true;
    });
  }
}
