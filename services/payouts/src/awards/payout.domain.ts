import { StateMachine, type Transition, type TransitionSql } from '../state-machine';
import type { PayoutStatusName } from './award.entity';

export { InvalidTransitionError } from '../state-machine';

export type PayoutAction = 'release' | 'hold' | 'refuse' | 'markPaid' | 'reverse';

/** Due for a transfer attempt (the processor claims these; the `payout_due_idx` partial index covers them). */
export const PAYOUT_IN_TRANSFER: readonly PayoutStatusName[] = ['PROCESSING', 'FAILED'];

const MEANINGS: Record<PayoutStatusName, string> = {
  HELD: "waits for the winner's payout account to be ACTIVE (able to receive transfers)",
  PROCESSING: 'being transferred: attempted, and retried with the same idempotency key while the outcome is unknown',
  PAID: 'transferred; the ledger posted it and PayoutPaid was emitted',
  FAILED: 'Stripe refused the transfer: retried with backoff (the account may be fixed), with the next idempotency key',
  REVERSED: 'the transfer was reversed in full at Stripe',
};

/**
 * A payout is created HELD, or PROCESSING at once when the winner's account is ACTIVE (`initialPayoutStatus`).
 * HELD -release (account ACTIVE)-> PROCESSING -markPaid-> PAID -reverse (in full)-> REVERSED;
 * PROCESSING, FAILED -refuse (Stripe 4xx)-> FAILED, retried from FAILED (an unknown outcome changes no status);
 * PROCESSING, FAILED -hold (the account cannot receive transfers any more)-> HELD;
 * HELD, FAILED -markPaid-> PAID too: a transfer Stripe made (transfer.created, or our own call whose lease ran out
 * meanwhile) pays the payout whatever its status. Repeats are no-ops: markPaid on PAID or REVERSED (a reversed
 * transfer was paid first), reverse on REVERSED.
 */
const TRANSITIONS: Record<PayoutAction, Transition<PayoutStatusName>> = {
  release: { from: ['HELD'], to: 'PROCESSING', done: 'released for transfer' },
  hold: { from: PAYOUT_IN_TRANSFER, to: 'HELD', done: 'held' },
  refuse: { from: PAYOUT_IN_TRANSFER, to: 'FAILED', done: 'marked as refused' },
  markPaid: { from: ['HELD', 'PROCESSING', 'FAILED'], to: 'PAID', unchanged: ['PAID', 'REVERSED'], done: 'marked paid' },
  reverse: { from: ['PAID'], to: 'REVERSED', unchanged: ['REVERSED'], done: 'reversed' },
};

export const payoutStates = new StateMachine<PayoutStatusName, PayoutAction>('payout', MEANINGS, TRANSITIONS);

/** Whether `action` moves a payout in `status` (a repeat, which changes nothing, is not a move). */
export function canTransitionPayout(status: PayoutStatusName, action: PayoutAction): boolean {
  return payoutStates.can(status, action);
}

/** The status after `action` (the same for a repeat); InvalidTransitionError (FAILED_PRECONDITION) when refused. */
export function nextPayoutStatus(status: PayoutStatusName, action: PayoutAction): PayoutStatusName {
  return payoutStates.next(status, action);
}

/** Sets the payout's status by `action`: true when it moved, false for a repeat; throws when refused. */
export function transitionPayout(payout: { status: PayoutStatusName }, action: PayoutAction): boolean {
  return payoutStates.apply(payout, action);
}

/** `action` for a statement: `update payout set status = ${to} ... where status in ${from}`. */
export function payoutTransitionSql(action: PayoutAction): TransitionSql {
  return payoutStates.sql(action);
}

/** Payout statuses as a SQL list, for `status in ...`. */
export function payoutStatusesSql(statuses: readonly PayoutStatusName[]): string {
  return payoutStates.sqlList(statuses);
}

export function isPayoutInTransfer(status: PayoutStatusName): boolean {
  return PAYOUT_IN_TRANSFER.includes(status);
}

/** A new payout: HELD, released at once when the winner's account is ACTIVE. */
export function initialPayoutStatus(accountActive: boolean): PayoutStatusName {
  return accountActive ? nextPayoutStatus('HELD', 'release') : 'HELD';
}
