import { isLongBody, LONG_BODY_CHARACTERS, parseReviewPosition, positionFields, positionFromForm, prizeOptionLabel, reviewHref } from './review';

describe('review page positions', () => {
  it('reads the view and cursor from the address: anything but "shortlist" is all submissions', () => {
    expect(parseReviewPosition({})).toEqual({ view: 'all', after: undefined });
    expect(parseReviewPosition({ view: 'shortlist', after: 'c1' })).toEqual({ view: 'shortlist', after: 'c1' });
    expect(parseReviewPosition({ view: ['shortlist', 'all'], after: '' })).toEqual({ view: 'shortlist', after: undefined });
    expect(parseReviewPosition({ view: 'drafts' }).view).toBe('all');
  });

  it('links to a position, and round-trips it through a form', () => {
    expect(reviewHref('c 1', { view: 'all' })).toBe('/challenges/c%201/review');
    expect(reviewHref('c1', { view: 'shortlist', after: 'a/b=' })).toBe('/challenges/c1/review?view=shortlist&after=a%2Fb%3D');
    const fd = new FormData();
    for (const [name, value] of Object.entries(positionFields({ view: 'shortlist', after: 'x' }))) fd.set(name, value);
    expect(positionFromForm(fd)).toEqual({ view: 'shortlist', after: 'x' });
    expect(positionFromForm(new FormData())).toEqual({ view: 'all', after: undefined });
  });
});

describe('prizeOptionLabel and long bodies', () => {
  it('labels a prize with its rank and exact amount', () => {
    expect(prizeOptionLabel({ rank: 1, label: 'First prize', amount: { amountMinor: '100000', currency: 'USD' } })).toBe('1. First prize — $1,000.00');
    expect(prizeOptionLabel({ rank: 2, label: 'Runner-up', amount: { amountMinor: '5000', currency: 'JPY' } })).toBe('2. Runner-up — ¥5,000');
  });

  it(`folds bodies over ${LONG_BODY_CHARACTERS} characters`, () => {
    expect([isLongBody('x'.repeat(LONG_BODY_CHARACTERS)), isLongBody('x'.repeat(LONG_BODY_CHARACTERS + 1))]).toEqual([false, true]);
  });
});
