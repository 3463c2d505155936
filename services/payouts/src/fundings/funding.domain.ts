import { platformFee, sumMinor } from '@ideagora/money';
import { StateMachine, type Transition } from '../state-machine';
import type { FundingStatusName } from './funding.entity';

export { InvalidTransitionError } from '../state-machine';

/** What funding a challenge costs: its prize pool, the platform fee on top, and the total charged. */
export interface FundingQuote {
  prizePool: bigint;
  fee: bigint;
  total: bigint;
}

/**
 * The one formula for what a sponsor pays: used by `fundChallenge` to create the funding (and so the PaymentIntent's
 * amount) and by `Challenge.fundingQuote` to show it before the payment, so the two cannot disagree. The pool is
 * sum(amountMinor x quantity): a prize of several places pays each (quantity absent: 1, events queued before it).
 */
export function quoteFunding(prizes: readonly { amountMinor: string | bigint; quantity?: number }[], feeBasisPoints: number): FundingQuote {
  const prizePool = sumMinor(prizes.map((p) => BigInt(p.amountMinor) * BigInt(p.quantity ?? 1)));
  const fee = platformFee(prizePool, feeBasisPoints);
  return { prizePool, fee, total: prizePool + fee };
}

export type FundingAction = 'succeed' | 'fail' | 'refundInPart' | 'refundInFull';

const MEANINGS: Record<FundingStatusName, string> = {
  PENDING: "awaiting the sponsor's payment (at most one per challenge: `funding_one_pending_idx`)",
  SUCCEEDED: 'paid: the prize pool is in escrow',
  FAILED: 'the payment failed; the sponsor tries again with a new funding (a new PENDING row)',
  PARTIALLY_REFUNDED: 'settled with part of the prize pool refunded (the unawarded prizes)',
  REFUNDED: 'settled with the whole prize pool refunded (cancelled, or nothing awarded)',
};

/**
 * A funding is created PENDING (`fund`; a new one only while none is paid, after failed ones).
 * PENDING -fail (Stripe refused the PaymentIntent, or payment_intent.payment_failed)-> FAILED;
 * PENDING, FAILED -succeed (payment_intent.succeeded: a failed attempt's PaymentIntent may still be paid)-> SUCCEEDED;
 * SUCCEEDED -refundInPart | refundInFull (settlement's one refund, of what is left in escrow)-> PARTIALLY_REFUNDED |
 * REFUNDED. Repeats are no-ops: a failure never overrides a success, nor a late success a refund (events come in any
 * order). A dispute changes no status: `disputedAt` holds the challenge's payouts.
 */
const TRANSITIONS: Record<FundingAction, Transition<FundingStatusName>> = {
  succeed: { from: ['PENDING', 'FAILED'], to: 'SUCCEEDED', unchanged: ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'], done: 'marked paid' },
  fail: { from: ['PENDING'], to: 'FAILED', unchanged: ['SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED'], done: 'marked failed' },
  refundInPart: { from: ['SUCCEEDED'], to: 'PARTIALLY_REFUNDED', done: 'refunded in part' },
  refundInFull: { from: ['SUCCEEDED'], to: 'REFUNDED', done: 'refunded' },
};

export const fundingStates = new StateMachine<FundingStatusName, FundingAction>('funding', MEANINGS, TRANSITIONS);

/** Paid: SUCCEEDED and whatever a paid funding becomes (at most one per challenge: `funding_one_paid_idx`). */
export const FUNDING_PAID: readonly FundingStatusName[] = fundingStates.reachableFrom('SUCCEEDED');

export function isFundingPaid(status: FundingStatusName): boolean {
  return FUNDING_PAID.includes(status);
}

/** Whether `action` moves a funding in `status` (a repeat, which changes nothing, is not a move). */
export function canTransitionFunding(status: FundingStatusName, action: FundingAction): boolean {
  return fundingStates.can(status, action);
}

/** Sets the funding's status by `action`: true when it moved, false for a repeat; InvalidTransitionError when refused. */
export function transitionFunding(funding: { status: FundingStatusName }, action: FundingAction): boolean {
  return fundingStates.apply(funding, action);
}

/** Funding statuses as a SQL list, for `status in ...`. */
export function fundingStatusesSql(statuses: readonly FundingStatusName[]): string {
  return fundingStates.sqlList(statuses);
}

/** The settlement's refund: in full when it returns the whole prize pool, else in part. */
export function refundAction(refunded: bigint, prizePool: bigint): Extract<FundingAction, 'refundInPart' | 'refundInFull'> {
  return refunded >= prizePool ? 'refundInFull' : 'refundInPart';
}
