import { buildPager, checkMinimumPrize, nextPageHref, parseBrowseQuery } from './browse';

describe('checkMinimumPrize: typed major amount -> minor units with the currency exponent', () => {
  it('converts exactly for 0, 2 and 3 decimal currencies', () => {
    expect(checkMinimumPrize('5000', 'JPY')).toEqual({ amountMinor: '5000', errors: {} });
    expect(checkMinimumPrize('5000', 'USD')).toEqual({ amountMinor: '500000', errors: {} });
    expect(checkMinimumPrize('5000', 'KWD')).toEqual({ amountMinor: '5000000', errors: {} });
    expect(checkMinimumPrize('1,234.5', 'USD').amountMinor).toBe('123450');
    expect(checkMinimumPrize('1.234', 'KWD').amountMinor).toBe('1234');
    expect(checkMinimumPrize('0.001', 'KWD').amountMinor).toBe('1');
    expect(checkMinimumPrize('.5', 'EUR').amountMinor).toBe('50');
    // Beyond 2^53 every digit is kept (a float would not).
    expect(checkMinimumPrize('90071992547409.93', 'USD').amountMinor).toBe('9007199254740993');
    expect(checkMinimumPrize('9007199254740993', 'JPY').amountMinor).toBe('9007199254740993');
  });

  it('rejects more decimals than the currency has, with a clear message', () => {
    expect(checkMinimumPrize('10.5', 'JPY')).toEqual({ errors: { minPrize: 'JPY has no decimal places' } });
    expect(checkMinimumPrize('10.005', 'USD')).toEqual({ errors: { minPrize: 'At most 2 decimal places for USD' } });
    expect(checkMinimumPrize('10.0005', 'KWD')).toEqual({ errors: { minPrize: 'At most 3 decimal places for KWD' } });
    // Trailing zeros are not significant: the value is still exact.
    expect(checkMinimumPrize('10.00', 'JPY').amountMinor).toBe('10');
    expect(checkMinimumPrize('10.500', 'USD').amountMinor).toBe('1050');
  });

  it('accepts zero (no minimum) but not junk, negatives or overflow', () => {
    expect(checkMinimumPrize('0', 'USD').amountMinor).toBe('0');
    expect(checkMinimumPrize('-5', 'USD').errors.minPrize).toBe('Enter a number such as 1500 or 1500.50');
    expect(checkMinimumPrize('abc', 'JPY').errors.minPrize).toBe('Enter a number such as 1500');
    expect(checkMinimumPrize('1e3', 'KWD').errors.minPrize).toBe('Enter a number such as 1500 or 1500.125');
    expect(checkMinimumPrize('99999999999999999999', 'USD').errors.minPrize).toBe('The amount is too large');
  });

  it('needs a supported currency for a minimum, and nothing without one', () => {
    expect(checkMinimumPrize('', '')).toEqual({ errors: {} });
    expect(checkMinimumPrize('  ', 'USD')).toEqual({ errors: {} });
    expect(checkMinimumPrize('100', '')).toEqual({ errors: { currency: 'Choose the currency of the minimum prize' } });
    expect(checkMinimumPrize('100', 'XYZ')).toEqual({ errors: { currency: 'Choose a currency from the list' } });
    expect(checkMinimumPrize('', 'XYZ')).toEqual({ errors: { currency: 'Choose a currency from the list' } });
  });
});

describe('parseBrowseQuery', () => {
  it('builds one API filter with the currency and the minimum in its minor units', () => {
    const query = parseBrowseQuery({ q: ' water ', type: 'DESIGN', status: 'OPEN', currency: 'jpy', minPrize: '300000' });
    expect(query.filter).toEqual({ search: 'water', type: 'DESIGN', status: 'OPEN', currency: 'JPY', minTotalPrizeMinor: '300000' });
    expect(query.errors).toEqual({});
    expect(parseBrowseQuery({ currency: 'KWD', minPrize: '1.5' }).filter).toEqual({ status: 'OPEN', currency: 'KWD', minTotalPrizeMinor: '1500' });
    expect(query.keep.toString()).toBe('q=+water+&type=DESIGN&status=OPEN&currency=JPY&minPrize=300000');
  });

  it('ignores unknown enum values, keeps a currency filter without a minimum', () => {
    const query = parseBrowseQuery({ type: 'NOPE', status: ['CLOSED', 'OPEN'], currency: 'SEK' });
    expect(query.filter).toEqual({ status: 'CLOSED', currency: 'SEK' });
  });

  it('does not apply an invalid minimum and reports it', () => {
    const query = parseBrowseQuery({ minPrize: '12.345', currency: 'USD', after: 'c1' });
    // The currency still applies; the minimum does not.
    expect(query.filter).toEqual({ status: 'OPEN', currency: 'USD' });
    expect(query.errors.minPrize).toBe('At most 2 decimal places for USD');
    expect(query.after).toBe('c1');
  });

  it('never sends a minimum without a currency, nor an unsupported currency', () => {
    const noCurrency = parseBrowseQuery({ minPrize: '100' });
    expect(noCurrency.filter).toEqual({ status: 'OPEN' });
    expect(noCurrency.errors).toEqual({ currency: 'Choose the currency of the minimum prize' });
    const unknown = parseBrowseQuery({ minPrize: '100', currency: 'XYZ' });
    expect(unknown.filter).toEqual({ status: 'OPEN' });
    expect(unknown.errors).toEqual({ currency: 'Choose a currency from the list' });
  });
});

