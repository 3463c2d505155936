/** The team page: members and shares, the split in words with each member's part of each prize, agree, propose, invite, leave. */
import { render, screen, within } from '@testing-library/react';
import { gqlOrNull } from '@/lib/gateway';
import { requireViewer } from '@/lib/viewer';
import TeamPage from './page';

jest.mock('@/lib/gateway', () => ({ gqlOrNull: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn() }));
jest.mock('@/app/actions', () => ({
  agreeToPrizeSplitAction: jest.fn(), inviteTeamMemberAction: jest.fn(), leaveTeamAction: jest.fn(), proposeEqualPrizeSplitAction: jest.fn(), proposePrizeSplitAction: jest.fn(),
}));
jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
  useRouter: () => ({ refresh: jest.fn() }),
}));
const gqlMock = gqlOrNull as unknown as jest.Mock;
const viewerMock = requireViewer as unknown as jest.Mock;
const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });

const shares = [
  { basisPoints: 5000, agreedAt: '2029-11-01T00:00:00Z', user: { id: 'u1', displayName: 'Ada' } },
  { basisPoints: 3000, agreedAt: null, user: { id: 'u2', displayName: 'Bo' } },
  { basisPoints: 2000, agreedAt: null, user: { id: 'u3', displayName: 'Cy' } },
];
function data(overrides: Record<string, unknown> = {}, team: Record<string, unknown> | null = {}) {
  return {
    challenge: {
      id: 'c1', title: 'Cheap membranes', status: 'OPEN', currency: 'USD', submissionDeadline: '2030-01-01T00:00:00Z',
      organization: { id: 'o1', viewerRole: null },
      prizes: [{ rank: 1, label: 'First prize', amount: usd('100001') }, { rank: 2, label: 'Runner-up', amount: usd('25000') }],
      viewerSubmissions: [], viewerHasAcceptedTerms: false, terms: null,
      viewerTeam: team && {
        id: 't1', name: 'Membrane Crew', createdAt: '2029-11-01T00:00:00Z',
        members: shares.map((s) => ({ shareBasisPoints: s.basisPoints, joinedAt: '2029-11-01T00:00:00Z', user: s.user })),
        split: { version: 4, status: 'PROPOSED', equal: false, shares },
        submission: null,
        invitations: [{ id: 'i1', email: 'dee@example.com', invitedAt: '2029-11-02T00:00:00Z', expiresAt: '2029-11-16T00:00:00Z' }],
        ...team,
      },
      ...overrides,
    },
  };
}
const renderPage = async (d: unknown, viewerId = 'u2') => {
  gqlMock.mockResolvedValue(d);
  viewerMock.mockResolvedValue({ id: viewerId, displayName: 'Bo' });
  return render(await TeamPage({ params: Promise.resolve({ id: 'c1' }), searchParams: Promise.resolve({}) }));
};

beforeEach(() => {
  gqlMock.mockReset();
  viewerMock.mockReset();
});

describe('TeamPage', () => {
  it('requires signing in, and comes back here', async () => {
    await renderPage(data());
    expect(viewerMock).toHaveBeenCalledWith('/challenges/c1/team');
  });

  it('shows the split in words, each member’s share and part of each prize (largest remainder), and Agree for a member who has not', async () => {
    await renderPage(data());
    expect(screen.getByRole('heading', { level: 1, name: 'Team Membrane Crew' })).toBeInTheDocument();
    const split = screen.getByRole('region', { name: 'Prize split' });
    expect(split).toHaveTextContent('Waiting for 2 members to agree.');
    const table = within(split).getByRole('table', { name: 'Each member’s share and part of each prize' });
    const rows = within(table).getAllByRole('row').slice(1);
    // 100001 cents by 50/30/20: 50000.5, 30000.3, 20000.2 → the one cent left goes to the largest remainder (Ada).
    expect(rows[0]).toHaveTextContent(/Ada.*50%.*Agreed.*\$500\.01.*\$125\.00/);
    expect(rows[1]).toHaveTextContent(/Bo \(you\).*30%.*Not yet.*\$300\.00.*\$75\.00/);
    expect(rows[2]).toHaveTextContent(/Cy.*20%.*Not yet.*\$200\.00.*\$50\.00/);
    expect(within(split).getByRole('button', { name: 'Agree to this split' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Split equally' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Propose a split' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Invite a teammate' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Waiting for an answer (1)' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Invitations waiting for an answer' })).toHaveTextContent('dee@example.com');
    expect(screen.getByRole('button', { name: 'Leave team' })).toBeInTheDocument();
    expect(screen.getByText(/Your team can submit once every member has agreed/)).toBeInTheDocument();
  });

  it('an equal split divides each prize 1:1, and an agreed one asks nobody to agree', async () => {
    const agreed = shares.map((s) => ({ ...s, basisPoints: [3334, 3333, 3333][shares.indexOf(s)]!, agreedAt: '2029-11-02T00:00:00Z' }));
    await renderPage(data({}, { split: { version: 5, status: 'AGREED', equal: true, shares: agreed } }));
    const split = screen.getByRole('region', { name: 'Prize split' });
    expect(split).toHaveTextContent('Agreed by every member: this split is in force.');
    expect(split).toHaveTextContent('Split equally');
    const rows = within(split).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/33\.34%.*\$333\.34/);
    expect(rows[1]).toHaveTextContent(/33\.33%.*\$333\.34/);
    expect(rows[2]).toHaveTextContent(/33\.33%.*\$333\.33/);
    expect(within(split).queryByRole('button', { name: 'Agree to this split' })).toBeNull();
    expect(screen.queryByText(/Your team can submit once/)).toBeNull();
  });

  it('once submissions are closed the team is fixed: no proposal, agreement, invitation or leaving', async () => {
    await renderPage(data({ status: 'JUDGING' }));
    expect(screen.queryByRole('form', { name: 'Propose a split' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Invite a teammate' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Leave team' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Agree to this split' })).toBeNull();
    expect(screen.getByText('The team and its split were fixed when the challenge stopped taking submissions.')).toBeInTheDocument();
  });

  it('without a team: says so, with the ways in', async () => {
    await renderPage(data({}, null));
    expect(screen.getByText('You are not in a team for this challenge')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'your team invitations' })).toHaveAttribute('href', '/teams/invitations');
  });
});
