import { Poller } from '@ideagora/events';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { payoutStatusesSql } from '../awards/payout.domain';
import { isRetryableStripeError } from '../stripe/stripe.client';
import { PayoutAccountEntity } from './payout-account.entity';
import { applyAccountState } from './payout-account.service';

/** Accounts read from Stripe per run, and the pause between two reads (10 reads/s at most: Stripe allows 25/s in
 * test mode and 100/s live, shared with the calls that move money). */
export const RECHECK_BATCH = 50;
const READ_SPACING_MS = 100;

/**
 * The safety net under account.updated: a webhook can be lost (Stripe stops retrying after three days) or the
 * endpoint misconfigured, and a payout must never stay HELD while its account can receive transfers. Every
 * `intervalMs`, the accounts that have HELD payouts, are not ACTIVE here and were not read from Stripe during the
 * last interval are read again (longest unchecked first, at most RECHECK_BATCH, paced), each under its row lock;
 * one that Stripe shows able to receive transfers becomes ACTIVE and its payouts are released (then transferred
 * with their usual idempotency keys).
 */
export class HeldPayoutsRecheck {
  private readonly poller: Poller;

  constructor(
    private readonly em: EntityManager,
    private readonly stripe: Stripe,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly nudgePayouts: (afterMs: number) => void,
  ) {
    this.poller = new Poller(async () => {
      await this.run();
      return false;
    }, intervalMs, (err) => logger.error({ err }, 'HELD payouts re-check failed'));
  }

  start(): void {
    if (this.intervalMs > 0) this.poller.start();
  }
  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** One pass; returns how many accounts were read from Stripe. */
  async run(): Promise<number> {
    const due = await this.em.fork().execute<{ user_id: string }[]>(
      `select a.user_id from payout_account a
        where a.stripe_account_id is not null and a.status <> 'ACTIVE'
          and exists (select 1 from payout p where p.winner_id = a.user_id and p.status in ${payoutStatusesSql(['HELD'])})
          and (a.stripe_checked_at is null or a.stripe_checked_at < now() - ? * interval '1 millisecond')
        order by a.stripe_checked_at nulls first
        limit ?`,
      [this.intervalMs, RECHECK_BATCH],
    );
    let read = 0;
    for (const { user_id } of due) {
      if (read > 0) await new Promise((resolve) => setTimeout(resolve, READ_SPACING_MS));
      try {
        if (await this.recheck(user_id)) read += 1;
      } catch (err) {
        if (isRetryableStripeError(err)) {
          this.logger.warn({ err, userId: user_id }, 'Stripe unavailable during the HELD payouts re-check; next run continues');
          break;
        }
        this.logger.error({ err, userId: user_id }, 'could not re-check a payout account');
      }
    }
    if (read > 0) this.logger.info({ accounts: read }, 'payout accounts with HELD payouts re-read from Stripe');
    return read;
  }

  private async recheck(userId: string): Promise<boolean> {
    return this.em.fork().transactional(async (em) => {
      // Skip locked: a webhook refreshing the same account right now does the same work.
      const row = await em.findOne(PayoutAccountEntity, { userId, status: { $ne: 'ACTIVE' } }, { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE });
      if (!row?.stripeAccountId) return false;
      await applyAccountState(em as EntityManager, row, await this.stripe.accounts.retrieve(row.stripeAccountId), this.nudgePayouts);
      return true;
    });
  }
}
