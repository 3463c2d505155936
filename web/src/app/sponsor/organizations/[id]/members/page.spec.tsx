/** The members page: members and invitations in tables that become labelled lists on a phone, role forms on rows. */
import { render, screen, within } from '@testing-library/react';
import { gqlOrNull } from '@/lib/gateway';
import MembersPage from './page';

jest.mock('@/lib/gateway', () => ({ gqlOrNull: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn(async () => ({ id: 'u1' })) }));
jest.mock('@/app/actions', () => ({ changeMemberRoleAction: jest.fn(), inviteOrganizationMemberAction: jest.fn() }));
jest.mock('next/navigation', () => ({ notFound: jest.fn(() => { throw new Error('NEXT_NOT_FOUND'); }) }));
const gqlMock = gqlOrNull as unknown as jest.Mock;

const organization = (viewerRole: string) => ({
  id: 'o1', name: 'Aquatech', createdAt: '2026-01-01T00:00:00Z', viewerRole,
  members: [
    { role: 'OWNER', user: { id: 'u1', displayName: 'Olga Owner' } },
    { role: 'MEMBER', user: { id: 'u2', displayName: 'Mo Member' } },
  ],
  invitations: [
    { id: 'i1', email: 'a.very.long.address.for.a.phone@desalination-partners.example.org', role: 'ADMIN', invitedAt: '2026-12-01T10:00:00Z', expiresAt: '2026-12-15T10:00:00Z', user: null },
  ],
});
const render390 = async (viewerRole: string) => {
  gqlMock.mockResolvedValue({ organization: organization(viewerRole) });
  render(await MembersPage({ params: Promise.resolve({ id: 'o1' }) }));
};
const labels = (table: HTMLElement) => within(table).getAllByRole('cell').map((c) => c.getAttribute('data-label'));

describe('MembersPage', () => {
  it('lists members with a role form on each row (its labels kept) for an owner, every value labelled by its column', async () => {
    await render390('OWNER');
    expect(screen.getByRole('heading', { name: 'Current members (2)' })).toBeInTheDocument();
    const members = screen.getByRole('table', { name: 'Current members' });
    expect(members).toHaveClass('table-stack');
    expect(labels(members)).toEqual(['Name', 'Role', 'Name', 'Role']);
    const row = within(members).getAllByRole('row')[2]!;
    expect(within(row).getByRole('cell', { name: 'Mo Member' })).toBeInTheDocument();
    const form = within(row).getByRole('form', { name: 'Change the role of Mo Member' });
    expect(within(form).getByLabelText('Role of Mo Member')).toHaveValue('MEMBER');
    expect(within(form).getByRole('button', { name: 'Change role of Mo Member' })).toBeInTheDocument();
  });

  it('lists the invitations waiting for an answer as a labelled list on a phone, the address whole', async () => {
    await render390('OWNER');
    expect(screen.getByRole('heading', { name: 'Waiting for an answer (1)' })).toBeInTheDocument();
    const invitations = screen.getByRole('table', { name: 'Invitations waiting for an answer' });
    expect(invitations).toHaveClass('table-stack');
    expect(labels(invitations)).toEqual(['Invited', 'As', 'Sent', 'Expires']);
    expect(within(invitations).getByRole('cell', { name: 'a.very.long.address.for.a.phone@desalination-partners.example.org' })).toBeInTheDocument();
    expect(within(invitations).getByText('Admin')).toBeInTheDocument();
  });

  it('shows roles as badges, without forms, to a plain member', async () => {
    await render390('MEMBER');
    const members = screen.getByRole('table', { name: 'Current members' });
    expect(within(members).queryByRole('form')).toBeNull();
    expect(within(members).getAllByRole('row')[2]).toHaveTextContent('Mo MemberMember');
  });
});
