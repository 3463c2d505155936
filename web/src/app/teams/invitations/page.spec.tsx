/** The viewer's team invitations, with Accept and Decline. */
import { render, screen, within } from '@testing-library/react';
import { gql } from '@/lib/gateway';
import { requireViewer } from '@/lib/viewer';
import TeamInvitationsPage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn() }));
jest.mock('@/app/actions', () => ({ respondToTeamInvitationAction: jest.fn() }));
const gqlMock = gql as unknown as jest.Mock;
const viewerMock = requireViewer as unknown as jest.Mock;

const invitation = (id: string, status = 'PENDING') => ({
  id, email: 'bo@example.com', status, invitedAt: '2029-11-01T00:00:00Z', expiresAt: '2029-11-15T00:00:00Z',
  invitedBy: { id: 'u1', displayName: 'Ada' },
  team: { id: `t-${id}`, name: `Crew ${id}`, members: [{ user: { id: 'u1', displayName: 'Ada' } }, { user: { id: 'u3', displayName: 'Cy' } }], challenge: { id: 'c1', title: 'Cheap membranes', status: 'OPEN' } },
});
const renderPage = async (invitations: unknown[], done?: string) => {
  gqlMock.mockResolvedValue({ viewer: { id: 'u2', teamInvitations: invitations } });
  viewerMock.mockResolvedValue({ id: 'u2' });
  return render(await TeamInvitationsPage({ searchParams: Promise.resolve(done ? { done } : {}) }));
};

describe('TeamInvitationsPage', () => {
  it('requires signing in, and comes back here (the mail links here)', async () => {
    await renderPage([]);
    expect(viewerMock).toHaveBeenCalledWith('/teams/invitations');
    expect(screen.getByText('No invitations waiting')).toBeInTheDocument();
  });

  it('lists each waiting invitation: the team and its members, the challenge, who invited, with Accept and Decline', async () => {
    await renderPage([invitation('a'), invitation('b', 'EXPIRED')]);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent(/Crew a.*Ada, Cy.*Cheap membranes.*Ada/);
    expect(within(rows[0]!).getByRole('link', { name: 'Cheap membranes' })).toHaveAttribute('href', '/challenges/c1');
    const accept = within(rows[0]!).getByRole('button', { name: 'Accept the invitation to Crew a' });
    expect(accept).toHaveAttribute('value', 'accept');
    expect(within(rows[0]!).getByRole('button', { name: 'Decline the invitation to Crew a' })).toHaveAttribute('value', 'decline');
  });

  it('says what an answer did after the redirect', async () => {
    await renderPage([], 'teamInvitationDeclined');
    expect(screen.getByRole('status')).toHaveTextContent('Invitation declined.');
  });
});
