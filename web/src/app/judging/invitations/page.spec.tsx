/** The judge's inbox: invitations waiting (Accept, Decline), then the challenges they judge with the way to score. */
import { render, screen, within } from '@testing-library/react';
import { gql } from '@/lib/gateway';
import { requireViewer } from '@/lib/viewer';
import JudgingInvitationsPage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn() }));
jest.mock('@/app/actions', () => ({ respondToChallengeInvitationAction: jest.fn() }));
const gqlMock = gql as unknown as jest.Mock;
const viewerMock = requireViewer as unknown as jest.Mock;

const invitation = (id: string, status: string, challengeStatus = 'OPEN', role = 'JUDGE', visibility = role === 'PARTICIPANT' ? 'INVITE_ONLY' : 'PUBLIC') => ({
  id, role, status, expiresAt: '2030-01-15T00:00:00Z', createdAt: '2029-12-15T00:00:00Z',
  challenge: { id: `c-${id}`, title: `Challenge ${id}`, summary: `What ${id} is about`, visibility, status: challengeStatus, submissionDeadline: '2030-01-01T00:00:00Z', judgingDeadline: '2030-01-31T00:00:00Z', organization: { id: 'o1', name: 'Aquatech' } },
});
const renderPage = async (invitations: unknown[], done?: string) => {
  gqlMock.mockResolvedValue({ viewer: { id: 'u1', challengeInvitations: invitations } });
  viewerMock.mockResolvedValue({ id: 'u1' });
  return render(await JudgingInvitationsPage({ searchParams: Promise.resolve(done ? { done } : {}) }));
};

describe('JudgingInvitationsPage', () => {
  it('requires signing in, and comes back here (the mail links here)', async () => {
    await renderPage([]);
    expect(viewerMock).toHaveBeenCalledWith('/judging/invitations');
    expect(screen.getByText('No invitations waiting')).toBeInTheDocument();
  });

  it('lists each invitation waiting for an answer (to judge, or to take part in an invite-only challenge), with Accept and Decline', async () => {
    await renderPage([invitation('a', 'PENDING'), invitation('b', 'EXPIRED'), invitation('p', 'PENDING', 'OPEN', 'PARTICIPANT')]);
    const table = screen.getByRole('table', { name: 'Invitations waiting for your answer' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('Take part (invite only)');
    expect(within(rows[1]!).getByRole('button', { name: 'Accept to take part in Challenge p' })).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent(/Challenge a.*Sponsored by Aquatech/);
    expect(within(rows[0]!).getByRole('link', { name: 'Challenge a' })).toHaveAttribute('href', '/challenges/c-a');
    expect(within(rows[0]!).getByRole('button', { name: 'Accept to judge Challenge a' })).toHaveAttribute('value', 'accept');
    expect(screen.getByText('Challenge b: expired')).toBeInTheDocument();
  });

  it('lists the challenges the viewer judges, with Score submissions while judging', async () => {
    await renderPage([invitation('j', 'ACCEPTED', 'JUDGING'), invitation('o', 'ACCEPTED', 'OPEN')], 'judgeAccepted');
    expect(screen.getByRole('status')).toHaveTextContent('Invitation accepted: you are a judge of this challenge.');
    const table = screen.getByRole('table', { name: 'Challenges you judge' });
    const [judging, open] = within(table).getAllByRole('row').slice(1);
    expect(within(judging!).getByRole('link', { name: 'Score submissions' })).toHaveAttribute('href', '/challenges/c-j/score');
    expect(open).toHaveTextContent('Scoring starts when submissions close');
  });

  it('is "Challenge invitations" for someone only invited to enter, with the invite-only challenges open to them', async () => {
    await renderPage([invitation('p', 'PENDING', 'OPEN', 'PARTICIPANT'), invitation('q', 'ACCEPTED', 'OPEN', 'PARTICIPANT')]);
    expect(screen.getByRole('heading', { level: 1, name: 'Challenge invitations' })).toBeInTheDocument();
    const pending = within(screen.getByRole('table', { name: 'Invitations waiting for your answer' })).getAllByRole('row');
    expect(pending[1]).toHaveTextContent(/Entries close/);
    // Not open to them before they accept: the summary, no link (the challenge page would be refused).
    expect(pending[1]).toHaveTextContent('What p is about');
    expect(within(pending[1]!).queryByRole('link', { name: 'Challenge p' })).toBeNull();
    const open = screen.getByRole('table', { name: 'Invite-only challenges open to you' });
    expect(within(open).getByRole('link', { name: 'Challenge q' })).toHaveAttribute('href', '/challenges/c-q');
  });
});
