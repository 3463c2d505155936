import { InvalidPostingError } from './ledger.errors';

/** Platform cash held at Stripe (an asset: positive). */
export const STRIPE_CASH = 'stripe_cash';
/** Platform fees earned (revenue: negative). */
export const FEE_REVENUE = 'fee_revenue';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ESCROW_PREFIX = 'escrow:';
const PAYABLE_PREFIX = 'payable:';

export type LedgerAccount =
  | { type: 'stripe_cash' }
  | { type: 'fee_revenue' }
  | { type: 'escrow'; challengeId: string }
  | { type: 'payable'; userId: string };

/** Ids are lower-case UUIDs so one challenge or user always maps to one account name. */
export function isLedgerId(id: string): boolean {
  return typeof id === 'string' && UUID.test(id);
}

function requireId(id: string, what: string): string {
  if (!isLedgerId(id)) throw new InvalidPostingError(`${what} must be a lower-case UUID, got ${JSON.stringify(id)}`);
  return id;
}

/** Money held for a challenge's prizes (a liability: negative while funded). */
export function escrowAccount(challengeId: string): string {
  return `${ESCROW_PREFIX}${requireId(challengeId, 'challengeId')}`;
}

/** Money awarded to a winner and not yet transferred (a liability: negative while owed). */
export function payableAccount(userId: string): string {
  return `${PAYABLE_PREFIX}${requireId(userId, 'userId')}`;
}

export function parseAccount(name: string): LedgerAccount | null {
  if (name === STRIPE_CASH) return { type: 'stripe_cash' };
  if (name === FEE_REVENUE) return { type: 'fee_revenue' };
  if (typeof name !== 'string') return null;
  if (name.startsWith(ESCROW_PREFIX) && isLedgerId(name.slice(ESCROW_PREFIX.length))) return { type: 'escrow', challengeId: name.slice(ESCROW_PREFIX.length) };
  if (name.startsWith(PAYABLE_PREFIX) && isLedgerId(name.slice(PAYABLE_PREFIX.length))) return { type: 'payable', userId: name.slice(PAYABLE_PREFIX.length) };
  return null;
}

/**
 * Liability accounts that must never go above zero: a debit (positive posting) may only take back what was put in.
 * Writers that debit them take a lock on the account and check its balance first.
 */
export function isGuardedAccount(name: string): boolean {
  const parsed = parseAccount(name);
  return parsed?.type === 'escrow' || parsed?.type === 'payable';
}
