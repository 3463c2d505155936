import { BadUserInputError } from '@ideagora/subgraph-kit';
import { ChallengeKind, ChallengeSort, ChallengeStatus, ChallengeVisibility, SubmissionVisibility } from './challenge.domain';
import { listingOrder } from './challenge.listing';
import { parseChallengeFilter, parseChallengeSort, validateChallengeEdit, validateNewChallenge } from './challenge.validation';

const now = new Date('2030-01-01T00:00:00Z');
const valid = {
  title: '  Cheaper water filters ',
  summary: 'Filter water for less',
  description: 'A low-cost ceramic filter.',
  type: ChallengeKind.DESIGN,
  visibility: ChallengeVisibility.PUBLIC,
  currency: 'usd',
  prizes: [
    { rank: 2, label: 'Second', amountMinor: '9007199254740993' },
    { rank: 1, label: 'First', amountMinor: '500000' },
  ],
  submissionDeadline: new Date('2030-03-01T00:00:00Z'),
};

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.field;
    throw error;
  }
  return undefined;
}

describe('validateNewChallenge', () => {
  it('normalizes a valid challenge with exact bigint amounts', () => {
    const result = validateNewChallenge(valid, now);
    expect(result.title).toBe('Cheaper water filters');
    expect(result.currency).toBe('USD');
    expect(result.prizes.map((p) => p.rank)).toEqual([1, 2]);
    expect(result.prizes[1].amountMinor).toBe(2n ** 53n + 1n);
    expect(result.totalPrizeMinor).toBe(2n ** 53n + 1n + 500000n);
  });

  it.each([
    [{ title: 'ab' }, 'title'],
    [{ title: 'x'.repeat(141) }, 'title'],
    [{ summary: '  ' }, 'summary'],
    [{ summary: 'x'.repeat(501) }, 'summary'],
    [{ description: '' }, 'description'],
    [{ description: 'x'.repeat(20001) }, 'description'],
    [{ terms: 'x'.repeat(20001) }, 'terms'],
    [{ terms: ` ${'x'.repeat(20001)} ` }, 'terms'],
    [{ currency: 'XYZ' }, 'currency'],
    [{ currency: '' }, 'currency'],
    [{ prizes: [] }, 'prizes'],
    [{ prizes: Array.from({ length: 21 }, (_, i) => ({ rank: i + 1, label: 'p', amountMinor: '1' })) }, 'prizes'],
    [{ prizes: [{ rank: 0, label: 'a', amountMinor: '1' }] }, 'prizes[0].rank'],
    [{ prizes: [{ rank: 1, label: 'a', amountMinor: '1' }, { rank: 1, label: 'b', amountMinor: '1' }] }, 'prizes[1].rank'],
    [{ prizes: [{ rank: 1, label: '', amountMinor: '1' }] }, 'prizes[0].label'],
    [{ prizes: [{ rank: 1, label: 'x'.repeat(81), amountMinor: '1' }] }, 'prizes[0].label'],
    [{ prizes: [{ rank: 1, label: 'a', amountMinor: '1' }, { rank: 2, label: 'b', amountMinor: '0' }] }, 'prizes[1].amountMinor'],
    [{ prizes: [{ rank: 1, label: 'a', amountMinor: '-5' }] }, 'prizes[0].amountMinor'],
    [{ prizes: [{ rank: 1, label: 'a', amountMinor: '1.5' }] }, 'prizes[0].amountMinor'],
    [{ prizes: [{ rank: 1, label: 'a', amountMinor: 'abc' }] }, 'prizes[0].amountMinor'],
    [{ prizes: [{ rank: 1, label: 'a', amountMinor: '1e3' }] }, 'prizes[0].amountMinor'],
    [{ prizes: [{ rank: 1, label: 'a', amountMinor: '99999999999999999999' }] }, 'prizes[0].amountMinor'],
    [{ prizes: [{ rank: 1, label: 'a', amountMinor: '9223372036854775807' }, { rank: 2, label: 'b', amountMinor: '1' }] }, 'prizes'],
    [{ submissionDeadline: now }, 'submissionDeadline'],
    [{ submissionDeadline: new Date('2029-12-31T00:00:00Z') }, 'submissionDeadline'],
    [{ submissionDeadline: new Date('2032-01-01T00:00:01Z') }, 'submissionDeadline'],
    [{ submissionDeadline: new Date('nope') }, 'submissionDeadline'],
  ])('%j -> BAD_USER_INPUT on %s', (patch, field) => {
    expect(fieldOf(() => validateNewChallenge({ ...valid, ...patch }, now))).toBe(field);
  });

  it('trims the terms; absent or blank means none; 20,000 characters at most', () => {
    expect(validateNewChallenge(valid, now).terms).toBeNull();
    expect(validateNewChallenge({ ...valid, terms: null }, now).terms).toBeNull();
    expect(validateNewChallenge({ ...valid, terms: ' \n\t ' }, now).terms).toBeNull();
    expect(validateNewChallenge({ ...valid, terms: '  IP transfers to the sponsor.\n' }, now).terms).toBe('IP transfers to the sponsor.');
    expect(validateNewChallenge({ ...valid, terms: ` ${'x'.repeat(20000)} ` }, now).terms).toHaveLength(20000);
  });

  it('names the terms in its message', () => {
    expect(() => validateNewChallenge({ ...valid, terms: 'x'.repeat(20001) }, now)).toThrow('terms: must be at most 20000 characters');
  });

  describe('entries (issue 14)', () => {
    const day = (n: number) => new Date(Date.parse('2030-03-01T00:00:00Z') + n * 86_400_000);
    const gallery = { ...valid, submissionVisibility: SubmissionVisibility.GALLERY, voting: { startsAt: day(-10), endsAt: day(5) } };

    it('defaults to SEALED, no voting, no community-choice prize', () => {
      const result = validateNewChallenge(valid, now);
      expect(result).toMatchObject({ submissionVisibility: 'SEALED', voting: null });
      expect(result.prizes.every((p) => !p.communityChoice)).toBe(true);
    });

    it('keeps the mode, the window and the community-choice flag', () => {
      const result = validateNewChallenge({ ...gallery, prizes: [{ rank: 1, label: 'Community choice', amountMinor: '100', communityChoice: true }] }, now);
      expect(result).toMatchObject({ submissionVisibility: 'GALLERY', voting: { startsAt: day(-10), endsAt: day(5) } });
      expect(result.prizes[0]!.communityChoice).toBe(true);
    });

    it.each([
      [{ submissionVisibility: 'PUBLIC' as SubmissionVisibility }, 'submissionVisibility'],
      [{ voting: { startsAt: new Date('nope'), endsAt: day(5) } }, 'voting.startsAt'],
      [{ voting: { startsAt: day(1), endsAt: new Date('nope') } }, 'voting.endsAt'],
      [{ submissionVisibility: SubmissionVisibility.SEALED }, 'voting'],
      [{ voting: { startsAt: day(2), endsAt: day(1) } }, 'voting.endsAt'],
      [{ voting: { startsAt: day(1), endsAt: day(31) } }, 'voting.endsAt'],
      [{ submissionVisibility: SubmissionVisibility.GALLERY_AFTER_CLOSE }, 'voting.startsAt'],
      [{ voting: { startsAt: new Date('2029-12-01T00:00:00Z'), endsAt: new Date('2029-12-31T00:00:00Z') } }, 'voting.endsAt'],
      [{ voting: null, prizes: [{ rank: 1, label: 'a', amountMinor: '1' }, { rank: 2, label: 'b', amountMinor: '1', communityChoice: true }] }, 'prizes[1].communityChoice'],
    ])('%j -> BAD_USER_INPUT on %s', (patch, field) => {
      expect(fieldOf(() => validateNewChallenge({ ...gallery, ...patch }, now))).toBe(field);
    });

    it('edits: null removes the window, absent leaves it', () => {
      const current = new Date('2030-02-01T00:00:00Z');
      expect(validateChallengeEdit({ voting: null }, now, current)).toEqual({ voting: null });
      expect(validateChallengeEdit({ submissionVisibility: SubmissionVisibility.GALLERY }, now, current)).toEqual({ submissionVisibility: 'GALLERY' });
      expect(validateChallengeEdit({ voting: { startsAt: day(1), endsAt: day(2) } }, now, current)).toEqual({ voting: { startsAt: day(1), endsAt: day(2) } });
      expect(fieldOf(() => validateChallengeEdit({ voting: { startsAt: day(1), endsAt: new Date('nope') } }, now, current))).toBe('voting.endsAt');
    });
  });

  it('accepts a deadline exactly two years ahead', () => {
    expect(validateNewChallenge({ ...valid, submissionDeadline: new Date('2032-01-01T00:00:00Z') }, now).submissionDeadline).toBeInstanceOf(Date);
  });
});

