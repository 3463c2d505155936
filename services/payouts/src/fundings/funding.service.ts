import { NO_READ_MODEL_WAIT, recordEvent, type ReadModelWait } from '@ideagora/events';
import { platformFee, sumMinor } from '@ideagora/money';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { ledgerService } from '../ledger/ledger.service';
import { ReadModelService } from '../read-models/read-model.service';
import { isFundingBehind } from '../read-models/read-your-writes';
import { isRetryableStripeError, stripeErrorMessage } from '../stripe/stripe.client';
import { FundingEntity } from './funding.entity';
import { AlreadyFundedError, ChallengeNotFundableError, PaymentProviderUnavailableError, PaymentRefusedError } from './funding.errors';
import { findForRead } from '@ideagora/db';

/** Stripe refuses larger single charges; a bigger pool needs another way in (not supported yet). */
const STRIPE_MAX_AMOUNT = 99_999_999n;

export class FundingService {
  constructor(
    private readonly em: EntityManager,
    private readonly stripe: Stripe,
    private readonly feeBasisPoints: number,
    /** Read-your-writes: a challenge just created may not have reached the read model yet. */
    private readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
  ) {}

  /**
   * Starts (or resumes) funding a DRAFT challenge: one PENDING funding per challenge, its PaymentIntent created with
   * an idempotency key derived from the funding id and saved before Stripe is called, so a retry after any failure
   * lands on the same PaymentIntent.
   */
  async fund(viewerId: string, challengeId: string): Promise<FundingEntity> {
    await this.readModel.until(() => new ReadModelService(this.em).sponsorCommandFacts(challengeId, viewerId), isFundingBehind);
    const funding = await this.em.transactional(async (em) => {
      const challenge = await new ReadModelService(em as EntityManager).requireSponsorAdmin(challengeId, viewerId);
      if (challenge.status !== 'DRAFT') throw new ChallengeNotFundableError(challenge.status);
      await em.getConnection().execute(`select pg_advisory_xact_lock(hashtext('funding:' || ?))`, [challengeId], 'run', em.getTransactionContext());
      const existing = await em.find(FundingEntity, { challengeId }, { orderBy: { createdAt: 'desc' } });
      if (existing.some((f) => f.status !== 'PENDING' && f.status !== 'FAILED')) throw new AlreadyFundedError();
      const pending = existing.find((f) => f.status === 'PENDING');
      if (pending) return pending;
      const prizePool = sumMinor(challenge.prizes.map((p) => BigInt(p.amountMinor)));
      const fee = platformFee(prizePool, this.feeBasisPoints);
      const created = em.create(FundingEntity, {
        challengeId,
        currency: challenge.currency,
        prizePoolMinor: prizePool,
        feeMinor: fee,
        amountMinor: prizePool + fee,
        createdBy: viewerId,
      });
      if (created.amountMinor > STRIPE_MAX_AMOUNT) throw new PaymentRefusedError('the amount is above what one card payment may carry');
      return created;
    });
    if (funding.paymentIntentId) return funding;
    await this.cancelFailedAttempts(funding.challengeId);
    return this.createPaymentIntent(funding);
  }

  /** A failed attempt's PaymentIntent could still be paid later with another card: cancel it before a new one. */
  private async cancelFailedAttempts(challengeId: string): Promise<void> {
    const failed = await this.em.fork().find(FundingEntity, { challengeId, status: 'FAILED', paymentIntentId: { $ne: null } });
    for (const attempt of failed) {
      try {
        await this.stripe.paymentIntents.cancel(attempt.paymentIntentId!, {}, { idempotencyKey: `cancel:${attempt.id}` });
      } catch {
        // Already cancelled (or no longer cancellable): nothing left to prevent.
      }
    }
  }

