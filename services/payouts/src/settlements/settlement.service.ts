import { recordEvent, WorkQueue, type RetryPolicy } from '@ideagora/events';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { FUNDING_PAID, refundAction, transitionFunding } from '../fundings/funding.domain';
import { FundingEntity } from '../fundings/funding.entity';
import { escrowAccount } from '../ledger/ledger.accounts';
import { ledgerService } from '../ledger/ledger.service';
import { isRetryableStripeError, stripeErrorMessage } from '../stripe/stripe.client';

type SettlementRow = {
  challenge_id: string;
  reason: 'AWARDED' | 'CANCELLED';
  refund_id: string;
  refund_amount_minor: string | null;
  stripe_refund_id: string | null;
  attempts: number;
};

const BATCH = 20;
/** Backoff 1 s, 2 s, 4 s … capped at 10 minutes; never given up. */
export const SETTLEMENT_RETRY: RetryPolicy = { baseMs: 1000, capMs: 10 * 60_000 };
/** A settlement being worked (a refund call to Stripe in flight) is not picked again before this ends. */
const SETTLEMENT_LEASE_SECONDS = 60;

type DueSettlement = { challenge_id: string; attempts: number };
type SettlementPlan = { row: SettlementRow; funding: FundingEntity };

/**
 * Settles ended challenges: a work queue over settlement. Refunds the sponsor what is left in escrow (the unawarded
 * prizes; everything when a funded challenge is cancelled), then, once every award is transferred, emits
 * ChallengeSettled. The refund amount is fixed (saved) before Stripe is called, with an idempotency key derived from
 * the challenge, so retries after any failure make exactly one refund.
 */
export class SettlementService extends WorkQueue<DueSettlement, SettlementPlan> {
  constructor(
    em: EntityManager,
    private readonly stripe: Stripe,
    logger: Logger,
    pollMs: number,
  ) {
    super(
      em,
      {
        mode: 'leased',
        name: 'settlement',
        table: 'settlement',
        key: 'challenge_id',
        pending: `status = 'PENDING'`,
        batchSize: BATCH,
        pollMs,
        retry: SETTLEMENT_RETRY,
        leaseSeconds: SETTLEMENT_LEASE_SECONDS,
        describe: (due) => ({ challengeId: due.challenge_id }),
        messages: { retry: 'settlement step failed; will retry' },
        prepare: async (tx, due) => {
          const plan = await fixRefundAmount(tx, due.challenge_id);
          return plan && { work: plan };
        },
        perform: (plan) => this.refundAndSettle(plan),
      },
      logger,
    );
  }

  private async refundAndSettle({ row, funding }: SettlementPlan): Promise<void> {
    const challengeId = row.challenge_id;
    const amount = BigInt(row.refund_amount_minor!);

    // 2. Refund through Stripe (once), then record it: ledger, funding status.
    if (amount > 0n && !row.stripe_refund_id) {
      let refund: Stripe.Refund;
      try {
        refund = await this.stripe.refunds.create(
          { payment_intent: funding.paymentIntentId!, amount: Number(amount), metadata: { challengeId, refundId: row.refund_id, reason: row.reason } },
          { idempotencyKey: `refund:${challengeId}:1` },
        );
      } catch (error) {
        if (isRetryableStripeError(error)) throw error;
        throw new Error(`Stripe refused the refund: ${stripeErrorMessage(error)}`);
      }
      await this.em.fork().transactional(async (em) => {
        const updated = await query(em, `update settlement set stripe_refund_id = ? where challenge_id = ? and stripe_refund_id is null returning challenge_id`, [refund.id, challengeId]);
        if (updated.length === 0) return;
        await ledgerService.postRefund(em as EntityManager, { refundId: row.refund_id, challengeId, currency: funding.currency, amount });
        const paid = await em.findOneOrFail(FundingEntity, { id: funding.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        transitionFunding(paid, refundAction(amount, paid.prizePoolMinor));
      });
    }

    // 3. Settled once nothing is owed to winners any more (every award transferred).
    await this.em.fork().transactional(async (em) => {
      const summary = await ledgerService.escrowSummary(em as EntityManager, challengeId);
      if (summary && summary.owed > 0n) {
        // Winners still to be paid (perhaps not onboarded for days): look again later; a PAID payout brings it forward.
        await query(em, `update settlement set next_attempt_at = now() + interval '1 minute' where challenge_id = ?`, [challengeId]);
        return;
      }
      const settled = await query(em, `update settlement set status = 'SETTLED', settled_at = now() where challenge_id = ? and status = 'PENDING' returning reason`, [challengeId]);
      if (settled.length > 0 && settled[0].reason === 'AWARDED') recordEvent(em as EntityManager, 'ChallengeSettled', { challengeId });
    });
  }
}

/** 1. Fix the refund amount: what is left in escrow now (awards already moved their money to payables). In the caller's transaction. */
async function fixRefundAmount(em: EntityManager, challengeId: string): Promise<SettlementPlan | null> {
  const [row] = await query<SettlementRow>(em, `select * from settlement where challenge_id = ? and status = 'PENDING' for update skip locked`, [challengeId]);
  if (!row) return null;
  const funding = await paidFunding(em, challengeId);
  if (!funding) {
    await query(em, `update settlement set status = 'SETTLED', settled_at = now(), refund_amount_minor = 0 where challenge_id = ?`, [challengeId]);
    return null; // never funded: nothing to refund or settle
  }
  if (row.refund_amount_minor === null) {
    const held = -(await ledgerService.balance(em, escrowAccount(challengeId), funding.currency));
    row.refund_amount_minor = String(held > 0n ? held : 0n);
    await query(em, `update settlement set refund_amount_minor = ? where challenge_id = ?`, [row.refund_amount_minor, challengeId]);
  }
  return { row, funding };
}

/** Called by the ChallengeChanged consumer when a challenge ends. Idempotent. */
export async function queueSettlement(em: EntityManager, challengeId: string, reason: 'AWARDED' | 'CANCELLED'): Promise<void> {
  const { v7 } = await import('uuid');
  await query(em, `insert into settlement (challenge_id, reason, refund_id) values (?, ?, ?) on conflict (challenge_id) do nothing`, [challengeId, reason, v7()]);
}

async function paidFunding(em: EntityManager, challengeId: string): Promise<FundingEntity | null> {
  return em.findOne(FundingEntity, { challengeId, status: { $in: [...FUNDING_PAID] } });
}

function query<T = Record<string, any>>(em: { getConnection(): any; getTransactionContext(): any }, sql: string, params: unknown[]): Promise<T[]> {
  return em.getConnection().execute(sql, params, 'all', em.getTransactionContext());
}