describe('validateChallengeEdit', () => {
  const current = new Date('2030-02-01T00:00:00Z');

  it('keeps only the fields given, normalized like createChallenge', () => {
    expect(validateChallengeEdit({ title: '  Cheaper filters ', summary: null, type: ChallengeKind.IDEATION }, now, current)).toEqual({ title: 'Cheaper filters', type: ChallengeKind.IDEATION });
    const deadline = new Date('2030-06-01T00:00:00Z');
    expect(validateChallengeEdit({ submissionDeadline: deadline }, now, current)).toEqual({ submissionDeadline: deadline });
  });

  it('reads terms "" or blank as no terms, and absent or null as unchanged', () => {
    expect(validateChallengeEdit({ terms: ' \n ', summary: 'S' }, now, current)).toEqual({ terms: null, summary: 'S' });
    expect(validateChallengeEdit({ terms: null, summary: 'S' }, now, current)).toEqual({ summary: 'S' });
    expect(validateChallengeEdit({ terms: ' IP to the sponsor. ' }, now, current)).toEqual({ terms: 'IP to the sponsor.' });
  });

  it('needs at least one field', () => {
    expect(fieldOf(() => validateChallengeEdit({}, now, current))).toBe('input');
    expect(fieldOf(() => validateChallengeEdit({ title: null, summary: null, description: null, terms: null, type: null, visibility: null, submissionDeadline: null }, now, current))).toBe('input');
  });

  it.each([
    [{ title: 'ab' }, 'title'],
    [{ summary: '  ' }, 'summary'],
    [{ description: 'x'.repeat(20001) }, 'description'],
    [{ terms: 'x'.repeat(20001) }, 'terms'],
    [{ type: 'SCULPTURE' as ChallengeKind }, 'type'],
    [{ visibility: 'SECRET' as ChallengeVisibility }, 'visibility'],
    [{ submissionDeadline: now }, 'submissionDeadline'],
    [{ submissionDeadline: new Date('2032-01-01T00:00:01Z') }, 'submissionDeadline'],
    [{ submissionDeadline: new Date('nope') }, 'submissionDeadline'],
  ])('%j -> BAD_USER_INPUT on %s', (patch, field) => {
    expect(fieldOf(() => validateChallengeEdit(patch, now, current))).toBe(field);
  });

  it('does not hold the current deadline, given again, to "in the future"', () => {
    const passed = new Date('2029-12-01T00:00:00Z');
    expect(validateChallengeEdit({ submissionDeadline: new Date(passed), title: 'New title' }, now, passed)).toEqual({ submissionDeadline: passed, title: 'New title' });
  });
});

