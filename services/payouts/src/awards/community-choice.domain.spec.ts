import fc from 'fast-check';
import { decideCommunityChoice, type CommunityChoiceFacts } from './community-choice.domain';
import type { AutomaticAward } from './judging-deadline.domain';

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [s1, s2, s3, s4, s5] = [1, 2, 3, 4, 5].map(id) as [string, string, string, string, string];

function facts(overrides: Partial<CommunityChoiceFacts> = {}): CommunityChoiceFacts {
  return {
    guaranteed: false,
    prizes: [
      { rank: 1, amountMinor: 1_000n, quantity: 1, awarded: 0 },
      { rank: 2, amountMinor: 300n, quantity: 1, awarded: 0, communityChoice: true },
      { rank: 3, amountMinor: 100n, quantity: 2, awarded: 0, communityChoice: true },
    ],
    ranking: [],
    submissions: [s1, s2, s3, s4, s5],
    communityAwarded: new Set(),
    ...overrides,
  };
}

const votes = (...entries: [string, number][]) => entries.map(([submissionId, voteCount]) => ({ submissionId, voteCount }));
const places = (awards: AutomaticAward[]) => awards.map((a) => [a.prizeRank, a.submissionId, a.amountMinor, a.kind]);
const moneyOf = (awards: readonly AutomaticAward[]) => awards.reduce((sum, a) => sum + a.amountMinor, 0n);

describe('decideCommunityChoice', () => {
  it('gives the community-choice prizes, prize by prize in rank order, to the ranking in its order; the judges’ prize is untouched', () => {
    const awards = decideCommunityChoice(facts({ ranking: votes([s4, 9], [s2, 7], [s1, 7], [s5, 1]) }));
    expect(places(awards)).toEqual([
      [2, s4, 300n, 'PLACE'],
      [3, s2, 100n, 'PLACE'],
      [3, s1, 100n, 'PLACE'],
    ]);
  });

  it('passes over submissions without a vote and those already holding a community-choice award; unfilled places are refunded', () => {
    const awards = decideCommunityChoice(
      facts({
        prizes: [
          { rank: 2, amountMinor: 300n, quantity: 1, awarded: 1, communityChoice: true },
          { rank: 3, amountMinor: 100n, quantity: 2, awarded: 0, communityChoice: true },
        ],
        ranking: votes([s4, 5], [s2, 3], [s1, 0], [s3, 0]),
        communityAwarded: new Set([s4]),
      }),
    );
    expect(places(awards)).toEqual([[3, s2, 100n, 'PLACE']]);
  });

  it('decides nothing without community-choice prizes, or without votes on a challenge that is not guaranteed', () => {
    expect(decideCommunityChoice(facts({ prizes: [{ rank: 1, amountMinor: 1_000n, quantity: 1, awarded: 0 }], ranking: votes([s1, 4]) }))).toEqual([]);
    expect(decideCommunityChoice(facts({ ranking: votes([s1, 0], [s2, 0]) }))).toEqual([]);
  });

  it('on a guaranteed challenge, shares the money of places without a voted submission among those not holding a community-choice award', () => {
    // Prize 2 to s1; prize 3's two places (200) among s2..s5 (s1 holds prize 2): 50 each.
    const awards = decideCommunityChoice(facts({ guaranteed: true, ranking: votes([s1, 2]) }));
    expect(places(awards)).toEqual([
      [2, s1, 300n, 'PLACE'],
      [3, s2, 50n, 'SHARE'],
      [3, s3, 50n, 'SHARE'],
      [3, s4, 50n, 'SHARE'],
      [3, s5, 50n, 'SHARE'],
    ]);
  });

  it('ignores ranked ids the challenge does not have', () => {
    const stranger = id(99);
    expect(places(decideCommunityChoice(facts({ ranking: votes([stranger, 8], [s3, 2]) })))).toEqual([[2, s3, 300n, 'PLACE']]);
  });

  it('never gives more than the community-choice places and their money; each submission at most one place; only voted ones (property)', () => {
    const prizeArb = fc.record({
      amountMinor: fc.bigInt({ min: 1n, max: 1_000_000n }),
      quantity: fc.integer({ min: 1, max: 6 }),
      awarded: fc.integer({ min: 0, max: 6 }),
      communityChoice: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(prizeArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 25 }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        (prizeList, submissionCount, voteCounts, heldCount, guaranteed) => {
          const submissions = Array.from({ length: submissionCount }, (_, i) => id(i + 1));
          const prizes = prizeList.map((p, i) => ({ ...p, rank: i + 1, awarded: Math.min(p.awarded, p.quantity) }));
          // The ranking names known submissions and, past them, strangers (ids beyond the challenge's).
          const ranking = voteCounts.map((voteCount, i) => ({ submissionId: id(i + 1), voteCount })).sort((a, b) => b.voteCount - a.voteCount);
          const communityAwarded = new Set(submissions.slice(0, heldCount));
          const input = facts({ guaranteed, prizes, ranking, submissions, communityAwarded });
          const awards = decideCommunityChoice(input);

          const byVote = prizes.filter((p) => p.communityChoice);
          const ranks = new Set(byVote.map((p) => p.rank));
          expect(awards.every((a) => ranks.has(a.prizeRank) && a.amountMinor > 0n)).toBe(true);
          expect(awards.some((a) => communityAwarded.has(a.submissionId) || !submissions.includes(a.submissionId))).toBe(false);
          expect(new Set(awards.map((a) => `${a.prizeRank}:${a.submissionId}`)).size).toBe(awards.length);
          const placeAwards = awards.filter((a) => a.kind === 'PLACE');
          // A place goes to a voted submission, each one place at most.
          const voted = new Set(ranking.filter((r) => r.voteCount > 0).map((r) => r.submissionId));
          expect(placeAwards.every((a) => voted.has(a.submissionId))).toBe(true);
          expect(new Set(placeAwards.map((a) => a.submissionId)).size).toBe(placeAwards.length);
          for (const p of byVote) {
            const left = p.amountMinor * BigInt(p.quantity - p.awarded);
            expect(placeAwards.filter((a) => a.prizeRank === p.rank).length).toBeLessThanOrEqual(p.quantity - p.awarded);
            expect(moneyOf(awards.filter((a) => a.prizeRank === p.rank))).toBeLessThanOrEqual(left);
          }
          if (!guaranteed) expect(awards.every((a) => a.kind === 'PLACE')).toBe(true);
          // Guaranteed, with someone left to receive it: all the community-choice money left is awarded.
          const served = new Set([...communityAwarded, ...awards.map((a) => a.submissionId)]);
          const left = byVote.reduce((sum, p) => sum + p.amountMinor * BigInt(p.quantity - p.awarded), 0n);
          if (guaranteed && !submissions.every((s) => served.has(s))) expect(moneyOf(awards)).toBe(left);
        },
      ),
      { numRuns: 500 },
    );
  });
});
