import { isKnownCurrency, MAX_MINOR_UNITS } from '@ideagora/money';
import { isLedgerId, parseAccount } from './ledger.accounts';
import { InvalidPostingError, UnbalancedTransactionError } from './ledger.errors';

export interface PostingInput {
  account: string;
  currency: string;
  /** Signed minor units: positive = debit, negative = credit. */
  amountMinor: bigint;
}

export interface LedgerTransactionInput {
  kind: string;
  /** Business key, unique per kind (e.g. `funding:<fundingId>`): posting one business step twice is impossible. */
  reference: string;
  challengeId?: string | null;
  postings: readonly PostingInput[];
}

const KIND = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Pure checks run before any SQL (the database repeats the structural ones).
 * Throws InvalidPostingError or UnbalancedTransactionError; returns the input with a normalized challengeId.
 */
export function validateLedgerTransaction(input: LedgerTransactionInput): LedgerTransactionInput & { challengeId: string | null } {
  if (typeof input.kind !== 'string' || !KIND.test(input.kind)) throw new InvalidPostingError(`kind must match ${KIND}, got ${JSON.stringify(input.kind)}`);
  if (typeof input.reference !== 'string' || input.reference.length < 1 || input.reference.length > 200) {
    throw new InvalidPostingError('reference must be 1 to 200 characters');
  }
  const challengeId = input.challengeId ?? null;
  if (challengeId !== null && !isLedgerId(challengeId)) throw new InvalidPostingError(`challengeId must be a lower-case UUID, got ${JSON.stringify(challengeId)}`);
  if (!Array.isArray(input.postings) || input.postings.length < 2) throw new InvalidPostingError('a ledger transaction needs at least two postings');

  const sums = new Map<string, bigint>();
  for (const posting of input.postings) {
    const account = parseAccount(posting.account);
    if (!account) throw new InvalidPostingError(`unknown account ${JSON.stringify(posting.account)}`);
    if (typeof posting.currency !== 'string' || !isKnownCurrency(posting.currency)) {
      throw new InvalidPostingError(`unknown currency ${JSON.stringify(posting.currency)} (expected an upper-case supported ISO 4217 code)`);
    }
    if (typeof posting.amountMinor !== 'bigint') throw new InvalidPostingError(`amountMinor of ${posting.account} must be a bigint`);
    if (posting.amountMinor === 0n) throw new InvalidPostingError(`zero posting on ${posting.account}`);
    if (posting.amountMinor > MAX_MINOR_UNITS || posting.amountMinor < -MAX_MINOR_UNITS) throw new InvalidPostingError(`amount on ${posting.account} exceeds a bigint`);
    // Escrow postings carry their challenge on the transaction, so per-challenge summaries are exact.
    if (account.type === 'escrow' && account.challengeId !== challengeId) {
      throw new InvalidPostingError(`${posting.account} can only be posted by a transaction of challenge ${account.challengeId}`);
    }
    sums.set(posting.currency, (sums.get(posting.currency) ?? 0n) + posting.amountMinor);
  }
  if (challengeId !== null && sums.size > 1) throw new InvalidPostingError(`challenge ${challengeId} has one currency; got ${[...sums.keys()].join(', ')}`);
  const imbalances = Object.fromEntries([...sums].filter(([, total]) => total !== 0n));
  if (Object.keys(imbalances).length > 0) throw new UnbalancedTransactionError(input.kind, input.reference, imbalances);
  return { ...input, challengeId };
}

/** Requires a strictly positive amount that fits a bigint column. */
export function positiveAmount(value: bigint, field: string): bigint {
  if (typeof value !== 'bigint' || value <= 0n || value > MAX_MINOR_UNITS) throw new InvalidPostingError(`${field} must be a positive bigint of minor units, got ${String(value)}`);
  return value;
}

/** Same posting set, order aside: an idempotent re-post must describe the same business step. */
export function samePostings(a: readonly PostingInput[], b: readonly PostingInput[]): boolean {
  const key = (p: PostingInput) => `${p.account}|${p.currency}|${p.amountMinor}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}
