import { Poller, recordEvent } from '@ideagora/events';
import { isUuid } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { ledgerService } from '../ledger/ledger.service';
import { isRetryableStripeError, stripeErrorMessage } from '../stripe/stripe.client';
import { payoutsDependencies } from '../payouts.runtime';
import type { StripeEventHandlers } from '../webhooks/stripe-event.handlers';
import { PayoutEntity, transferIdempotencyKey } from './award.entity';
import { FUNDING_PAID, fundingStatusesSql } from '../fundings/funding.domain';
import { isPayoutInTransfer, PAYOUT_IN_TRANSFER, payoutStatusesSql, payoutTransitionSql, transitionPayout } from './payout.domain';

const BATCH = 20;
/** A claimed payout is not picked again before this lease ends (longer than the SDK's 15 s timeout); after a crash
 * mid-transfer, the payout is retried (same idempotency key) once it expires. */
const claimLeaseSeconds = () => payoutsDependencies().config.PAYOUT_CLAIM_LEASE_SECONDS;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

export function retryBaseMs(): number {
  return payoutsDependencies().config.PAYOUT_RETRY_BASE_MS;
}

/** Delay before the next attempt after `attempts` failed ones: base × 2^(attempts−1), capped at an hour. */
export function backoffMs(attempts: number, base = retryBaseMs()): number {
  return Math.min(base * 2 ** Math.max(0, Math.min(attempts - 1, 30)), MAX_BACKOFF_MS);
}

interface ClaimedPayout {
  id: string;
  award_id: string;
  challenge_id: string;
  winner_id: string;
  currency: string;
  amount_minor: string;
  stripe_account_id: string | null;
  account_status: string | null;
  charge_id: string | null;
  disputed: boolean;
  refusals: number;
}

let running: PayoutTransferProcessor | undefined;

/** Asks the running processor (if any) to look for due payouts now. Safe to call from a request. */
export function nudgePayouts(delayMs = 0): void {
  if (!running) return;
  const processor = running;
  if (delayMs <= 0) processor.nudge();
  // From inside a transaction that has not committed yet: the poll interval is the fallback.
  else setTimeout(() => processor.nudge(), delayMs).unref();
}

export function startPayoutProcessor(em: EntityManager, stripe: Stripe, logger: Logger): () => Promise<void> {
  const processor = new PayoutTransferProcessor(em, stripe, logger, payoutsDependencies().config.PAYOUT_POLL_MS);
  running = processor;
  processor.start();
  return async () => {
    if (running === processor) running = undefined;
    await processor.stop();
  };
}

/**
 * Moves money for payouts that are due: claims each (row lock, skip locked, then a lease so no other instance
 * takes it while Stripe is called outside any transaction), transfers with the idempotency key derived from the
 * committed payout id, and records the outcome. A crash anywhere retries with the same key: one transfer at most.
 */
export class PayoutTransferProcessor {
  private readonly poller: Poller;

