import { recordEvent, retryDelayMs, WorkQueue, type Prepared } from '@ideagora/events';
import { isUuid } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { ledgerService } from '../ledger/ledger.service';
import { isRetryableStripeError, stripeErrorMessage } from '../stripe/stripe.client';
import type { StripeEventHandlers } from '../webhooks/stripe-event.handlers';
import { PayoutEntity, transferIdempotencyKey } from './award.entity';
import { FUNDING_PAID, fundingStatusesSql } from '../fundings/funding.domain';
import { isPayoutInTransfer, PAYOUT_IN_TRANSFER, payoutStatusesSql, payoutTransitionSql, transitionPayout } from './payout.domain';

const BATCH = 20;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

export interface PayoutTransferSettings {
  pollMs: number;
  /** base of the backoff: base × 2^(attempts−1), capped at an hour, never given up. */
  retryBaseMs: number;
  /** A claimed payout is not picked again before this lease ends (longer than the SDK's 15 s timeout); after a crash
   * mid-transfer, the payout is retried (same idempotency key) once it expires. */
  claimLeaseSeconds: number;
  /** Transfers in flight at once in this process. */
  concurrency: number;
}

type DuePayout = { id: string; attempts: number };

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

/**
 * Moves money for payouts that are due: a work queue over payout that claims each (row lock, skip locked, then a
 * lease so no other instance takes it while Stripe is called outside any transaction), transfers with the
 * idempotency key derived from the committed payout id, and records the outcome. A crash anywhere retries with the
 * same key: one transfer at most.
 */
export class PayoutTransferProcessor extends WorkQueue<DuePayout, ClaimedPayout> {
  constructor(em: EntityManager, stripe: Stripe, logger: Logger, settings: PayoutTransferSettings) {
    const retry = { baseMs: settings.retryBaseMs, capMs: MAX_BACKOFF_MS };
    super(
      em,
      {
        mode: 'leased',
        name: 'payout transfer',
        table: 'payout',
        key: 'id',
        pending: `status in ${payoutStatusesSql(PAYOUT_IN_TRANSFER)}`,
        bookkeeping: { lastError: 'failure_reason', updatedAt: 'updated_at' },
        batchSize: BATCH,
        concurrency: settings.concurrency,
        pollMs: settings.pollMs,
        retry,
        leaseSeconds: settings.claimLeaseSeconds,
        describe: (payout) => ({ payoutId: payout.id }),
        messages: { retry: 'payout transfer failed; will retry' },
        errorText: stripeErrorMessage,
        beforeRun: releaseHeldPayoutsOfActiveAccounts,
        prepare: (tx, payout) => preparePayout(tx, payout.id, retryDelayMs(retry, 1)),
        perform: async (claimed) => {
          const transfer = await stripe.transfers.create(
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
          try {
            await em.fork().transactional(async (em) => {
              const payout = await em.findOne(PayoutEntity, { id: claimed.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
              if (payout) await markPaid(em as EntityManager, payout, transfer.id);
            });
          } catch (err) {
            // The transfer exists: the lease ends, the keyed retry replays it (or transfer.created marks it paid).
            logger.error({ err, payoutId: claimed.id, transferId: transfer.id }, 'could not record a paid transfer');
          }
        },
        onFailure: recordRefusal,
      },
      logger,
    );
  }
}

/** Safety net: HELD payouts of winners whose account is ACTIVE (e.g. activated while the award committed). */
async function releaseHeldPayoutsOfActiveAccounts(em: EntityManager): Promise<void> {
  const release = payoutTransitionSql('release');
  await em.getConnection().execute(
    `update payout set status = ${release.to}, next_attempt_at = now(), updated_at = now()
      where status in ${release.from} and winner_id in (select user_id from payout_account where status = 'ACTIVE')`,
  );
}

/** In the claiming transaction (the payout locked and leased): what the transfer needs, or why not now (then HELD or later). */
async function preparePayout(em: EntityManager, id: string, chargeUnknownDelayMs: number): Promise<Prepared<ClaimedPayout>> {
  const connection = em.getConnection();
  const tx = em.getTransactionContext();
  const rows: ClaimedPayout[] = await connection.execute(
    `select p.id, p.award_id, p.challenge_id, p.winner_id, p.currency, p.amount_minor::text as amount_minor, p.refusals,
            a.stripe_account_id, a.status as account_status,
            (select f.charge_id from funding f where f.challenge_id = p.challenge_id
               and f.status in ${fundingStatusesSql(FUNDING_PAID)} limit 1) as charge_id,
            exists (select 1 from funding f where f.challenge_id = p.challenge_id and f.disputed_at is not null) as disputed
       from payout p left join payout_account a on a.user_id = p.winner_id
      where p.id = ?`,
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
  // The sponsor disputed the funding charge: nothing leaves escrow until the dispute is won.
  if (row.disputed) return { defer: { ms: 60_000, reason: 'held: the funding payment is disputed' } };
  if (!row.charge_id) return { defer: { ms: chargeUnknownDelayMs, reason: 'the funding charge is not known yet', countsAsAttempt: true } };
  return { work: row };
}

/**
 * With a failed transfer's bookkeeping (attempts, failure reason, next attempt: the queue's): outcome unknown
 * (network, 5xx, 429, 409) stays PROCESSING, retried with the same key. Refused: FAILED, retried later (the account
 * may be fixed) with the next key, committed here before that call.
 */
async function recordRefusal(em: EntityManager, due: DuePayout, error: unknown): Promise<void> {
  if (isRetryableStripeError(error)) return;
  const payout = await em.findOne(PayoutEntity, { id: due.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!payout || !isPayoutInTransfer(payout.status)) return; // paid meanwhile (webhook)
  // Told once per failure: a FAILED payout is retried, and each refusal of a retry is the same news.
  const newlyFailed = payout.status !== 'FAILED';
  transitionPayout(payout, 'refuse');
  payout.refusals += 1;
  if (newlyFailed) {
    recordEvent(em, 'PayoutFailed', {
      payoutId: payout.id,
      challengeId: payout.challengeId,
      winnerId: payout.winnerId,
      amountMinor: payout.amountMinor.toString(),
      currency: payout.currency.trim(),
      reason: stripeErrorMessage(error).slice(0, 500),
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
    // Emitted with the move only: a reversal delivered again (or under another event id) finds it REVERSED.
    if ((transfer.reversed || transfer.amount_reversed >= transfer.amount) && transitionPayout(payout, 'reverse')) {
      recordEvent(em, 'PayoutReversed', {
        payoutId: payout.id,
        challengeId: payout.challengeId,
        winnerId: payout.winnerId,
        amountMinor: payout.amountMinor.toString(),
        currency: payout.currency.trim(),
      });
    }
  },
};