describe('parseChallengeFilter', () => {
  it('defaults to no filter', () => {
    expect(parseChallengeFilter(null)).toEqual({ status: null, type: null, search: null, minTotalPrizeMinor: null, currency: null });
    expect(parseChallengeFilter({ search: '   ' }).search).toBeNull();
  });

  it('parses every field', () => {
    expect(parseChallengeFilter({ status: ChallengeStatus.OPEN, type: ChallengeKind.IDEATION, search: ' water ', minTotalPrizeMinor: '0', currency: ' jpy ' })).toEqual({
      status: ChallengeStatus.OPEN,
      type: ChallengeKind.IDEATION,
      search: 'water',
      minTotalPrizeMinor: 0n,
      currency: 'JPY',
    });
    expect(parseChallengeFilter({ minTotalPrizeMinor: '9007199254740993' }).minTotalPrizeMinor).toBe(2n ** 53n + 1n);
  });

  it.each(['-1', '1.5', 'abc', '', '01'])('rejects minTotalPrizeMinor %p', (value) => {
    expect(fieldOf(() => parseChallengeFilter({ minTotalPrizeMinor: value }))).toBe('filter.minTotalPrizeMinor');
  });

  it.each(['XYZ', '', 'US', 'usdollar'])('rejects currency %p', (value) => {
    expect(fieldOf(() => parseChallengeFilter({ currency: value }))).toBe('filter.currency');
  });

  it('limits the search length', () => {
    expect(fieldOf(() => parseChallengeFilter({ search: 'x'.repeat(201) }))).toBe('filter.search');
  });
});

