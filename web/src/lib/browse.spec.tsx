import { checkMinimumPrize, collectPage, parseBrowseQuery, type PageOf } from './browse';

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
  it('builds the API filter and the currency to keep', () => {
    const query = parseBrowseQuery({ q: ' water ', type: 'DESIGN', status: 'OPEN', currency: 'jpy', minPrize: '300000' });
    expect(query.filter).toEqual({ search: 'water', type: 'DESIGN', status: 'OPEN', minTotalPrizeMinor: '300000' });
    expect(query.onlyCurrency).toBe('JPY');
    expect(query.errors).toEqual({});
    expect(query.keep.toString()).toBe('q=+water+&type=DESIGN&status=OPEN&currency=JPY&minPrize=300000');
  });

  it('ignores unknown enum values, keeps a currency filter without a minimum', () => {
    const query = parseBrowseQuery({ type: 'NOPE', status: ['CLOSED', 'OPEN'], currency: 'SEK' });
    expect(query.filter).toEqual({ status: 'CLOSED' });
    expect(query.onlyCurrency).toBe('SEK');
  });

  it('does not apply an invalid minimum and reports it', () => {
    const query = parseBrowseQuery({ minPrize: '12.345', currency: 'USD', after: 'c1' });
    expect(query.filter).toEqual({});
    expect(query.errors.minPrize).toBe('At most 2 decimal places for USD');
    expect(query.after).toBe('c1');
    expect(parseBrowseQuery({ minPrize: '100' }).onlyCurrency).toBeNull();
  });
});

type Node = { id: string; currency: string };
/** A fake API: challenges newest first, keyset cursors = ids. */
function api(nodes: Node[]) {
  const calls: { after?: string; first: number }[] = [];
  const fetchPage = async (after: string | undefined, first: number): Promise<PageOf<Node>> => {
    calls.push({ after, first });
    const start = after ? nodes.findIndex((n) => n.id === after) + 1 : 0;
    const slice = nodes.slice(start, start + first);
    return { edges: slice.map((n) => ({ cursor: n.id, node: n })), pageInfo: { hasNextPage: start + first < nodes.length, endCursor: slice.at(-1)?.id ?? null } };
  };
  return { fetchPage, calls };
}
const make = (spec: string) => [...spec].map((c, i) => ({ id: `n${i}`, currency: c === 'J' ? 'JPY' : 'USD' }));

describe('collectPage', () => {
  it('without a filter reads one API page', async () => {
    const { fetchPage, calls } = api(make('UUUUU'));
    const page = await collectPage(fetchPage, { pageSize: 2 });
    expect(page.nodes.map((n) => n.id)).toEqual(['n0', 'n1']);
    expect(page.nextCursor).toBe('n1');
    expect(calls).toEqual([{ after: undefined, first: 2 }]);
  });

  it('keeps only accepted nodes across API pages and continues right after the last one shown', async () => {
    const { fetchPage } = api(make('UJUUJJUJJ'));
    const accept = (n: Node) => n.currency === 'JPY';
    const first = await collectPage(fetchPage, { pageSize: 2, accept, batchSize: 3, maxBatches: 4 });
    expect(first.nodes.map((n) => n.id)).toEqual(['n1', 'n4']);
    expect(first.nextCursor).toBe('n4');
    const second = await collectPage(fetchPage, { after: first.nextCursor!, pageSize: 2, accept, batchSize: 3, maxBatches: 4 });
    expect(second.nodes.map((n) => n.id)).toEqual(['n5', 'n7']);
    const third = await collectPage(fetchPage, { after: second.nextCursor!, pageSize: 2, accept, batchSize: 3, maxBatches: 4 });
    expect(third.nodes.map((n) => n.id)).toEqual(['n8']);
    expect(third.nextCursor).toBeNull();
    expect(third.scanLimited).toBe(false);
  });

  it('has no next page when the page fills with the very last challenge', async () => {
    const { fetchPage } = api(make('UJJ'));
    const page = await collectPage(fetchPage, { pageSize: 2, accept: (n) => n.currency === 'JPY', batchSize: 3, maxBatches: 2 });
    expect(page.nodes).toHaveLength(2);
    expect(page.nextCursor).toBeNull();
  });

  it('stops after maxBatches and says the scan was limited', async () => {
    const { fetchPage, calls } = api(make('UUUUUUUUUJ'));
    const page = await collectPage(fetchPage, { pageSize: 2, accept: (n) => n.currency === 'JPY', batchSize: 3, maxBatches: 2 });
    expect(page.nodes).toEqual([]);
    expect(page.scanLimited).toBe(true);
    expect(page.nextCursor).toBe('n5');
    expect(calls).toHaveLength(2);
  });
});
