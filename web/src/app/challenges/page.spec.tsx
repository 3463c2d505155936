/**
 * The browse page: one API query (open challenges closing soonest by default) with the currency and the exact
 * minimum, the total count, numbered pages over the API's cursors, and the currencies the API offers.
 */
import { render, screen, within } from '@testing-library/react';
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { BrowseChallengesDoc, ChallengeCurrenciesDoc } from '@/lib/operations';
import BrowsePage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
const gqlMock = gql as unknown as jest.Mock;

const node = (id: string, amountMinor: string, currency: string) => ({
  id, title: `Challenge ${id}`, summary: 'Summary', type: 'DESIGN', status: 'OPEN', submissionDeadline: '2030-01-01T00:00:00Z',
  totalPrize: { amountMinor, currency }, organization: { id: 'o1', name: 'Aquatech', viewerRole: null }, submissionCount: 0,
});
const renderPage = async (params: Record<string, string>) => render(await BrowsePage({ searchParams: Promise.resolve(params) }));
const CURRENCIES = ['AUD', 'CAD', 'CHF', 'EUR', 'GBP', 'INR', 'JPY', 'KWD', 'SEK', 'SGD', 'USD'];
const answer = (edges: unknown[], pageInfo: { hasNextPage: boolean; endCursor: string | null }, totalCount = edges.length, pageCursors: string[] = []) => ({
  challenges: { totalCount, pageCursors, edges, pageInfo },
  challengeCurrencies: CURRENCIES,
});

beforeEach(() => gqlMock.mockReset());