  private async createPaymentIntent(funding: FundingEntity): Promise<FundingEntity> {
    let intent: Stripe.PaymentIntent;
    try {
      intent = await this.stripe.paymentIntents.create(
        {
          amount: Number(funding.amountMinor),
          currency: funding.currency.toLowerCase(),
          transfer_group: funding.challengeId,
          metadata: { fundingId: funding.id, challengeId: funding.challengeId },
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          description: `Ideagora prize pool for challenge ${funding.challengeId}`,
        },
        { idempotencyKey: funding.idempotencyKey },
      );
    } catch (error) {
      if (isRetryableStripeError(error)) throw new PaymentProviderUnavailableError();
      // Refused for good: the funding fails with Stripe's reason, the challenge stays a DRAFT.
      const reason = stripeErrorMessage(error);
      await this.markFailed(funding.id, reason);
      throw new PaymentRefusedError(reason);
    }
    return this.em.transactional(async (em) => {
      const row = await em.findOneOrFail(FundingEntity, { id: funding.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      row.paymentIntentId ??= intent.id;
      row.clientSecret ??= intent.client_secret;
      return row;
    });
  }

  private async markFailed(fundingId: string, reason: string): Promise<void> {
    await this.em.transactional(async (em) => {
      const row = await em.findOneOrFail(FundingEntity, { id: fundingId });
      if (row.status !== 'PENDING') return;
      row.status = 'FAILED';
      row.failureReason = reason;
      recordEvent(em as EntityManager, 'FundingFailed', { challengeId: row.challengeId, fundingId: row.id, reason });
    });
  }

  async latestFor(challengeIds: readonly string[]): Promise<Map<string, FundingEntity>> {
    const rows = await findForRead(this.em, FundingEntity, { challengeId: { $in: [...challengeIds] } }, [{ createdAt: 'desc' }]);
    const latest = new Map<string, FundingEntity>();
    for (const row of rows) {
      const held = latest.get(row.challengeId);
      // The paid funding wins over later failed attempts; otherwise the newest.
      if (!held || (held.status === 'FAILED' && row.status !== 'FAILED' && row.status !== 'PENDING')) latest.set(row.challengeId, row);
    }
    return latest;
  }
}

/** Webhook effects, applied once per Stripe event inside the event processor's transaction. */
export const fundingWebhookHandlers = {
  'payment_intent.succeeded': async (em: EntityManager, event: Stripe.Event) => {
    const intent = event.data.object as Stripe.PaymentIntent;
    const funding = await lockFundingOf(em, intent);
    if (!funding || funding.status === 'SUCCEEDED' || funding.status === 'PARTIALLY_REFUNDED' || funding.status === 'REFUNDED') return;
    funding.status = 'SUCCEEDED';
    funding.failureReason = null;
    funding.succeededAt = new Date(event.created * 1000);
    funding.chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? null);
    await em.flush();
    await ledgerService.postFundingSucceeded(em, {
      fundingId: funding.id,
      challengeId: funding.challengeId,
      currency: funding.currency,
      prizePool: funding.prizePoolMinor,
      fee: funding.feeMinor,
    });
    recordEvent(em, 'FundingSucceeded', { challengeId: funding.challengeId, fundingId: funding.id });
  },
  'payment_intent.payment_failed': async (em: EntityManager, event: Stripe.Event) => {
    const intent = event.data.object as Stripe.PaymentIntent;
    const funding = await lockFundingOf(em, intent);
    // A failure never overrides a success (events arrive in any order).
    if (!funding || funding.status !== 'PENDING') return;
    const reason = intent.last_payment_error?.message ?? intent.last_payment_error?.code ?? 'payment failed';
    funding.status = 'FAILED';
    funding.failureReason = reason;
    recordEvent(em, 'FundingFailed', { challengeId: funding.challengeId, fundingId: funding.id, reason });
  },
};

/** A dispute holds every payout of the challenge until it is won (then they resume); a lost one stays held for ops. */
export const disputeWebhookHandlers = {
  'charge.dispute.created': async (em: EntityManager, event: Stripe.Event) => {
    const dispute = event.data.object as Stripe.Dispute;
    const chargeId = typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id;
    await em.getConnection().execute(`update funding set disputed_at = coalesce(disputed_at, now()) where charge_id = ?`, [chargeId], 'run', em.getTransactionContext());
  },
  'charge.dispute.closed': async (em: EntityManager, event: Stripe.Event) => {
    const dispute = event.data.object as Stripe.Dispute;
    if (dispute.status !== 'won') return;
    const chargeId = typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id;
    await em.getConnection().execute(`update funding set disputed_at = null where charge_id = ?`, [chargeId], 'run', em.getTransactionContext());
    // Resume the held transfers now rather than at their next scheduled look.
    await em
      .getConnection()
      .execute(
        `update payout set next_attempt_at = now() where status in ('PROCESSING', 'FAILED') and challenge_id in (select challenge_id from funding where charge_id = ?)`,
        [chargeId],
        'run',
        em.getTransactionContext(),
      );
  },
};

async function lockFundingOf(em: EntityManager, intent: Stripe.PaymentIntent): Promise<FundingEntity | null> {
  const fundingId = intent.metadata?.fundingId;
  const where = fundingId ? { id: fundingId } : { paymentIntentId: intent.id };
  return em.findOne(FundingEntity, where, { lockMode: LockMode.PESSIMISTIC_WRITE });
}
