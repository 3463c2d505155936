import { NO_READ_MODEL_WAIT, recordEvent, type ReadModelWait } from '@ideagora/events';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@ideagora/subgraph-kit';
import Stripe from 'stripe';
import { ledgerService } from '../ledger/ledger.service';
import { ReadModelService } from '../read-models/read-model.service';
import { isFundingBehind } from '../read-models/read-your-writes';
import { isRetryableStripeError, stripeErrorMessage } from '../stripe/stripe.client';
import { canTransitionFunding, isFundingPaid, quoteFunding, transitionFunding, type FundingQuote } from './funding.domain';
import { FundingEntity } from './funding.entity';
import { AlreadyFundedError, ChallengeNotFundableError, PaymentProviderUnavailableError, PaymentRefusedError } from './funding.errors';
import { findForRead } from '@ideagora/db';
import { PAYOUT_IN_TRANSFER, payoutStatusesSql } from '../awards/payout.domain';
import { StripeEventMismatch, type StripeEventHandler, type StripeEventHandlers } from '../webhooks/stripe-event.handlers';

/** Stripe refuses larger single charges; a bigger pool needs another way in (not supported yet). */
const STRIPE_MAX_AMOUNT = 99_999_999n;

export class FundingService {
  constructor(
    private readonly em: EntityManager,
    private readonly stripe: Stripe,
    private readonly feeBasisPoints: number,
    /** Read-your-writes: a challenge just created may not have reached the read model yet. */
    private readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
    /** The caller's API key's organization, when the caller is a key (read-your-writes for a key just created). */
    private readonly keyOrganizationId?: string,
  ) {}

  /**
   * Starts (or resumes) funding a DRAFT challenge: one PENDING funding per challenge, its PaymentIntent created with
   * an idempotency key derived from the funding id and saved before Stripe is called, so a retry after any failure
   * lands on the same PaymentIntent.
   */
  async fund(viewerId: string, challengeId: string): Promise<FundingEntity> {
    await this.readModel.until(() => new ReadModelService(this.em).sponsorCommandFacts(challengeId, viewerId, undefined, this.keyOrganizationId), isFundingBehind);
    let title: string | null = null;
    const funding = await this.em.transactional(async (em) => {
      const challenge = await new ReadModelService(em as EntityManager).requireSponsorAdmin(challengeId, viewerId);
      title = challenge.title ?? null;
      if (challenge.status !== 'DRAFT') throw new ChallengeNotFundableError(challenge.status);
      await em.getConnection().execute(`select pg_advisory_xact_lock(hashtext('funding:' || ?))`, [challengeId], 'run', em.getTransactionContext());
      const existing = await em.find(FundingEntity, { challengeId }, { orderBy: { createdAt: 'desc' } });
      if (existing.some((f) => isFundingPaid(f.status))) throw new AlreadyFundedError();
      const pending = existing.find((f) => f.status === 'PENDING');
      if (pending) return pending;
      const quote = this.quote(challenge.prizes);
      const created = em.create(FundingEntity, {
        challengeId,
        status: 'PENDING',
        currency: challenge.currency,
        prizePoolMinor: quote.prizePool,
        feeMinor: quote.fee,
        amountMinor: quote.total,
        createdBy: viewerId,
      });
      if (created.amountMinor > STRIPE_MAX_AMOUNT) throw new PaymentRefusedError('the amount is above what one card payment may carry');
      return created;
    });
    if (funding.paymentIntentId) return funding;
    await this.cancelFailedAttempts(funding.challengeId);
    return this.createPaymentIntent(funding, title);
  }

