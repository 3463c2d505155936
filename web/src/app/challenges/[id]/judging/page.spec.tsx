/** The judging board: round, judges' progress, agreement in words, the ranking; finalists and awards for owners and admins. */
import { render, screen, within } from '@testing-library/react';
import { gql } from '@/lib/gateway';
import { requireViewer } from '@/lib/viewer';
import JudgingBoardPage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn() }));
jest.mock('@/app/actions', () => ({ advanceToFinalRoundAction: jest.fn(), awardPrizesAction: jest.fn() }));
jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
}));
const gqlMock = gql as unknown as jest.Mock;
const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });

function challenge(overrides: Record<string, unknown> = {}) {
  return {
    id: 'c1', status: 'JUDGING', title: 'Cheap membranes', currency: 'USD', round: 1, judgingClosed: false, judgingDeadline: '2030-02-01T00:00:00Z', finalRoundDeadline: null,
    guaranteed: false, viewerRoles: ['OWNER'], finalists: [], allSubmissions: { totalCount: 41 },
    prizes: [{ rank: 1, label: 'First prize', quantity: 1, awardedCount: 0, amount: usd('100000') }],
    judging: {
      round: 1, judgeCount: 2, agreement: 0.82,
      judges: [{ user: { id: 'u1', displayName: 'Ada' }, scoredCount: 41 }, { user: { id: 'u2', displayName: 'Bo' }, scoredCount: 12 }],
      ranking: {
        edges: [1, 2].map((rank) => ({ cursor: `k${rank}`, node: { rank, meanWeightedTotal: String(9 - rank), scoreCardCount: 2, submission: { id: `s${rank}`, title: `Idea ${rank}`, finalist: false } } })),
        pageInfo: { hasNextPage: true, endCursor: 'k2' }, totalCount: 41,
      },
    },
    ...overrides,
  };
}
const renderPage = async (c: unknown, query: Record<string, string> = {}) => {
  gqlMock.mockResolvedValue({ challenge: c });
  (requireViewer as jest.Mock).mockResolvedValue({ id: 'u9' });
  return render(await JudgingBoardPage({ params: Promise.resolve({ id: 'c1' }), searchParams: Promise.resolve(query) }));
};

describe('JudgingBoardPage', () => {
  it('shows the round, the judges’ progress, the agreement in words with the number, and the ranking with the next page', async () => {
    await renderPage(challenge());
    expect(screen.getByText('Round 1')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Agreement: Strong agreement' })).toBeInTheDocument();
    expect(screen.getByText(/Kendall’s W = 0.82/)).toBeInTheDocument();
    const judges = screen.getByRole('table', { name: 'Judges and their progress' });
    expect(within(judges).getAllByRole('row')[2]).toHaveTextContent(/Bo\s*12 of 41/);
    expect(screen.getByRole('table', { name: 'Ranking: ranks 1 to 2 of 41' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Next ranks' })).toHaveAttribute('href', '/challenges/c1/judging?after=k2');
  });

  it('offers owners and admins the final round and the awards while judging; a judge only reads', async () => {
    await renderPage(challenge());
    expect(screen.getByRole('form', { name: 'Final round' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Award prizes' })).toBeInTheDocument();
    gqlMock.mockReset();
    document.body.innerHTML = '';
    await renderPage(challenge({ viewerRoles: ['JUDGE'] }));
    expect(screen.queryByRole('form', { name: 'Final round' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Award prizes' })).toBeNull();
  });

  it('after the judging deadline: says what happens to what is left, and offers nothing more', async () => {
    await renderPage(challenge({ judgingClosed: true, guaranteed: true }));
    expect(screen.getByText('The judging deadline has passed.')).toBeInTheDocument();
    expect(screen.getByText(/the places not awarded go to the best-ranked submissions/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Award prizes' })).toBeNull();
  });

  it('shows nothing of the board to anyone but the sponsor’s owners and admins and the judges', async () => {
    await renderPage(challenge({ viewerRoles: ['MEMBER'] }));
    expect(screen.getByText('Only the challenge’s judges can see this page.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