  constructor(
    private readonly em: EntityManager,
    private readonly stripe: Stripe,
    private readonly logger: Logger,
    pollMs = 1000,
  ) {
    this.poller = new Poller(() => this.processDue(), pollMs, (err) => logger.error({ err }, 'payout processor failed'));
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

  async processDue(): Promise<boolean> {
    const connection = this.em.fork().getConnection();
    // Safety net: HELD payouts of winners whose account is ACTIVE (e.g. activated while the award committed).
    const release = payoutTransitionSql('release');
    await connection.execute(
      `update payout set status = ${release.to}, next_attempt_at = now(), updated_at = now()
        where status in ${release.from} and winner_id in (select user_id from payout_account where status = 'ACTIVE')`,
    );
    const due: { id: string }[] = await connection.execute(
      `select id from payout where status in ${payoutStatusesSql(PAYOUT_IN_TRANSFER)} and next_attempt_at <= now() order by next_attempt_at limit ${BATCH}`,
    );
    for (const { id } of due) await this.processOne(id);
    return due.length === BATCH;
  }

  async processOne(id: string): Promise<void> {
    const claimed = await this.claim(id);
    if (!claimed) return;
    let transfer: Stripe.Transfer;
    try {
      transfer = await this.stripe.transfers.create(
        {
          amount: Number(claimed.amount_minor),
          currency: claimed.currency.trim().toLowerCase(),
          destination: claimed.stripe_account_id!,
          transfer_group: claimed.challenge_id,
          source_transaction: claimed.charge_id!,
          metadata: { payoutId: claimed.id, awardId: claimed.award_id, challengeId: claimed.challenge_id },
        },
        { idempotencyKey: transferIdempotencyKey(claimed.id, claimed.refusals) },
      );
    } catch (error) {
      const retryable = isRetryableStripeError(error);
      this.logger.warn({ err: error, payoutId: id, retryable }, 'payout transfer failed; will retry');
      await this.recordFailure(id, stripeErrorMessage(error), retryable);
      return;
    }
    try {
      await this.em.fork().transactional(async (em) => {
        const payout = await em.findOne(PayoutEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (payout) await markPaid(em as EntityManager, payout, transfer.id);
      });
    } catch (err) {
      // The transfer exists: the lease ends, the keyed retry replays it (or transfer.created marks it paid).
      this.logger.error({ err, payoutId: id, transferId: transfer.id }, 'could not record a paid transfer');
    }
  }

  /** Locks a due payout and leases it; null when it is not due, taken, or cannot be paid yet (then HELD). */
  private async claim(id: string): Promise<ClaimedPayout | null> {
    return this.em.fork().transactional(async (em) => {
      const connection = em.getConnection();
      const tx = em.getTransactionContext();
      const rows: ClaimedPayout[] = await connection.execute(
        `select p.id, p.award_id, p.challenge_id, p.winner_id, p.currency, p.amount_minor::text as amount_minor, p.refusals,
                a.stripe_account_id, a.status as account_status,
                (select f.charge_id from funding f where f.challenge_id = p.challenge_id
                   and f.status in ${fundingStatusesSql(FUNDING_PAID)} limit 1) as charge_id,
                exists (select 1 from funding f where f.challenge_id = p.challenge_id and f.disputed_at is not null) as disputed
           from payout p left join payout_account a on a.user_id = p.winner_id
          where p.id = ? and p.status in ${payoutStatusesSql(PAYOUT_IN_TRANSFER)} and p.next_attempt_at <= now()
          for update of p skip locked`,
        [id],
        'all',
        tx,
      );
      const row = rows[0];
      if (!row) return null;
      if (row.account_status !== 'ACTIVE' || !row.stripe_account_id) {
        // The winner's account cannot receive transfers (any more): held until account.updated says ACTIVE.
        const hold = payoutTransitionSql('hold');
        await connection.execute(`update payout set status = ${hold.to}, updated_at = now() where id = ? and status in ${hold.from}`, [id], 'run', tx);
        return null;
      }
      if (row.disputed) {
        // The sponsor disputed the funding charge: nothing leaves escrow until the dispute is won.
        await connection.execute(
          `update payout set failure_reason = 'held: the funding payment is disputed', next_attempt_at = now() + interval '1 minute', updated_at = now() where id = ?`,
          [id],
          'run',
          tx,
        );
        return null;
      }
      if (!row.charge_id) {
        await connection.execute(
          `update payout set failure_reason = ?, attempts = attempts + 1, next_attempt_at = now() + ? * interval '1 millisecond', updated_at = now() where id = ?`,
          ['the funding charge is not known yet', backoffMs(1), id],
          'run',
          tx,
        );
        return null;
      }
      await connection.execute(
        `update payout set next_attempt_at = now() + interval '${claimLeaseSeconds()} seconds', updated_at = now() where id = ?`,
        [id],
        'run',
        tx,
      );
      return row;
    });
  }

  private async recordFailure(id: string, reason: string, retryable: boolean): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const payout = await em.findOne(PayoutEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!payout || !isPayoutInTransfer(payout.status)) return; // paid meanwhile (webhook)
      payout.attempts += 1;
      // Outcome unknown (network, 5xx, 429, 409): still PROCESSING, retried with the same key. Refused: FAILED,
      // retried later (the account may be fixed) with the next key, committed here before that call.
      if (!retryable) {
        transitionPayout(payout, 'refuse');
        payout.refusals += 1;
      }
      payout.failureReason = reason.slice(0, 1000);
      payout.nextAttemptAt = new Date(Date.now() + backoffMs(payout.attempts));
    });
  }
}

