import fc from 'fast-check';
import { decideJudgingDeadline, shareEqually, type AutomaticAward, type JudgingDeadlineFacts } from './judging-deadline.domain';

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [s1, s2, s3, s4, s5, s6] = [1, 2, 3, 4, 5, 6].map(id) as [string, string, string, string, string, string];

function facts(overrides: Partial<JudgingDeadlineFacts> = {}): JudgingDeadlineFacts {
  return {
    guaranteed: true,
    prizes: [
      { rank: 1, amountMinor: 1_000n, quantity: 1, awarded: 0 },
      { rank: 2, amountMinor: 100n, quantity: 3, awarded: 0 },
    ],
    ranking: [],
    shortlist: [],
    submissions: [s1, s2, s3, s4, s5, s6],
    awardedSubmissions: new Set(),
    ...overrides,
  };
}

const places = (awards: AutomaticAward[]) => awards.map((a) => [a.prizeRank, a.submissionId, a.amountMinor, a.kind]);
const moneyOf = (awards: AutomaticAward[]) => awards.reduce((sum, a) => sum + a.amountMinor, 0n);

describe('decideJudgingDeadline', () => {
  it('decides nothing for a challenge that is not guaranteed (what is left is refunded)', () => {
    expect(decideJudgingDeadline(facts({ guaranteed: false, ranking: [s1, s2, s3, s4] }))).toEqual([]);
  });

  it('fills the remaining places prize by prize in rank order with the best-ranked submissions', () => {
    const awards = decideJudgingDeadline(facts({ ranking: [s3, s1, s2, s4, s5] }));
    expect(places(awards)).toEqual([
      [1, s3, 1_000n, 'PLACE'],
      [2, s1, 100n, 'PLACE'],
      [2, s2, 100n, 'PLACE'],
      [2, s4, 100n, 'PLACE'],
    ]);
  });

  it('leaves the sponsor’s awards alone: only places left, only submissions not awarded anything', () => {
    const awards = decideJudgingDeadline(
      facts({
        prizes: [
          { rank: 1, amountMinor: 1_000n, quantity: 1, awarded: 1 },
          { rank: 2, amountMinor: 100n, quantity: 3, awarded: 1 },
        ],
        ranking: [s1, s2, s3, s4],
        awardedSubmissions: new Set([s1, s3]),
      }),
    );
    expect(places(awards)).toEqual([
      [2, s2, 100n, 'PLACE'],
      [2, s4, 100n, 'PLACE'],
    ]);
  });

  it('shares the money of places without a ranked submission among the shortlisted ones not awarded (largest remainder)', () => {
    // Prize 1 goes to s1; prize 2's three places (300) have no ranked submission: 3 shortlisted not awarded share it.
    const awards = decideJudgingDeadline(
      facts({
        prizes: [
          { rank: 1, amountMinor: 1_000n, quantity: 1, awarded: 0 },
          { rank: 2, amountMinor: 101n, quantity: 3, awarded: 0 },
        ],
        ranking: [s1],
        shortlist: [s1, s5, s2, s6],
      }),
    );
    expect(places(awards)).toEqual([
      [1, s1, 1_000n, 'PLACE'],
      [2, s5, 101n, 'SHARE'],
      [2, s2, 101n, 'SHARE'],
      [2, s6, 101n, 'SHARE'],
    ]);
    const uneven = decideJudgingDeadline(facts({ prizes: [{ rank: 1, amountMinor: 1_000n, quantity: 1, awarded: 0 }], shortlist: [s2, s3, s4] }));
    expect(places(uneven)).toEqual([
      [1, s2, 334n, 'SHARE'],
      [1, s3, 333n, 'SHARE'],
      [1, s4, 333n, 'SHARE'],
    ]);
  });

  it('records a share against the prizes whose money it is: one award per (prize, recipient) overlap', () => {
    // 1,000 + 300 = 1,300 among two: 650 each; s2's share is 350 of prize 1 and 300 of prize 2.
    const awards = decideJudgingDeadline(facts({ shortlist: [s1, s2] }));
    expect(places(awards)).toEqual([
      [1, s1, 650n, 'SHARE'],
      [1, s2, 350n, 'SHARE'],
      [2, s2, 300n, 'SHARE'],
    ]);
  });

  it('shares among all the challenge’s submissions not awarded when no shortlisted one is left', () => {
    const awards = decideJudgingDeadline(
      facts({
        prizes: [{ rank: 1, amountMinor: 10n, quantity: 2, awarded: 1 }],
        shortlist: [s1],
        awardedSubmissions: new Set([s1]),
        submissions: [s1, s2, s3],
      }),
    );
    expect(places(awards)).toEqual([
      [1, s2, 5n, 'SHARE'],
      [1, s3, 5n, 'SHARE'],
    ]);
  });

  it('decides nothing without submissions (the pool is refunded), and ignores ids the challenge does not have', () => {
    expect(decideJudgingDeadline(facts({ submissions: [], ranking: [s1], shortlist: [s2] }))).toEqual([]);
    expect(places(decideJudgingDeadline(facts({ prizes: [{ rank: 1, amountMinor: 7n, quantity: 1, awarded: 0 }], submissions: [s2], ranking: [s1, s2] })))).toEqual([
      [1, s2, 7n, 'PLACE'],
    ]);
  });

  it('leaves a community-choice prize to the vote: its places are not filled from the ranking, its money is not shared', () => {
    const awards = decideJudgingDeadline(
      facts({
        prizes: [
          { rank: 1, amountMinor: 1_000n, quantity: 1, awarded: 0 },
          { rank: 2, amountMinor: 100n, quantity: 3, awarded: 0, communityChoice: true },
          { rank: 3, amountMinor: 50n, quantity: 2, awarded: 0 },
        ],
        ranking: [s1, s2],
        shortlist: [s3],
      }),
    );
    // Prize 1 and one place of prize 3 from the ranking; prize 3's other place (50) shared with the shortlist.
    expect(places(awards)).toEqual([
      [1, s1, 1_000n, 'PLACE'],
      [3, s2, 50n, 'PLACE'],
      [3, s3, 50n, 'SHARE'],
    ]);
  });

  it('decides nothing when every place is already awarded', () => {
    const full = facts({
      prizes: [
        { rank: 1, amountMinor: 1_000n, quantity: 1, awarded: 1 },
        { rank: 2, amountMinor: 100n, quantity: 3, awarded: 3 },
      ],
      ranking: [s5, s6],
      shortlist: [s5, s6],
    });
    expect(decideJudgingDeadline(full)).toEqual([]);
  });

  it('gives a share only to recipients with money left to give (fewer minor units than recipients)', () => {
    const awards = decideJudgingDeadline(facts({ prizes: [{ rank: 1, amountMinor: 2n, quantity: 1, awarded: 0 }], shortlist: [s1, s2, s3] }));
    expect(places(awards)).toEqual([
      [1, s1, 1n, 'SHARE'],
      [1, s2, 1n, 'SHARE'],
    ]);
  });

  it('always awards exactly the money of the places left while a submission can receive it, each (prize, submission) once', () => {
    const prizeArb = fc.record({ amountMinor: fc.bigInt({ min: 1n, max: 10_000_000n }), quantity: fc.integer({ min: 1, max: 20 }), awarded: fc.integer({ min: 0, max: 20 }) });
    fc.assert(
      fc.property(
        fc.array(prizeArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 10 }),
        (prizeList, submissionCount, rankedCount, shortlistCount, awardedCount) => {
          const submissions = Array.from({ length: submissionCount }, (_, i) => id(i + 1));
          const prizes = prizeList.map((p, i) => ({ ...p, rank: i + 1, awarded: Math.min(p.awarded, p.quantity) }));
          const input = facts({
            prizes,
            submissions,
            ranking: submissions.slice(0, rankedCount),
            shortlist: submissions.slice(Math.max(0, submissionCount - shortlistCount)),
            awardedSubmissions: new Set(submissions.slice(0, awardedCount)),
          });
          const awards = decideJudgingDeadline(input);
          const left = prizes.reduce((sum, p) => sum + p.amountMinor * BigInt(p.quantity - p.awarded), 0n);
          // All of it, unless no submission was left to receive the rest (every one awarded something): then refunded.
          const served = new Set([...input.awardedSubmissions, ...awards.map((a) => a.submissionId)]);
          if (!submissions.every((s) => served.has(s))) expect(moneyOf(awards)).toBe(left);
          else expect(moneyOf(awards) <= left).toBe(true);
          expect(awards.every((a) => a.amountMinor > 0n)).toBe(true);
          expect(new Set(awards.map((a) => `${a.prizeRank}:${a.submissionId}`)).size).toBe(awards.length);
          expect(awards.some((a) => input.awardedSubmissions.has(a.submissionId))).toBe(false);
          // Each prize gets at most its money left.
          for (const p of prizes) expect(moneyOf(awards.filter((a) => a.prizeRank === p.rank))).toBeLessThanOrEqual(p.amountMinor * BigInt(p.quantity - p.awarded));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('shareEqually', () => {
  it('gives the extra minor units to the first recipients', () => {
    expect(shareEqually(10n, 3)).toEqual([4n, 3n, 3n]);
    expect(shareEqually(2n, 3)).toEqual([1n, 1n, 0n]);
    expect(shareEqually(0n, 2)).toEqual([0n, 0n]);
    expect(() => shareEqually(5n, 0)).toThrow(RangeError);
  });

  it('shares always sum exactly to the money and differ by at most one minor unit (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 1, max: 10_000 }), (total, count) => {
        const shares = shareEqually(total, count);
        expect(shares).toHaveLength(count);
        expect(shares.reduce((sum, s) => sum + s, 0n)).toBe(total);
        const min = shares.reduce((m, s) => (s < m ? s : m));
        const max = shares.reduce((m, s) => (s > m ? s : m));
        expect(max - min <= 1n).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('per recipient, the SHARE awards of the deadline also differ by at most one minor unit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amountMinor: fc.bigInt({ min: 1n, max: 1_000_000n }), quantity: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 30 }),
        (prizeList, shortlistCount) => {
          const shortlist = Array.from({ length: shortlistCount }, (_, i) => id(i + 1));
          const awards = decideJudgingDeadline(facts({ prizes: prizeList.map((p, i) => ({ ...p, rank: i + 1, awarded: 0 })), shortlist, submissions: shortlist }));
          const perRecipient = shortlist.map((s) => moneyOf(awards.filter((a) => a.submissionId === s)));
          const total = prizeList.reduce((sum, p) => sum + p.amountMinor * BigInt(p.quantity), 0n);
          expect(perRecipient.reduce((sum, s) => sum + s, 0n)).toBe(total);
          const min = perRecipient.reduce((m, s) => (s < m ? s : m));
          const max = perRecipient.reduce((m, s) => (s > m ? s : m));
          expect(max - min <= 1n).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
