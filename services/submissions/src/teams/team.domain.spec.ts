import { BadUserInputError, FailedPreconditionError } from '@ideagora/subgraph-kit';
import {
  agree,
  canTransition,
  equalBasisPoints,
  InvalidSplitTransitionError,
  join,
  largestRemainder,
  leave,
  nextSplitStatus,
  parseProposedShares,
  propose,
  splitWeights,
  SplitStatus as S,
  type Split,
  type SplitAction,
} from './team.domain';

const ALL = Object.values(S);
const now = new Date('2030-01-01T00:00:00Z');
const later = new Date('2030-01-02T00:00:00Z');

function split(status: S, shares: [string, number, Date | null][], options: { version?: number; equal?: boolean } = {}): Split {
  return { version: options.version ?? 3, status, equal: options.equal ?? false, shares: shares.map(([userId, basisPoints, agreedAt]) => ({ userId, basisPoints, agreedAt })) };
}

describe('split state machine', () => {
  const allowed: Record<Exclude<SplitAction, 'create'>, [S, S][]> = {
    propose: [
      [S.PROPOSED, S.PROPOSED],
      [S.AGREED, S.PROPOSED],
    ],
    join: [
      [S.PROPOSED, S.PROPOSED],
      [S.AGREED, S.PROPOSED],
    ],
    agree: [[S.PROPOSED, S.PROPOSED]],
    completeAgreement: [[S.PROPOSED, S.AGREED]],
    leave: [
      [S.PROPOSED, S.PROPOSED],
      [S.AGREED, S.AGREED],
    ],
  };

  it.each(Object.entries(allowed) as [Exclude<SplitAction, 'create'>, [S, S][]][])('%s: only the listed transitions', (action, pairs) => {
    for (const status of ALL) {
      const pair = pairs.find(([from]) => from === status);
      if (pair) {
        expect(canTransition(status, action)).toBe(true);
        expect(nextSplitStatus(status, action)).toBe(pair[1]);
      } else {
        expect(canTransition(status, action)).toBe(false);
        expect(() => nextSplitStatus(status, action)).toThrow(InvalidSplitTransitionError);
      }
    }
  });

  it('starts AGREED (the creator holds 10,000) and create is no transition from a status', () => {
    for (const status of ALL) expect(canTransition(status, 'create')).toBe(false);
    expect(nextSplitStatus(S.PROPOSED, 'create')).toBe(S.AGREED);
  });

  it('reports an invalid transition as FAILED_PRECONDITION', () => {
    expect(() => nextSplitStatus(S.AGREED, 'agree')).toThrow(FailedPreconditionError);
  });
});

describe('largest remainder', () => {
  it('divides 1,000.01 USD in thirds as 333.34 + 333.34 + 333.33 (ties to the earlier)', () => {
    expect(largestRemainder(100_001n, [1n, 1n, 1n])).toEqual([33_334n, 33_334n, 33_333n]);
  });

  it('gives the units left to the largest remainders first', () => {
    // 10 by 1:2:2 = 2 + 4 + 4; 11 by 5:3:2 = 5.5, 3.3, 2.2 -> 6, 3, 2
    expect(largestRemainder(10n, [1n, 2n, 2n])).toEqual([2n, 4n, 4n]);
    expect(largestRemainder(11n, [5n, 3n, 2n])).toEqual([6n, 3n, 2n]);
  });

  it('always sums to the total, no part negative, a weight 0 gets 0', () => {
    for (let seed = 1; seed < 300; seed += 1) {
      const weights = Array.from({ length: (seed % 7) + 1 }, (_, i) => BigInt((seed * (i + 3) * 7919) % 10_001));
      if (weights.every((w) => w === 0n)) continue;
      const total = BigInt((seed * 104_729) % 10_000_007);
      const parts = largestRemainder(total, weights);
      expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
      parts.forEach((part, i) => {
        expect(part >= 0n).toBe(true);
        if (weights[i] === 0n) expect(part).toBe(0n);
      });
    }
  });

  it('refuses nothing to divide by', () => {
    expect(largestRemainder(0n, [0n, 0n])).toEqual([0n, 0n]);
    expect(() => largestRemainder(5n, [0n, 0n])).toThrow(RangeError);
    expect(() => largestRemainder(-1n, [1n])).toThrow(RangeError);
  });

  it('gives equal basis points in join order', () => {
    expect(equalBasisPoints(1)).toEqual([10_000]);
    expect(equalBasisPoints(3)).toEqual([3334, 3333, 3333]);
    expect(equalBasisPoints(7).reduce((a, b) => a + b, 0)).toBe(10_000);
  });
});

describe('proposed shares', () => {
  const members = ['a', 'b', 'c'];
  const field = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      return (error as BadUserInputError).field;
    }
    throw new Error('expected BAD_USER_INPUT');
  };

  it('returns the shares in join order', () => {
    expect(parseProposedShares(members, [{ userId: 'c', basisPoints: 2000 }, { userId: 'A', basisPoints: 5000 }, { userId: 'b', basisPoints: 3000 }])).toEqual([
      { userId: 'a', basisPoints: 5000 },
      { userId: 'b', basisPoints: 3000 },
      { userId: 'c', basisPoints: 2000 },
    ]);
  });

  it('refuses a sum other than 10,000, a member missing or twice, an outsider, a fraction or a negative (field "shares")', () => {
    const cases = [
      [{ userId: 'a', basisPoints: 5000 }, { userId: 'b', basisPoints: 3000 }, { userId: 'c', basisPoints: 1000 }],
      [{ userId: 'a', basisPoints: 5000 }, { userId: 'b', basisPoints: 5000 }],
      [{ userId: 'a', basisPoints: 5000 }, { userId: 'a', basisPoints: 3000 }, { userId: 'c', basisPoints: 2000 }],
      [{ userId: 'a', basisPoints: 5000 }, { userId: 'b', basisPoints: 3000 }, { userId: 'z', basisPoints: 2000 }],
      [{ userId: 'a', basisPoints: 5000.5 }, { userId: 'b', basisPoints: 2999.5 }, { userId: 'c', basisPoints: 2000 }],
      [{ userId: 'a', basisPoints: 12000 }, { userId: 'b', basisPoints: -2000 }, { userId: 'c', basisPoints: 0 }],
    ];
    for (const shares of cases) expect(field(() => parseProposedShares(members, shares))).toBe('shares');
  });
});