/**
 * PAID with the transfer, the ledger's transfer postings and the PayoutPaid event (idempotent per payout: the caller
 * holds the payout's row lock, and a payout already PAID or REVERSED changes nothing and emits nothing again). In the
 * caller's transaction.
 */
export async function markPaid(em: EntityManager, payout: PayoutEntity, transferId: string): Promise<void> {
  if (!transitionPayout(payout, 'markPaid')) return;
  payout.transferId = transferId;
  payout.failureReason = null;
  payout.paidAt = new Date();
  recordEvent(em, 'PayoutPaid', {
    payoutId: payout.id,
    challengeId: payout.challengeId,
    winnerId: payout.winnerId,
    amountMinor: payout.amountMinor.toString(),
    currency: payout.currency.trim(),
  });
  await em.flush();
  await ledgerService.postTransferPaid(em, {
    payoutId: payout.id,
    challengeId: payout.challengeId,
    winnerId: payout.winnerId,
    currency: payout.currency.trim(),
    amount: payout.amountMinor,
  });
  // An ended challenge waiting for its last transfer can settle now rather than at its next scheduled look.
  await em
    .getConnection()
    .execute(`update settlement set next_attempt_at = now() where challenge_id = ? and status = 'PENDING'`, [payout.challengeId], 'run', em.getTransactionContext());
}

/** Moves a winner's HELD payouts to PROCESSING (their account became ACTIVE). In the caller's transaction. */
export async function releaseHeldPayouts(em: EntityManager, winnerId: string): Promise<number> {
  const release = payoutTransitionSql('release');
  const result = await em
    .getConnection()
    .execute<{ affectedRows?: number }>(
      `update payout set status = ${release.to}, next_attempt_at = now(), updated_at = now() where winner_id = ? and status in ${release.from}`,
      [winnerId],
      'run',
      em.getTransactionContext(),
    );
  return Number(result.affectedRows ?? 0);
}

async function lockPayoutOfTransfer(em: EntityManager, transfer: Stripe.Transfer): Promise<PayoutEntity | null> {
  const payoutId = transfer.metadata?.payoutId;
  // Not every transfer is ours (or well-formed): a foreign metadata value must not break the event.
  const where = isUuid(payoutId) ? { id: payoutId } : { transferId: transfer.id };
  const payout = await em.findOne(PayoutEntity, where, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!payout) return null;
  // Only a transfer that really pays this payout counts.
  if (payout.transferId && payout.transferId !== transfer.id) return null;
  if (BigInt(transfer.amount) !== payout.amountMinor || transfer.currency.toUpperCase() !== payout.currency.trim().toUpperCase()) return null;
  return payout;
}

/**
 * Webhook effects of transfers, applied once per Stripe event in the event processor's transaction. Both only add
 * facts that never go away (paid; this reversal happened), each posted once, so their order does not matter; a
 * reversal is still read from Stripe, whose transfer lists every reversal (an event's snapshot embeds at most ten
 * and may predate the latest).
 */
export const transferWebhookHandlers: StripeEventHandlers = {
  // Our commit of the transfer's result may have been lost (crash, timeout): Stripe's word makes it PAID.
  'transfer.created': async (em, event) => {
    const transfer = event.data.object as Stripe.Transfer;
    const payout = await lockPayoutOfTransfer(em, transfer);
    if (payout) await markPaid(em, payout, transfer.id);
  },
  'transfer.reversed': async (em, event, { stripe }) => {
    const payout = await lockPayoutOfTransfer(em, event.data.object as Stripe.Transfer);
    if (!payout) return;
    const transfer = await stripe.transfers.retrieve((event.data.object as Stripe.Transfer).id);
    if (!(await lockPayoutOfTransfer(em, transfer))) return; // Stripe's transfer does not pay this payout after all
    await markPaid(em, payout, transfer.id); // a reversed transfer was paid first, whatever order events came in
    for await (const reversal of stripe.transfers.listReversals(transfer.id, { limit: 100 })) {
      await ledgerService.postTransferReversed(em, {
        payoutId: payout.id,
        reversalId: reversal.id,
        challengeId: payout.challengeId,
        winnerId: payout.winnerId,
        currency: payout.currency.trim(),
        amount: BigInt(reversal.amount),
      });
    }
    if (transfer.reversed || transfer.amount_reversed >= transfer.amount) transitionPayout(payout, 'reverse');
  },
};
