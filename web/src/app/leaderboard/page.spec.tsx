/** The leaderboard: ranked rows linking to profiles, the skill filter as a GET form, cursor pages keeping the skill. */
import { render, screen, within } from '@testing-library/react';
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import LeaderboardPage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
const gqlMock = gql as unknown as jest.Mock;

const entry = (rank: number, id: string, score: number, prizesWon: number) => ({ rank, user: { id, displayName: `Solver ${id}` }, reputation: { score, prizesWon } });
const renderPage = async (query: Record<string, string> = {}) => render(await LeaderboardPage({ searchParams: Promise.resolve(query) }));

describe('LeaderboardPage', () => {
  it('lists rank, name (to the profile), score and prizes won, filtered by a skill, with the next page keeping it', async () => {
    gqlMock.mockResolvedValue({ leaderboard: { edges: [{ node: entry(1, 'a', 1250, 10) }, { node: entry(2, 'b', 100, 1) }], pageInfo: { hasNextPage: true, endCursor: 'cur' } } });
    await renderPage({ skill: ' CAD ' });
    expect(gqlMock).toHaveBeenCalledWith(expect.anything(), { first: 25, after: undefined, skill: 'CAD' });
    const form = screen.getByRole('search', { name: 'Filter the leaderboard' });
    expect(form).toHaveAttribute('method', 'get');
    expect(within(form).getByLabelText('Skill')).toHaveValue('CAD');
    expect(within(form).getByRole('link', { name: 'Show everyone' })).toHaveAttribute('href', '/leaderboard');
    const rows = within(screen.getByRole('table', { name: 'Leaderboard: CAD' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['1Solver a1,25010', '2Solver b1001']);
    expect(within(rows[0]!).getByRole('link', { name: 'Solver a' })).toHaveAttribute('href', '/u/a');
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/leaderboard?skill=CAD&after=cur');
  });

  it('says when nobody has the skill, and when a page link is damaged', async () => {
    gqlMock.mockResolvedValue({ leaderboard: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } });
    await renderPage({ skill: 'Basket weaving' });
    expect(screen.getByText('Nobody with the skill “Basket weaving” yet')).toBeInTheDocument();
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'after: is not a valid cursor', extensions: { code: 'BAD_USER_INPUT', field: 'after' } }]));
    await renderPage({ after: 'junk' });
    expect(screen.getByText('This page link has expired. Start again from the first page.')).toBeInTheDocument();
  });
});