describe('split changes', () => {
  it('propose: a new PROPOSED version, only the proposer agreed', () => {
    const agreed = split(S.AGREED, [['a', 10_000, now], ['b', 0, now]]);
    const proposed = propose(agreed, 'b', [{ userId: 'a', basisPoints: 6000 }, { userId: 'b', basisPoints: 4000 }], false, later);
    expect(proposed).toEqual(split(S.PROPOSED, [['a', 6000, null], ['b', 4000, later]], { version: 4 }));
  });

  it('propose by the only member is AGREED at once', () => {
    expect(propose(split(S.AGREED, [['a', 10_000, now]]), 'a', [{ userId: 'a', basisPoints: 10_000 }], true, later)).toEqual(
      split(S.AGREED, [['a', 10_000, later]], { version: 4, equal: true }),
    );
  });

  it('join: the newcomer holds 0, every agreement cleared, PROPOSED, no longer equal', () => {
    expect(join(split(S.AGREED, [['a', 10_000, now]], { equal: true }), 'b')).toEqual(split(S.PROPOSED, [['a', 10_000, null], ['b', 0, null]], { version: 4 }));
  });

  it('agree: PROPOSED until the last member, then AGREED; again changes nothing', () => {
    const proposed = split(S.PROPOSED, [['a', 5000, now], ['b', 3000, null], ['c', 2000, null]]);
    const one = agree(proposed, 'b', later);
    expect(one.status).toBe(S.PROPOSED);
    expect(agree(one, 'b', later)).toBe(one);
    const all = agree(one, 'c', later);
    expect(all).toEqual(split(S.AGREED, [['a', 5000, now], ['b', 3000, later], ['c', 2000, later]]));
    expect(agree(all, 'a', later)).toBe(all);
  });

  it('leave: the share goes to the others pro rata, nobody loses, AGREED stays AGREED', () => {
    const agreed = split(S.AGREED, [['a', 5000, now], ['b', 3000, now], ['c', 2000, now]]);
    expect(leave(agreed, 'a')).toEqual(split(S.AGREED, [['b', 6000, now], ['c', 4000, now]], { version: 4 }));
  });

  it('leave: with everyone else at 0, the share is divided equally', () => {
    expect(leave(split(S.AGREED, [['a', 10_000, now], ['b', 0, now], ['c', 0, now]]), 'a').shares.map((s) => s.basisPoints)).toEqual([5000, 5000]);
  });

  it('leave: an equal split stays equal over the members left', () => {
    const equal = split(S.AGREED, [['a', 3334, now], ['b', 3333, now], ['c', 3333, now]], { equal: true });
    expect(leave(equal, 'c')).toEqual(split(S.AGREED, [['a', 5000, now], ['b', 5000, now]], { version: 4, equal: true }));
  });

  it('leave: a PROPOSED split stays PROPOSED, or becomes AGREED when the leaver was the only one missing', () => {
    const waiting = split(S.PROPOSED, [['a', 5000, now], ['b', 3000, null], ['c', 2000, null]]);
    expect(leave(waiting, 'c').status).toBe(S.PROPOSED);
    const onlyC = split(S.PROPOSED, [['a', 5000, now], ['b', 3000, now], ['c', 2000, null]]);
    expect(leave(onlyC, 'c')).toEqual(split(S.AGREED, [['a', 6250, now], ['b', 3750, now]], { version: 4 }));
  });

  it('leave: never decreases a share (random splits)', () => {
    for (let seed = 1; seed < 200; seed += 1) {
      const n = (seed % 6) + 2;
      const raw = Array.from({ length: n }, (_, i) => (seed * (i + 11) * 7919) % 5000);
      const points = largestRemainder(10_000n, raw.some((r) => r > 0) ? raw.map(BigInt) : raw.map(() => 1n)).map(Number);
      const before = split(S.AGREED, points.map((p, i) => [`u${i}`, p, now] as [string, number, Date]));
      const after = leave(before, `u${seed % n}`);
      expect(after.shares.reduce((a, s) => a + s.basisPoints, 0)).toBe(10_000);
      for (const share of after.shares) expect(share.basisPoints).toBeGreaterThanOrEqual(before.shares.find((s) => s.userId === share.userId)!.basisPoints);
    }
  });

  it('leave: the last member or an outsider cannot', () => {
    expect(() => leave(split(S.AGREED, [['a', 10_000, now]]), 'a')).toThrow(RangeError);
    expect(() => leave(split(S.AGREED, [['a', 10_000, now]]), 'z')).toThrow(RangeError);
  });

  it('weights: 1 each for an equal split, the basis points otherwise', () => {
    expect(splitWeights(split(S.AGREED, [['a', 3334, now], ['b', 3333, now], ['c', 3333, now]], { equal: true })).map((s) => s.weight)).toEqual([1, 1, 1]);
    expect(splitWeights(split(S.AGREED, [['a', 7000, now], ['b', 3000, now], ['c', 0, now]])).map((s) => s.weight)).toEqual([7000, 3000, 0]);
  });
});
