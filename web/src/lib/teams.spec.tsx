import { basisPointsToPercent, percentToBasisPoints, prizeParts, splitByLargestRemainder, splitStatusText, teamSubmitBlocker, validateShares, viewerMustAgree } from './teams';

describe('splitByLargestRemainder (copy of libs/money)', () => {
  it('gives the units left over to the largest remainders, ties to the earlier part', () => {
    expect(splitByLargestRemainder(100001n, [1, 1, 1])).toEqual([33334n, 33334n, 33333n]);
    expect(splitByLargestRemainder(100001n, [3334, 3333, 3333])).toEqual([33341n, 33330n, 33330n]);
    expect(splitByLargestRemainder(100n, [5000, 3000, 2000])).toEqual([50n, 30n, 20n]);
    expect(splitByLargestRemainder(7n, [0, 1])).toEqual([0n, 7n]);
  });

  it('always sums to the amount, each part within one unit of its quota', () => {
    for (const amount of [0n, 1n, 99n, 125050n, 999_999_999n]) {
      for (const weights of [[1], [1, 2], [3334, 3333, 3333], [1, 1, 1, 1, 1, 1, 1], [9999, 1]]) {
        const parts = splitByLargestRemainder(amount, weights);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
        const total = weights.reduce((a, b) => a + b, 0);
        parts.forEach((part, i) => {
          const quota = (Number(amount) * weights[i]!) / total;
          expect(Math.abs(Number(part) - quota)).toBeLessThan(1);
        });
      }
    }
  });

  it('refuses a negative amount and all-zero weights', () => {
    expect(() => splitByLargestRemainder(-1n, [1])).toThrow();
    expect(() => splitByLargestRemainder(1n, [0, 0])).toThrow();
  });
});

describe('prizeParts', () => {
  it('divides a prize by the basis points, or equally for an equal split', () => {
    expect(prizeParts('125050', [5000, 3000, 2000])).toEqual(['62525', '37515', '25010']);
    expect(prizeParts('100001', [3334, 3333, 3333], true)).toEqual(['33334', '33334', '33333']);
    expect(prizeParts('100001', [3334, 3333, 3333], false)).toEqual(['33341', '33330', '33330']);
    expect(prizeParts('100', [0, 0])).toEqual(['0', '0']);
  });
});

describe('percentages and basis points', () => {
  it('reads what people type, with 2 decimals at most', () => {
    expect(percentToBasisPoints('33.34')).toEqual({ ok: true, basisPoints: 3334 });
    expect(percentToBasisPoints('50')).toEqual({ ok: true, basisPoints: 5000 });
    expect(percentToBasisPoints(' 12,5 % ')).toEqual({ ok: true, basisPoints: 1250 });
    expect(percentToBasisPoints('0')).toEqual({ ok: true, basisPoints: 0 });
    expect(percentToBasisPoints('100')).toEqual({ ok: true, basisPoints: 10000 });
    expect(percentToBasisPoints('33.333')).toEqual({ ok: false, error: 'At most 2 decimal places' });
    expect(percentToBasisPoints('100.01')).toEqual({ ok: false, error: 'A share is at most 100%' });
    expect(percentToBasisPoints('-5').ok).toBe(false);
    expect(percentToBasisPoints('').ok).toBe(false);
  });

  it('writes basis points as a percentage', () => {
    expect(basisPointsToPercent(3334)).toBe('33.34');
    expect(basisPointsToPercent(5000)).toBe('50');
    expect(basisPointsToPercent(1250)).toBe('12.5');
    expect(basisPointsToPercent(5)).toBe('0.05');
  });

  it('checks that a proposal adds up to 100%', () => {
    expect(validateShares({ a: '50', b: '30', c: '20' })).toEqual({ errors: {}, shares: [{ userId: 'a', basisPoints: 5000 }, { userId: 'b', basisPoints: 3000 }, { userId: 'c', basisPoints: 2000 }] });
    expect(validateShares({ a: '50', b: '30', c: '19.99' }).errors).toEqual({ shares: 'The shares add up to 99.99%: they must add up to 100%.' });
    expect(validateShares({ a: 'x', b: '100' }).errors).toEqual({ 'share-a': 'Enter a share in percent, from 0 to 100, like 33.34' });
  });
});

describe('split status in words', () => {
  const split = (status: string, agreed: boolean[]) => ({ status, shares: agreed.map((a, i) => ({ user: { id: `u${i}` }, agreedAt: a ? '2026-12-06T00:00:00Z' : null })) });

  it('counts the members still to agree', () => {
    expect(splitStatusText(split('PROPOSED', [true, false, false]))).toBe('Waiting for 2 members to agree.');
    expect(splitStatusText(split('PROPOSED', [true, true, false]))).toBe('Waiting for 1 member to agree.');
    expect(splitStatusText(split('AGREED', [true, true, true]))).toBe('Agreed by every member: this split is in force.');
  });

  it('says whether the viewer must agree, and why the team cannot submit', () => {
    expect(viewerMustAgree(split('PROPOSED', [true, false]), 'u1')).toBe(true);
    expect(viewerMustAgree(split('PROPOSED', [true, false]), 'u0')).toBe(false);
    expect(teamSubmitBlocker(split('AGREED', [true]))).toBeNull();
    expect(teamSubmitBlocker(split('PROPOSED', [true, false]))).toBe('Your team can submit once every member has agreed to the prize split. Waiting for 1 member to agree.');
  });
});
