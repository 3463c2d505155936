/** The browse page: one API query with the currency and the exact minimum, and the API's own cursor for the next page. */
import { render, screen } from '@testing-library/react';
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { BrowseChallengesDoc } from '@/lib/operations';
import BrowsePage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
const gqlMock = gql as unknown as jest.Mock;

const node = (id: string, amountMinor: string, currency: string) => ({
  id, title: `Challenge ${id}`, summary: 'Summary', type: 'DESIGN', status: 'OPEN', submissionDeadline: '2030-01-01T00:00:00Z',
  totalPrize: { amountMinor, currency }, organization: { id: 'o1', name: 'Aquatech', viewerRole: null }, submissionCount: 0,
});
const renderPage = async (params: Record<string, string>) => render(await BrowsePage({ searchParams: Promise.resolve(params) }));

beforeEach(() => gqlMock.mockReset());

describe('BrowsePage', () => {
  it('asks the API once for the currency and the minimum in minor units, and links the next page with its cursor', async () => {
    gqlMock.mockResolvedValue({ challenges: { edges: [{ cursor: 'c1', node: node('a', '300000', 'JPY') }], pageInfo: { hasNextPage: true, endCursor: 'c1' } } });
    await renderPage({ currency: 'jpy', minPrize: '300,000', after: 'c0' });
    expect(gqlMock).toHaveBeenCalledTimes(1);
    expect(gqlMock).toHaveBeenCalledWith(BrowseChallengesDoc, { first: 12, after: 'c0', filter: { currency: 'JPY', minTotalPrizeMinor: '300000' } });
    expect(screen.getByRole('link', { name: 'Challenge a' })).toBeInTheDocument();
    expect(screen.getByText(/Showing 1 challenge \(more results\) in JPY/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/challenges?currency=JPY&minPrize=300%2C000&after=c1');
  });

  it('has no next page on the last one, and does not send a minimum it cannot convert', async () => {
    gqlMock.mockResolvedValue({ challenges: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } });
    await renderPage({ currency: 'USD', minPrize: '10.005' });
    expect(gqlMock).toHaveBeenCalledWith(BrowseChallengesDoc, { first: 12, after: undefined, filter: { currency: 'USD' } });
    expect(screen.getByText('At most 2 decimal places for USD')).toBeInTheDocument();
    expect(screen.getByText('No challenges match')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Next page' })).toBeNull();
  });

  it('shows a refused cursor as an alert', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'is not a valid cursor', extensions: { code: 'BAD_USER_INPUT', field: 'after' } }]));
    await renderPage({ after: 'junk' });
    expect(screen.getByRole('alert')).toHaveTextContent('This link to a page of results is out of date or damaged.');
  });
});
