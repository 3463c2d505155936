/** The sponsor's "Invited solvers" card of an invite-only challenge; the bell; the cursor pager. */
import { render, screen, within } from '@testing-library/react';
import { CursorPager } from './CursorPager';
import { NotificationBell } from './NotificationBell';
import { ParticipantsCard } from './ParticipantsCard';

const invitation = (id: string, status: string, role = 'PARTICIPANT') => ({ id, email: `${id}@example.com`, role, status, expiresAt: '2030-01-01T00:00:00Z', createdAt: '2029-12-01T00:00:00Z' });

describe('ParticipantsCard', () => {
  it('lists the solvers invited (not the judges), offers to withdraw, and to invite more', () => {
    render(<ParticipantsCard challengeId="c1" status="OPEN" inviteAction={jest.fn()} revokeAction={jest.fn()}
      invitations={[invitation('ada', 'ACCEPTED'), invitation('bo', 'PENDING'), invitation('judge', 'PENDING', 'JUDGE')]} />);
    const card = screen.getByRole('region', { name: 'Invited solvers' });
    expect(card).toHaveTextContent('only the solvers you invite, once they accept, can see it and enter it. 1 of 2 invited solvers have accepted.');
    const rows = within(card).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringMatching(/^ada@example.comAccepted/), expect.stringMatching(/^bo@example.comWaiting for an answer/)]);
    expect(within(rows[1]!).getByRole('button', { name: 'Withdraw bo@example.com' })).toBeInTheDocument();
    const form = within(card).getByRole('form', { name: 'Invite solvers' });
    expect(within(form).getByLabelText('Solvers’ email addresses')).toBeInTheDocument();
    expect(form.querySelector('input[name="role"]')).toHaveValue('PARTICIPANT');
  });

  it('offers no invitations once the challenge is over', () => {
    render(<ParticipantsCard challengeId="c1" status="AWARDED" inviteAction={jest.fn()} revokeAction={jest.fn()} invitations={[]} />);
    expect(screen.getByRole('region', { name: 'Invited solvers' })).toHaveTextContent('Nobody invited yet.');
    expect(screen.queryByRole('form')).toBeNull();
  });
});

describe('NotificationBell', () => {
  it('is a link named with the unread count, the badge hidden from screen readers', () => {
    const { rerender } = render(<NotificationBell unread={3} />);
    expect(screen.getByRole('link', { name: 'Notifications, 3 unread' })).toHaveAttribute('href', '/me/notifications');
    expect(screen.getByText('3')).toHaveAttribute('aria-hidden', 'true');
    rerender(<NotificationBell unread={0} />);
    expect(screen.getByRole('link', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.queryByText('0')).toBeNull();
  });
});

describe('CursorPager', () => {
  it('links to the next page after the end cursor, keeping the other parameters, and back to the first', () => {
    const { rerender } = render(<CursorPager path="/leaderboard" params={{ skill: 'CAD' }} after="c1" endCursor="c2" hasNextPage />);
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/leaderboard?skill=CAD&after=c2');
    expect(screen.getByRole('link', { name: 'First page' })).toHaveAttribute('href', '/leaderboard?skill=CAD');
    rerender(<CursorPager path="/leaderboard" endCursor={null} hasNextPage={false} />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