describe('creatable currencies', () => {
  it('creates challenges in the listed currencies only, though other supported ones still filter', () => {
    expect(validateNewChallenge({ ...valid, currency: 'sek' }, now).currency).toBe('SEK');
    expect(fieldOf(() => validateNewChallenge({ ...valid, currency: 'NOK' }, now))).toBe('currency');
    expect(parseChallengeFilter({ currency: 'nok' }).currency).toBe('NOK');
  });
});

describe('parseChallengeSort', () => {
  const filter = parseChallengeFilter(null);
  it('defaults to NEWEST and needs a currency to sort by prize', () => {
    expect(parseChallengeSort(null, filter)).toBe(ChallengeSort.NEWEST);
    expect(parseChallengeSort(ChallengeSort.DEADLINE_SOONEST, filter)).toBe(ChallengeSort.DEADLINE_SOONEST);
    expect(fieldOf(() => parseChallengeSort(ChallengeSort.PRIZE_HIGHEST, filter))).toBe('sort');
    expect(parseChallengeSort(ChallengeSort.PRIZE_HIGHEST, parseChallengeFilter({ currency: 'USD' }))).toBe(ChallengeSort.PRIZE_HIGHEST);
    expect(fieldOf(() => parseChallengeSort('SOONEST' as ChallengeSort, filter))).toBe('sort');
  });
});

describe('listingOrder cursors', () => {
  const id = '0192f0c4-1b2a-7c3d-8e4f-5a6b7c8d9e0f';
  it('resume after their own key, and refuse a cursor of another sort', () => {
    const newest = listingOrder(ChallengeSort.NEWEST).encode('2026-12-06T10:00:00.000000Z', id);
    const deadline = listingOrder(ChallengeSort.DEADLINE_SOONEST).encode('2026-12-06T10:00:00.000000Z', id);
    const prize = listingOrder(ChallengeSort.PRIZE_HIGHEST).encode('500000', id);
    expect(listingOrder(ChallengeSort.NEWEST).after(newest).params).toEqual(['2026-12-06T10:00:00.000000Z', id]);
    expect(listingOrder(ChallengeSort.DEADLINE_SOONEST).after(deadline).params).toEqual(['2026-12-06T10:00:00.000000Z', id]);
    expect(listingOrder(ChallengeSort.PRIZE_HIGHEST).after(prize).params).toEqual(['500000', id]);
    for (const [sort, cursor] of [
      [ChallengeSort.NEWEST, deadline],
      [ChallengeSort.DEADLINE_SOONEST, newest],
      [ChallengeSort.DEADLINE_SOONEST, prize],
      [ChallengeSort.PRIZE_HIGHEST, deadline],
      [ChallengeSort.PRIZE_HIGHEST, listingOrder(ChallengeSort.PRIZE_HIGHEST).encode('-5', id)],
    ] as const) {
      expect(fieldOf(() => listingOrder(sort).after(cursor))).toBe('after');
    }
  });
});
