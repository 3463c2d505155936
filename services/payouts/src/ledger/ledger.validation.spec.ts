import { MAX_MINOR_UNITS } from '@ideagora/money';
import { escrowAccount, FEE_REVENUE, payableAccount, STRIPE_CASH } from './ledger.accounts';
import { InvalidPostingError, LedgerError, UnbalancedTransactionError } from './ledger.errors';
import { positiveAmount, samePostings, validateLedgerTransaction, type LedgerTransactionInput } from './ledger.validation';

const C = '6f1c1a52-7d0e-4a8b-9c11-2f3e4d5a6b7c';
const U = '0b9e4c1d-1111-4222-8333-944455556666';

const funding = (overrides: Partial<LedgerTransactionInput> = {}): LedgerTransactionInput => ({
  kind: 'funding_succeeded',
  reference: 'funding:f1',
  challengeId: C,
  postings: [
    { account: STRIPE_CASH, currency: 'USD', amountMinor: 1100n },
    { account: escrowAccount(C), currency: 'USD', amountMinor: -1000n },
    { account: FEE_REVENUE, currency: 'USD', amountMinor: -100n },
  ],
  ...overrides,
});

describe('validateLedgerTransaction', () => {
  it('accepts a balanced transaction and normalizes a missing challenge to null', () => {
    expect(validateLedgerTransaction(funding()).challengeId).toBe(C);
    const transfer = validateLedgerTransaction({
      kind: 'x',
      reference: 'r',
      postings: [
        { account: payableAccount(U), currency: 'JPY', amountMinor: 5n },
        { account: STRIPE_CASH, currency: 'JPY', amountMinor: -5n },
      ],
    });
    expect(transfer.challengeId).toBeNull();
  });

  it('refuses an unbalanced transaction with the imbalance per currency', () => {
    const error = (() => {
      try {
        validateLedgerTransaction(funding({ postings: [{ account: STRIPE_CASH, currency: 'USD', amountMinor: 1100n }, { account: escrowAccount(C), currency: 'USD', amountMinor: -1000n }] }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnbalancedTransactionError);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as UnbalancedTransactionError).imbalances).toEqual({ USD: 100n });
  });

  it('balances per currency, not in total', () => {
    expect(() =>
      validateLedgerTransaction({
        kind: 'x',
        reference: 'r',
        postings: [
          { account: STRIPE_CASH, currency: 'USD', amountMinor: 5n },
          { account: FEE_REVENUE, currency: 'EUR', amountMinor: -5n },
        ],
      }),
    ).toThrow(UnbalancedTransactionError);
    // Two currencies, each balanced: fine without a challenge (a challenge has one currency).
    const postings = [
      { account: STRIPE_CASH, currency: 'USD', amountMinor: 5n },
      { account: FEE_REVENUE, currency: 'USD', amountMinor: -5n },
      { account: STRIPE_CASH, currency: 'EUR', amountMinor: 7n },
      { account: FEE_REVENUE, currency: 'EUR', amountMinor: -7n },
    ];
    expect(() => validateLedgerTransaction({ kind: 'x', reference: 'r', postings })).not.toThrow();
    expect(() => validateLedgerTransaction({ kind: 'x', reference: 'r', challengeId: C, postings })).toThrow(InvalidPostingError);
  });

  it.each([
    ['a zero amount', funding({ postings: [{ account: STRIPE_CASH, currency: 'USD', amountMinor: 0n }, { account: FEE_REVENUE, currency: 'USD', amountMinor: 0n }] })],
    ['an unknown currency', funding({ postings: [{ account: STRIPE_CASH, currency: 'XXX', amountMinor: 1n }, { account: FEE_REVENUE, currency: 'XXX', amountMinor: -1n }] })],
    ['a lower-case currency', funding({ postings: [{ account: STRIPE_CASH, currency: 'usd', amountMinor: 1n }, { account: FEE_REVENUE, currency: 'usd', amountMinor: -1n }] })],
    ['a number instead of a bigint', funding({ postings: [{ account: STRIPE_CASH, currency: 'USD', amountMinor: 1 as unknown as bigint }, { account: FEE_REVENUE, currency: 'USD', amountMinor: -1n }] })],
    ['an amount beyond bigint', funding({ postings: [{ account: STRIPE_CASH, currency: 'USD', amountMinor: MAX_MINOR_UNITS + 1n }, { account: FEE_REVENUE, currency: 'USD', amountMinor: -(MAX_MINOR_UNITS + 1n) }] })],
    ['an unknown account', funding({ postings: [{ account: 'cash', currency: 'USD', amountMinor: 1n }, { account: FEE_REVENUE, currency: 'USD', amountMinor: -1n }] })],
    ['a single posting', funding({ postings: [{ account: STRIPE_CASH, currency: 'USD', amountMinor: 1n }] })],
    ['no postings', funding({ postings: [] })],
    ['a bad kind', funding({ kind: 'Funding Succeeded' })],
    ['an empty reference', funding({ reference: '' })],
    ['a non-UUID challenge', funding({ challengeId: 'c1' })],
    ['escrow of another challenge', funding({ challengeId: U })],
    ['escrow without a challenge', funding({ challengeId: undefined })],
  ])('refuses %s', (_name, input) => {
    expect(() => validateLedgerTransaction(input)).toThrow(InvalidPostingError);
  });

  it('accepts amounts beyond 2^53 exactly', () => {
    const big = 2n ** 53n + 1n;
    const input = funding({ postings: [{ account: STRIPE_CASH, currency: 'KWD', amountMinor: big }, { account: escrowAccount(C), currency: 'KWD', amountMinor: -big }] });
    expect(validateLedgerTransaction(input).postings[0]!.amountMinor).toBe(big);
  });
});

describe('positiveAmount and samePostings', () => {
  it('requires a positive bigint', () => {
    expect(positiveAmount(1n, 'a')).toBe(1n);
    expect(positiveAmount(MAX_MINOR_UNITS, 'a')).toBe(MAX_MINOR_UNITS);
    for (const bad of [0n, -1n, MAX_MINOR_UNITS + 1n, 5 as unknown as bigint]) expect(() => positiveAmount(bad, 'a')).toThrow(InvalidPostingError);
  });

  it('compares posting sets regardless of order', () => {
    const a = { account: STRIPE_CASH, currency: 'USD', amountMinor: 5n };
    const b = { account: FEE_REVENUE, currency: 'USD', amountMinor: -5n };
    expect(samePostings([a, b], [b, a])).toBe(true);
    expect(samePostings([a, b], [a, { ...b, amountMinor: -4n }])).toBe(false);
    expect(samePostings([a, b], [a, b, a])).toBe(false);
  });
});
