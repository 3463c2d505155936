import {
  assertScorable,
  DEFAULT_RUBRIC,
  formatHundredths,
  formatTenths,
  formatThousandths,
  kendallsW,
  meanHundredthsOfTenths,
  meanThousandths,
  midRanks,
  parseScoreCard,
  parseScoreTenths,
  partsOf,
  prizePlacesOf,
  roundAgreement,
  rubricOrDefault,
} from './judging.domain';

const RUBRIC = [
  { key: 'impact', label: 'Impact', weightPercent: 50 },
  { key: 'feasibility', label: 'Feasibility', weightPercent: 30 },
  { key: 'novelty', label: 'Novelty', weightPercent: 20 },
];

function badInput(fn: () => unknown): { code?: unknown; field?: unknown } {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code?: string }).code, field: (error as { field?: string }).field };
  }
  throw new Error('expected an error');
}

describe('score values', () => {
  it('parses 0..10 with at most one decimal into tenths', () => {
    expect(['0', '7', '7.5', '10', '10.0', '0.1', '9.9'].map(parseScoreTenths)).toEqual([0, 70, 75, 100, 100, 1, 99]);
  });

  it('refuses anything else', () => {
    for (const value of ['', '-1', '10.1', '11', '7.25', '07', '7.', '.5', ' 7', '7,5', 'NaN', '1e1']) expect(parseScoreTenths(value)).toBeNull();
  });

  it('formats tenths, hundredths and thousandths without trailing zeros', () => {
    expect([75, 70, 0, 100].map(formatTenths)).toEqual(['7.5', '7', '0', '10']);
    expect([725, 700, 5].map(formatHundredths)).toEqual(['7.25', '7', '0.05']);
    expect([7250, 7000, 2475, 10, 0, 10000].map(formatThousandths)).toEqual(['7.25', '7', '2.475', '0.01', '0', '10']);
  });
});

describe('parseScoreCard', () => {
  it('computes the exact weighted total in thousandths, scores in rubric order', () => {
    const card = parseScoreCard(RUBRIC, [
      { criterionKey: 'novelty', value: '9' },
      { criterionKey: 'impact', value: '7.5' },
      { criterionKey: 'feasibility', value: '3.3' },
    ], '  Solid work.  ');
    // 75 x 50 + 33 x 30 + 90 x 20 = 3750 + 990 + 1800 = 6540 thousandths = 6.54
    expect(card).toEqual({ scores: { impact: 75, feasibility: 33, novelty: 90 }, weightedTotal: 6540, comment: 'Solid work.' });
    expect(Object.keys(card.scores)).toEqual(['impact', 'feasibility', 'novelty']);
    expect(formatThousandths(card.weightedTotal)).toBe('6.54');
  });

  it('uses the default rubric when none is set', () => {
    expect(rubricOrDefault(null)).toBe(DEFAULT_RUBRIC);
    expect(rubricOrDefault([])).toBe(DEFAULT_RUBRIC);
    expect(parseScoreCard(DEFAULT_RUBRIC, [{ criterionKey: 'overall', value: '8.5' }], null)).toEqual({ scores: { overall: 85 }, weightedTotal: 8500, comment: null });
  });

  it('refuses a missing, repeated or unknown criterion and a bad value (BAD_USER_INPUT scores)', () => {
    const ok = [
      { criterionKey: 'impact', value: '1' },
      { criterionKey: 'feasibility', value: '2' },
      { criterionKey: 'novelty', value: '3' },
    ];
    for (const scores of [ok.slice(1), [...ok, ok[0]], [...ok, { criterionKey: 'style', value: '5' }], [ok[0], ok[1], { criterionKey: 'novelty', value: '10.5' }], []]) {
      expect(badInput(() => parseScoreCard(RUBRIC, scores, null))).toEqual({ code: 'BAD_USER_INPUT', field: 'scores' });
    }
  });

  it('keeps an empty comment as none and refuses more than 2,000 characters (BAD_USER_INPUT comment)', () => {
    const scores = [{ criterionKey: 'overall', value: '5' }];
    expect(parseScoreCard(DEFAULT_RUBRIC, scores, '   ').comment).toBeNull();
    expect(parseScoreCard(DEFAULT_RUBRIC, scores, 'x'.repeat(2000)).comment).toHaveLength(2000);
    expect(badInput(() => parseScoreCard(DEFAULT_RUBRIC, scores, 'x'.repeat(2001)))).toEqual({ code: 'BAD_USER_INPUT', field: 'comment' });
  });
});

