import { escrowAccount, FEE_REVENUE, isGuardedAccount, parseAccount, payableAccount, STRIPE_CASH } from './ledger.accounts';
import { InvalidPostingError } from './ledger.errors';

const C = '6f1c1a52-7d0e-4a8b-9c11-2f3e4d5a6b7c';
const U = '0b9e4c1d-1111-4222-8333-944455556666';

describe('ledger accounts', () => {
  it('builds and parses the four account kinds', () => {
    expect(escrowAccount(C)).toBe(`escrow:${C}`);
    expect(payableAccount(U)).toBe(`payable:${U}`);
    expect(parseAccount(STRIPE_CASH)).toEqual({ type: 'stripe_cash' });
    expect(parseAccount(FEE_REVENUE)).toEqual({ type: 'fee_revenue' });
    expect(parseAccount(escrowAccount(C))).toEqual({ type: 'escrow', challengeId: C });
    expect(parseAccount(payableAccount(U))).toEqual({ type: 'payable', userId: U });
  });

  it.each(['', 'cash', 'escrow:', 'escrow:abc', `escrow:${C.toUpperCase()}`, `payable:${U} `, `refund:${C}`])('does not know %p', (name) => {
    expect(parseAccount(name)).toBeNull();
  });

  it('refuses ids that are not lower-case UUIDs (one id, one account name)', () => {
    expect(() => escrowAccount(C.toUpperCase())).toThrow(InvalidPostingError);
    expect(() => payableAccount('user-1')).toThrow(InvalidPostingError);
  });

  it('guards the liability accounts only', () => {
    expect(isGuardedAccount(escrowAccount(C))).toBe(true);
    expect(isGuardedAccount(payableAccount(U))).toBe(true);
    expect(isGuardedAccount(STRIPE_CASH)).toBe(false);
    expect(isGuardedAccount(FEE_REVENUE)).toBe(false);
  });
});