  /** What funding these prizes costs, by the formula `fund` charges (quoteFunding with this service's fee). */
  quote(prizes: readonly { amountMinor: string; quantity?: number }[]): FundingQuote {
    return quoteFunding(prizes, this.feeBasisPoints);
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

  private async createPaymentIntent(funding: FundingEntity, title: string | null): Promise<FundingEntity> {
    let intent: Stripe.PaymentIntent;
    try {
      intent = await this.stripe.paymentIntents.create(
        {
          amount: Number(funding.amountMinor),
          currency: funding.currency.toLowerCase(),
          transfer_group: funding.challengeId,
          metadata: { fundingId: funding.id, challengeId: funding.challengeId },
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          // What the payment page (and the sponsor's card statement details) name: the challenge, by its title.
          description: paymentDescription(title, funding.challengeId),
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
      if (!transitionFunding(row, 'fail')) return; // paid or failed meanwhile: a repeat
      row.failureReason = reason;
      recordEvent(em as EntityManager, 'FundingFailed', { challengeId: row.challengeId, fundingId: row.id, reason });
    });
  }

  /** A paid funding and what the ledger recorded for it (a receipt); null when unknown or not paid. Authorize first. */
  async paidFunding(fundingId: string): Promise<FundingEntity | null> {
    if (!isUuid(fundingId)) return null;
    const funding = await this.em.findOne(FundingEntity, { id: fundingId.toLowerCase() });
    return funding?.succeededAt ? funding : null;
  }

  fundingFigures(fundingId: string): ReturnType<typeof ledgerService.fundingFigures> {
    return ledgerService.fundingFigures(this.em, fundingId);
  }

  async latestFor(challengeIds: readonly string[]): Promise<Map<string, FundingEntity>> {
    const rows = await findForRead(this.em, FundingEntity, { challengeId: { $in: [...challengeIds] } }, [{ createdAt: 'desc' }]);
    const latest = new Map<string, FundingEntity>();
    for (const row of rows) {
      const held = latest.get(row.challengeId);
      // The paid funding wins over later failed attempts; otherwise the newest.
      if (!held || (held.status === 'FAILED' && isFundingPaid(row.status))) latest.set(row.challengeId, row);
    }
    return latest;
  }
}

/** "Prize pool and platform fee for “Desalination at village scale” on Ideagora"; the id only when the title is not known yet. */
export function paymentDescription(title: string | null, challengeId: string): string {
  const name = title?.trim();
  return name ? `Prize pool and platform fee for “${name.slice(0, 300)}” on Ideagora` : `Ideagora prize pool for challenge ${challengeId}`;
}

/**
 * Webhook effects, applied once per Stripe event inside the event processor's transaction. Nothing moves unless the
 * event's PaymentIntent is the funding's own (stored id), for the funding's amount and currency, and Stripe's API
 * (retrieved now: the event is only a hint) agrees; a contradiction is a StripeEventMismatch and changes nothing.
 */
export const fundingWebhookHandlers: StripeEventHandlers = {
  'payment_intent.succeeded': async (em, event, { stripe }) => {
    const hint = event.data.object as Stripe.PaymentIntent;
    const funding = await lockFundingOf(em, hint);
    if (!funding || !canTransitionFunding(funding.status, 'succeed')) return;
    const intent = await verifiedIntent(stripe, funding, hint);
    if (intent.status !== 'succeeded' || intent.amount_received !== intent.amount) {
      throw new StripeEventMismatch(`payment_intent.succeeded for ${intent.id}, but Stripe shows it ${intent.status} with ${intent.amount_received} of ${intent.amount} received`);
    }
    funding.paymentIntentId ??= intent.id;
    transitionFunding(funding, 'succeed');
    funding.failureReason = null;
    funding.succeededAt = new Date(event.created * 1000);
    funding.chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? null);
    // For the receipt: the card, when Stripe's charge (expanded by verifiedIntent) says which.
    const card = typeof intent.latest_charge === 'object' ? intent.latest_charge?.payment_method_details?.card : undefined;
    funding.cardBrand = card?.brand ?? null;
    funding.cardLast4 = card?.last4 ?? null;
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
  'payment_intent.payment_failed': async (em, event, { stripe }) => {
    const hint = event.data.object as Stripe.PaymentIntent;
    const funding = await lockFundingOf(em, hint);
    // A failure never overrides a success (events arrive in any order).
    if (!funding || !canTransitionFunding(funding.status, 'fail')) return;
    const intent = await verifiedIntent(stripe, funding, hint);
    // A late failure of an attempt the sponsor then paid with another card: the success decides.
    if (intent.status === 'succeeded' || intent.status === 'processing' || intent.status === 'requires_capture') return;
    const reason = intent.last_payment_error?.message ?? intent.last_payment_error?.code ?? 'payment failed';
    funding.paymentIntentId ??= intent.id;
    transitionFunding(funding, 'fail');
    funding.failureReason = reason;
    recordEvent(em, 'FundingFailed', { challengeId: funding.challengeId, fundingId: funding.id, reason });
  },
};

/**
 * A dispute holds every payout of the challenge until it is won (then they resume); a lost one stays held for ops.
 * `created` and `closed` may arrive in either order (a `closed` first used to leave the payouts held for ever): both
 * apply the dispute as Stripe shows it now, on the funding's row lock.
 */
const applyDispute: StripeEventHandler = async (em, event, { stripe }) => {
  const hint = event.data.object as Stripe.Dispute;
  const chargeId = typeof hint.charge === 'string' ? hint.charge : hint.charge.id;
  const funding = await em.findOne(FundingEntity, { chargeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!funding) return; // not a charge of ours
  const dispute = await stripe.disputes.retrieve(hint.id);
  const disputedCharge = typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id;
  if (disputedCharge !== chargeId) throw new StripeEventMismatch(`dispute ${dispute.id} is on charge ${disputedCharge} at Stripe, not ${chargeId}`);
  if (dispute.status === 'won' || dispute.status === 'warning_closed') {
    if (!funding.disputedAt) return;
    funding.disputedAt = null;
    await em.flush();
    // Resume the held transfers now rather than at their next scheduled look.
    await em
      .getConnection()
      .execute(
        `update payout set next_attempt_at = now() where status in ${payoutStatusesSql(PAYOUT_IN_TRANSFER)} and challenge_id = ?`,
        [funding.challengeId],
        'run',
        em.getTransactionContext(),
      );
    return;
  }
  funding.disputedAt ??= new Date(); // open, or lost: held (a lost dispute is for ops to settle)
};

export const disputeWebhookHandlers: StripeEventHandlers = {
  'charge.dispute.created': applyDispute,
  'charge.dispute.closed': applyDispute,
};

/**
 * The funding an event's PaymentIntent belongs to, locked: found by the stored PaymentIntent id, else by the
 * metadata we set (`fundingId`). Null when the PaymentIntent is not ours at all.
 */
async function lockFundingOf(em: EntityManager, intent: Stripe.PaymentIntent): Promise<FundingEntity | null> {
  const byIntent = await em.findOne(FundingEntity, { paymentIntentId: intent.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (byIntent) return byIntent;
  const fundingId = intent.metadata?.['fundingId'];
  if (fundingId === undefined) return null;
  const byMetadata = isUuid(fundingId) ? await em.findOne(FundingEntity, { id: fundingId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!byMetadata) throw new StripeEventMismatch(`PaymentIntent ${intent.id} names funding ${String(fundingId).slice(0, 100)}, which does not exist`);
  return byMetadata;
}

/**
 * The event's PaymentIntent as Stripe shows it now, checked against the funding: the funding's own PaymentIntent
 * (its stored id; a funding whose id was not saved yet adopts one only if Stripe shows our metadata on it), the
 * funding's amount and currency, in the event's hint and in Stripe's answer alike.
 */
async function verifiedIntent(stripe: Stripe, funding: FundingEntity, hint: Stripe.PaymentIntent): Promise<Stripe.PaymentIntent> {
  const expected = { amount: Number(funding.amountMinor), currency: funding.currency.trim().toLowerCase() };
  const contradiction = (intent: Stripe.PaymentIntent, source: string): string | null => {
    if (funding.paymentIntentId && intent.id !== funding.paymentIntentId) return `${source}: PaymentIntent ${intent.id} is not funding ${funding.id}'s (${funding.paymentIntentId})`;
    if (intent.amount !== expected.amount) return `${source}: amount ${intent.amount} is not the funding's ${expected.amount}`;
    if (String(intent.currency).toLowerCase() !== expected.currency) return `${source}: currency ${intent.currency} is not the funding's ${expected.currency}`;
    const fundingId = intent.metadata?.['fundingId'];
    if (fundingId !== undefined ? fundingId !== funding.id : !funding.paymentIntentId) return `${source}: PaymentIntent ${intent.id} does not carry funding ${funding.id}`;
    return null;
  };
  const hinted = contradiction(hint, 'event');
  if (hinted) throw new StripeEventMismatch(hinted);
  let intent: Stripe.PaymentIntent;
  try {
    // With its charge: the card paid with, for the receipt (one call, as before).
    intent = await stripe.paymentIntents.retrieve(hint.id, { expand: ['latest_charge'] });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) throw new StripeEventMismatch(`Stripe has no PaymentIntent ${hint.id}`);
    throw error; // unknown outcome: the event is retried
  }
  const retrieved = contradiction(intent, 'Stripe');
  if (retrieved) throw new StripeEventMismatch(retrieved);
  return intent;
}