describe('means', () => {
  it('rounds a mean of weighted totals half up to thousandths', () => {
    expect(meanThousandths(7000 + 8001, 2)).toBe(7501); // 7500.5 -> 7501
    expect(meanThousandths(7000 + 8000 + 8000, 3)).toBe(7667); // 7666.67 -> 7667
    expect(meanThousandths(1 + 0 + 0, 3)).toBe(0); // 0.33 -> 0
    expect(meanThousandths(6540, 1)).toBe(6540);
  });

  it('rounds a criterion mean half up to hundredths', () => {
    expect(meanHundredthsOfTenths(75 + 80, 2)).toBe(775); // 7.75
    expect(meanHundredthsOfTenths(70 + 70 + 71, 3)).toBe(703); // 7.0333 -> 7.03
    expect(meanHundredthsOfTenths(1 + 0 + 0 + 0 + 0 + 0 + 0 + 0, 8)).toBe(1); // 0.0125 -> 0.01
    expect(meanHundredthsOfTenths(1, 8 * 2)).toBe(1); // 0.00625 -> 0.01 (half up)
    expect(formatHundredths(meanHundredthsOfTenths(70 + 70 + 71, 3))).toBe('7.03');
  });
});

describe("Kendall's W", () => {
  it('gives mid-ranks to ties (highest value first) and the tie term sum(t^3 - t)', () => {
    expect(midRanks([8, 8, 4, 2])).toEqual({ ranks: [1.5, 1.5, 3, 4], tieTerm: 6 });
    expect(midRanks([5, 5, 5])).toEqual({ ranks: [2, 2, 2], tieTerm: 24 });
    expect(midRanks([1, 3, 2])).toEqual({ ranks: [3, 1, 2], tieTerm: 0 });
  });

  it('matches a hand-computed example with a tie', () => {
    // 3 judges, 4 submissions. Ranks: A [1, 2, 3, 4]; B [1.5, 1.5, 3, 4] (T = 2^3 - 2 = 6); C [2, 1, 3, 4].
    // Rank sums [4.5, 4.5, 9, 12], mean m(n+1)/2 = 7.5, S = 9 + 9 + 2.25 + 20.25 = 40.5.
    // W = 12 S / (m^2 (n^3 - n) - m sum T) = 486 / (9 x 60 - 3 x 6) = 486 / 522 = 0.93103...
    const w = kendallsW([
      [9, 7, 5, 3],
      [8, 8, 4, 2],
      [6, 9, 5, 1],
    ]);
    expect(w).toBeCloseTo(486 / 522, 12);
    expect(roundAgreement(w as number)).toBe(0.931);
  });

  it('is 1 for identical rankings and 0 for opposite ones of 2 judges', () => {
    expect(kendallsW([[1, 2, 3], [10, 20, 30]])).toBe(1);
    expect(kendallsW([[1, 2, 3], [3, 2, 1]])).toBe(0);
  });

  it('is null below 2 judges or 2 submissions, or when every judge tied everything', () => {
    expect(kendallsW([[1, 2, 3]])).toBeNull();
    expect(kendallsW([[1], [2]])).toBeNull();
    expect(kendallsW([])).toBeNull();
    expect(kendallsW([[5, 5], [7, 7]])).toBeNull();
  });
});

describe('scoring rules', () => {
  const open = { status: 'JUDGING', judgingClosed: false, round: 1, finalistIds: [] as string[] };
  const code = (fn: () => void) => {
    try {
      fn();
      return 'OK';
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it('allows JUDGING, round 1 any submission, round 2 finalists only', () => {
    expect(code(() => assertScorable(open, 's1'))).toBe('OK');
    expect(code(() => assertScorable({ ...open, round: 2, finalistIds: ['s1'] }, 's1'))).toBe('OK');
    expect(code(() => assertScorable({ ...open, round: 2, finalistIds: ['s1'] }, 's2'))).toBe('FAILED_PRECONDITION');
  });

  it('refuses every other status and a closed judging (FAILED_PRECONDITION)', () => {
    for (const status of ['DRAFT', 'OPEN', 'AWARDED', 'CLOSED', 'CANCELLING', 'CANCELLED']) expect(code(() => assertScorable({ ...open, status }, 's1'))).toBe('FAILED_PRECONDITION');
    expect(code(() => assertScorable({ ...open, judgingClosed: true }, 's1'))).toBe('FAILED_PRECONDITION');
  });
});

describe('events helpers', () => {
  it('counts prize places (quantity, 1 when absent)', () => {
    expect(prizePlacesOf([{ quantity: 3 }, {}, { quantity: 10 }])).toBe(14);
    expect(prizePlacesOf(undefined)).toBe(0);
  });

  it('splits into parts of at most n', () => {
    expect(partsOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(partsOf(Array.from({ length: 2001 }, (_, i) => i), 1000).map((p) => p.length)).toEqual([1000, 1000, 1]);
    expect(partsOf([], 1000)).toEqual([]);
  });
});
