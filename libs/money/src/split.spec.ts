import fc from 'fast-check';
import { InvalidAmountError, splitByLargestRemainder } from './index';

describe('splitByLargestRemainder', () => {
  it('splits 1,000.01 USD three ways equally as 333.34 + 333.34 + 333.33 (ties to the lower index)', () => {
    expect(splitByLargestRemainder(100001n, [1, 1, 1])).toEqual([33334n, 33334n, 33333n]);
    expect(splitByLargestRemainder(100001n, [1n, 1n, 1n])).toEqual([33334n, 33334n, 33333n]);
  });

  it('divides by the weights given: 3334/3333/3333 basis points is not an equal split (33341, 33330, 33330)', () => {
    // Quotas 33340.3334, 33330.3333, 33330.3333: one unit left, to the largest remainder (the first).
    expect(splitByLargestRemainder(100001n, [3334, 3333, 3333])).toEqual([33341n, 33330n, 33330n]);
  });

  it('splits 50/30/20 with the leftover unit to the largest remainder', () => {
    expect(splitByLargestRemainder(100001n, [5000, 3000, 2000])).toEqual([50001n, 30000n, 20000n]);
    expect(splitByLargestRemainder(100000n, [5000, 3000, 2000])).toEqual([50000n, 30000n, 20000n]);
    // Remainders .9, .7, .4 over 10: two units left, to the first two.
    expect(splitByLargestRemainder(10n, [3, 3, 3])).toEqual([4n, 3n, 3n]);
  });

  it('splits 0-decimal (JPY) and 3-decimal (KWD) amounts in their minor units', () => {
    expect(splitByLargestRemainder(100000n, [1, 1, 1])).toEqual([33334n, 33333n, 33333n]); // ¥100,000
    expect(splitByLargestRemainder(1000001n, [1, 1, 1])).toEqual([333334n, 333334n, 333333n]); // KWD 1,000.001
    expect(splitByLargestRemainder(7n, [5000, 3000, 2000])).toEqual([4n, 2n, 1n]); // ¥7: 3.5, 2.1, 1.4
  });

  it('gives a zero weight nothing, even when units are left over', () => {
    expect(splitByLargestRemainder(100001n, [1, 0, 1])).toEqual([50001n, 0n, 50000n]);
    expect(splitByLargestRemainder(5n, [0, 10000])).toEqual([0n, 5n]);
  });

  it('is exact beyond 2^53', () => {
    const amount = 2n ** 62n + 1n;
    const parts = splitByLargestRemainder(amount, [1, 1]);
    expect(parts).toEqual([2n ** 61n + 1n, 2n ** 61n]);
  });

  it('refuses negative amounts, negative or fractional weights, and weights summing to zero', () => {
    expect(() => splitByLargestRemainder(-1n, [1])).toThrow(InvalidAmountError);
    expect(() => splitByLargestRemainder(1n, [1, -1, 1])).toThrow(InvalidAmountError);
    expect(() => splitByLargestRemainder(1n, [0.5, 1])).toThrow(InvalidAmountError);
    expect(() => splitByLargestRemainder(1n, [0, 0])).toThrow(InvalidAmountError);
    expect(() => splitByLargestRemainder(1n, [])).toThrow(InvalidAmountError);
  });

  describe('properties', () => {
    const amounts = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n });
    const weightLists = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0));

    it('parts sum to the amount, none is negative, each is within one unit of its exact quota, zero weights get 0', () => {
      fc.assert(
        fc.property(amounts, weightLists, (amount, weights) => {
          const parts = splitByLargestRemainder(amount, weights);
          const total = BigInt(weights.reduce((s, w) => s + w, 0));
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((s, p) => s + p, 0n)).toBe(amount);
          parts.forEach((part, i) => {
            expect(part >= 0n).toBe(true);
            // |part − amount×w/Σw| < 1  ⇔  |part×Σw − amount×w| < Σw
            const gap = part * total - amount * BigInt(weights[i]!);
            expect(gap < total && -gap < total).toBe(true);
            if (weights[i] === 0) expect(part).toBe(0n);
          });
        }),
        { numRuns: 500 },
      );
    });

    it('permuting the weights permutes the parts when remainders differ; a tie moves one unit at most', () => {
      fc.assert(
        fc.property(amounts, weightLists, (amount, weights) => {
          const parts = splitByLargestRemainder(amount, weights);
          const reversed = splitByLargestRemainder(amount, [...weights].reverse()).reverse();
          const total = BigInt(weights.reduce((s, w) => s + w, 0));
          const remainders = weights.map((w) => (amount * BigInt(w)) % total);
          if (new Set(remainders.map(String)).size === remainders.length) expect(reversed).toEqual(parts);
          reversed.forEach((part, i) => expect(part - parts[i]! <= 1n && parts[i]! - part <= 1n).toBe(true));
        }),
        { numRuns: 500 },
      );
      // The tie that decides: 2 units by 1:3 (quotas 0.5 and 1.5), the unit left goes to whichever comes first.
      expect(splitByLargestRemainder(2n, [1, 3])).toEqual([1n, 1n]);
      expect(splitByLargestRemainder(2n, [3, 1])).toEqual([2n, 0n]);
    });

    it('among equal weights, the earlier one never gets less', () => {
      fc.assert(
        fc.property(amounts, fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 20 }), (amount, weight, n) => {
          const parts = splitByLargestRemainder(amount, Array.from({ length: n }, () => weight));
          for (let i = 1; i < n; i++) expect(parts[i - 1]! >= parts[i]!).toBe(true);
          expect(parts[0]! - parts[n - 1]! <= 1n).toBe(true);
        }),
      );
    });
  });
});
