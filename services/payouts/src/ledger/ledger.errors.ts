import { FailedPreconditionError } from '@ideagora/subgraph-kit';

/**
 * A ledger call that can never be right (unbalanced, zero amount, unknown currency, reused reference...).
 * It is a bug in the caller, so it is a plain Error: the API masks it as INTERNAL_SERVER_ERROR.
 */
export abstract class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnbalancedTransactionError extends LedgerError {
  constructor(
    readonly kind: string,
    readonly reference: string,
    /** Non-zero sum per currency. */
    readonly imbalances: Readonly<Record<string, bigint>>,
  ) {
    super(`ledger transaction ${kind} ${reference} is unbalanced: ${Object.entries(imbalances).map(([c, v]) => `${c} ${v}`).join(', ')}`);
  }
}

export class InvalidPostingError extends LedgerError {}

/** The same (kind, reference) was posted before with other postings: a business key was reused. */
export class LedgerReferenceConflictError extends LedgerError {
  constructor(
    readonly kind: string,
    readonly reference: string,
  ) {
    super(`ledger transaction ${kind} ${reference} already exists with different postings`);
  }
}

/** The books disagree with an invariant the writes enforce (e.g. a challenge with postings in two currencies). */
export class LedgerInvariantError extends LedgerError {}

/**
 * Refusals of valid-looking steps that the current balances do not allow. They can follow from what users do
 * (awarding more than is left in escrow), so they carry the contract's FAILED_PRECONDITION code.
 */
export abstract class LedgerRefusedError extends FailedPreconditionError {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export abstract class InsufficientBalanceError extends LedgerRefusedError {
  constructor(
    readonly account: string,
    readonly currency: string,
    /** What the account still holds, as a positive amount. */
    readonly available: bigint,
    readonly requested: bigint,
  ) {
    super(`${account} holds ${available} ${currency} minor units; ${requested} were requested`);
  }
}

/** Awarding or refunding more than the challenge's escrow holds. */
export class InsufficientEscrowError extends InsufficientBalanceError {}

/** Paying a winner more than they are owed (for this challenge). */
export class InsufficientPayableError extends InsufficientBalanceError {}

/** Reversing a transfer that was not paid, in another currency or for another winner, or beyond its amount. */
export class InvalidReversalError extends LedgerRefusedError {}

/** A challenge has one currency; its ledger transactions must use it. */
export class ChallengeCurrencyMismatchError extends LedgerRefusedError {
  constructor(
    readonly challengeId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`challenge ${challengeId} is booked in ${expected}, not ${actual}`);
  }
}