describe('parseBrowseQuery: defaults and sorts', () => {
  it('lists open challenges closing soonest unless the URL says otherwise', () => {
    const query = parseBrowseQuery({});
    expect(query).toMatchObject({ status: 'OPEN', sort: 'DEADLINE_SOONEST', apiSort: 'DEADLINE_SOONEST', filter: { status: 'OPEN' }, page: 1 });
    expect(query.keep.toString()).toBe('');
    expect(parseBrowseQuery({ status: 'ANY' }).filter).toEqual({});
    expect(parseBrowseQuery({ status: 'NOPE', sort: 'NOPE' })).toMatchObject({ status: 'OPEN', sort: 'DEADLINE_SOONEST', filter: { status: 'OPEN' } });
    expect(parseBrowseQuery({ sort: 'NEWEST', status: 'JUDGING' }).keep.toString()).toBe('status=JUDGING&sort=NEWEST');
  });

  it('sorts by prize only within a currency', () => {
    expect(parseBrowseQuery({ sort: 'PRIZE_HIGHEST', currency: 'usd' })).toMatchObject({ apiSort: 'PRIZE_HIGHEST', errors: {} });
    const without = parseBrowseQuery({ sort: 'PRIZE_HIGHEST' });
    expect(without).toMatchObject({ sort: 'PRIZE_HIGHEST', apiSort: 'DEADLINE_SOONEST', errors: { currency: 'Choose a currency to sort by prize' } });
    expect(parseBrowseQuery({ sort: 'PRIZE_HIGHEST', currency: 'XYZ' }).apiSort).toBe('DEADLINE_SOONEST');
  });

  it('reads the page number only with a cursor, and only a plain positive number', () => {
    expect(parseBrowseQuery({ page: '4' }).page).toBe(1);
    expect(parseBrowseQuery({ page: '4', after: 'c' }).page).toBe(4);
    for (const page of ['0', '-1', '2.5', 'x', '99999999']) expect(parseBrowseQuery({ page, after: 'c' }).page).toBeNull();
  });
});

describe('buildPager: numbered pages over keyset cursors', () => {
  const keep = new URLSearchParams([['q', 'desal']]);
  const more = { hasNextPage: true, endCursor: 'end' };
  it('links page 1 and the pages the API gave cursors for, and counts the pages from the total', () => {
    const pager = buildPager({ keep, after: undefined, page: 1 }, 30, ['p2', 'p3'], more);
    expect(pager).toMatchObject({ current: 1, pages: 3, previous: null, next: '/challenges?q=desal&after=end&page=2' });
    expect(pager.links).toEqual([
      { page: 1, href: '/challenges?q=desal', current: true },
      { page: 2, href: '/challenges?q=desal&after=p2&page=2', current: false },
      { page: 3, href: '/challenges?q=desal&after=p3&page=3', current: false },
    ]);
  });
  it('knows the current page by its cursor, else by the page the URL claims (beyond the links)', () => {
    expect(buildPager({ keep, after: 'p3', page: 7 }, 30, ['p2', 'p3'], more)).toMatchObject({ current: 3, previous: '/challenges?q=desal&after=p2&page=2' });
    const beyond = buildPager({ keep, after: 'x', page: 12 }, 300, ['p2'], more);
    expect(beyond).toMatchObject({ current: 12, pages: 25, previous: null, next: '/challenges?q=desal&after=end&page=13' });
    expect(beyond.links.some((l) => l.current)).toBe(false);
    expect(buildPager({ keep, after: 'x', page: null }, 300, [], more)).toMatchObject({ current: null, next: '/challenges?q=desal&after=end' });
    expect(buildPager({ keep: new URLSearchParams(), after: undefined, page: 1 }, 0, [], { hasNextPage: false })).toMatchObject({ pages: 1, links: [{ page: 1, href: '/challenges', current: true }], next: null });
  });
});

describe('nextPageHref', () => {
  const keep = new URLSearchParams([['currency', 'JPY'], ['minPrize', '3000']]);
  it('continues after the API’s end cursor with the same filters', () => {
    expect(nextPageHref(keep, { hasNextPage: true, endCursor: 'abc=' })).toBe('/challenges?currency=JPY&minPrize=3000&after=abc%3D');
  });
  it('has no link on the last page', () => {
    expect(nextPageHref(keep, { hasNextPage: false, endCursor: 'abc' })).toBeNull();
    expect(nextPageHref(keep, { hasNextPage: true, endCursor: null })).toBeNull();
  });
});