describe('BrowsePage', () => {
  it('asks the API once for the currency and the minimum in minor units, and links the next page with its cursor', async () => {
    gqlMock.mockResolvedValue(answer([{ cursor: 'c1', node: node('a', '300000', 'JPY') }], { hasNextPage: true, endCursor: 'c1' }, 30, ['p2', 'p3']));
    await renderPage({ currency: 'jpy', minPrize: '300,000', after: 'c0' });
    expect(gqlMock).toHaveBeenCalledTimes(1);
    expect(gqlMock).toHaveBeenCalledWith(BrowseChallengesDoc, {
      first: 12, after: 'c0', filter: { status: 'OPEN', currency: 'JPY', minTotalPrizeMinor: '300000' }, sort: 'DEADLINE_SOONEST',
    });
    expect(screen.getByRole('link', { name: 'Challenge a' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('30 challenges in JPY');
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/challenges?currency=JPY&minPrize=300%2C000&after=c1');
  });

  it('has no next page on the last one, and does not send a minimum it cannot convert', async () => {
    gqlMock.mockResolvedValue(answer([], { hasNextPage: false, endCursor: null }));
    await renderPage({ currency: 'USD', minPrize: '10.005' });
    expect(gqlMock).toHaveBeenCalledWith(BrowseChallengesDoc, { first: 12, after: undefined, filter: { status: 'OPEN', currency: 'USD' }, sort: 'DEADLINE_SOONEST' });
    expect(screen.getByText('At most 2 decimal places for USD')).toBeInTheDocument();
    expect(screen.getByText('No challenges match')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No challenges in USD (the minimum prize not applied: see the filters)');
    expect(screen.queryByRole('link', { name: 'Next page' })).toBeNull();
  });

  it('defaults to open challenges closing soonest, says how many, and shows the time left on each card', async () => {
    const soon = { ...node('s', '500000', 'USD'), submissionDeadline: new Date(Date.now() + 12 * 86_400_000 + 3_600_000).toISOString() };
    gqlMock.mockResolvedValue(answer([{ cursor: 'c1', node: soon }], { hasNextPage: false, endCursor: 'c1' }, 1));
    await renderPage({});
    expect(gqlMock).toHaveBeenCalledWith(BrowseChallengesDoc, { first: 12, after: undefined, filter: { status: 'OPEN' }, sort: 'DEADLINE_SOONEST' });
    expect(screen.getByRole('status')).toHaveTextContent(/^1 challenge$/);
    expect(screen.getByLabelText('Status')).toHaveValue('OPEN');
    expect(screen.getByLabelText('Sort by')).toHaveValue('DEADLINE_SOONEST');
    const card = screen.getByRole('article');
    expect(within(card).getByText('12 days left')).toBeInTheDocument();
    // One link per card, named by its title, to the challenge.
    expect(within(card).getAllByRole('link')).toHaveLength(1);
    expect(within(card).getByRole('link')).toHaveAccessibleName('Challenge s');
    expect(within(card).getByRole('link')).toHaveAttribute('href', '/challenges/s');
  });

  it('sends the chosen status and sort, "Any status" as no status', async () => {
    gqlMock.mockResolvedValue(answer([], { hasNextPage: false, endCursor: null }));
    await renderPage({ status: 'ANY', sort: 'NEWEST', q: 'desal' });
    expect(gqlMock).toHaveBeenCalledWith(BrowseChallengesDoc, { first: 12, after: undefined, filter: { search: 'desal' }, sort: 'NEWEST' });
    gqlMock.mockClear();
    await renderPage({ status: 'AWARDED', sort: 'bogus' });
    expect(gqlMock).toHaveBeenCalledWith(BrowseChallengesDoc, { first: 12, after: undefined, filter: { status: 'AWARDED' }, sort: 'DEADLINE_SOONEST' });
  });

  it('sorts by prize only with a currency, and says so otherwise', async () => {
    gqlMock.mockResolvedValue(answer([], { hasNextPage: false, endCursor: null }));
    await renderPage({ sort: 'PRIZE_HIGHEST', currency: 'EUR' });
    expect(gqlMock).toHaveBeenLastCalledWith(BrowseChallengesDoc, { first: 12, after: undefined, filter: { status: 'OPEN', currency: 'EUR' }, sort: 'PRIZE_HIGHEST' });
    document.body.innerHTML = '';
    await renderPage({ sort: 'PRIZE_HIGHEST' });
    expect(gqlMock).toHaveBeenLastCalledWith(BrowseChallengesDoc, { first: 12, after: undefined, filter: { status: 'OPEN' }, sort: 'DEADLINE_SOONEST' });
    expect(screen.getByLabelText('Prize currency')).toHaveAccessibleDescription('Choose a currency to sort by prize');
    expect(screen.getByRole('status')).toHaveTextContent('(the prize order not applied: see the filters)');
  });

  it('offers the API\'s currencies in the filter, not every supported one', async () => {
    gqlMock.mockResolvedValue(answer([], { hasNextPage: false, endCursor: null }));
    await renderPage({});
    const options = [...screen.getByLabelText('Prize currency').querySelectorAll('option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['', ...CURRENCIES]);
  });

  it('numbers the pages over the API\'s page cursors, marking the current one', async () => {
    const edges = Array.from({ length: 12 }, (_, i) => ({ cursor: `e${i}`, node: node(`n${i}`, '100', 'USD') }));
    gqlMock.mockResolvedValue(answer(edges, { hasNextPage: true, endCursor: 'e11' }, 40, ['p2', 'p3', 'p4']));
    await renderPage({ sort: 'NEWEST', after: 'p3' });
    const pagination = screen.getByRole('navigation', { name: 'Pagination' });
    const links = within(pagination).getAllByRole('link', { name: /^Page \d+$/ });
    expect(links.map((l) => l.textContent)).toEqual(['1', '2', '3', '4']);
    expect(links[0]).toHaveAttribute('href', '/challenges?sort=NEWEST');
    expect(links[2]).toHaveAttribute('href', '/challenges?sort=NEWEST&after=p3&page=3');
    expect(within(pagination).getByRole('link', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
    expect(within(pagination).getByRole('link', { name: 'Previous' })).toHaveAttribute('href', '/challenges?sort=NEWEST&after=p2&page=2');
    expect(within(pagination).getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/challenges?sort=NEWEST&after=e11&page=4');
    expect(screen.getByText('Page 3 of 4')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/^40 challenges$/);
  });

  it('shows a refused cursor as an alert in words for people, with the API\'s currencies still offered', async () => {
    gqlMock
      .mockRejectedValueOnce(new GatewayError([{ message: 'is not a valid cursor', extensions: { code: 'BAD_USER_INPUT', field: 'after' } }]))
      .mockResolvedValueOnce({ challengeCurrencies: CURRENCIES });
    await renderPage({ after: 'junk' });
    expect(gqlMock).toHaveBeenLastCalledWith(ChallengeCurrenciesDoc);
    expect(screen.getByRole('alert')).toHaveTextContent('This page link has expired. Start again from the first page.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('cursor');
    expect([...screen.getByLabelText('Prize currency').querySelectorAll('option')]).toHaveLength(12);
  });
});
