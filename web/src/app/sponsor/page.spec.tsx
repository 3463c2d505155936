/** The sponsor dashboard: its challenges in a table that becomes a labelled list on a phone. */
import { render, screen, within } from '@testing-library/react';
import { gql } from '@/lib/gateway';
import SponsorPage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/viewer', () => ({
  requireViewer: jest.fn(async () => ({ id: 'u1', organizations: [{ id: 'o1', name: 'Aquatech', viewerRole: 'OWNER' }], organizationInvitations: [] })),
}));
jest.mock('@/app/actions', () => ({ createOrganizationAction: jest.fn(), respondToOrganizationInvitationAction: jest.fn() }));
const gqlMock = gql as unknown as jest.Mock;

describe('SponsorPage', () => {
  it('lists the organizations’ challenges with every value labelled by its column', async () => {
    gqlMock.mockResolvedValue({ challenges: { edges: [{ cursor: 'c', node: {
      id: 'c1', title: 'Cheap membranes', summary: 'S', type: 'DESIGN', status: 'OPEN', submissionDeadline: '2030-01-01T00:00:00Z',
      totalPrize: { amountMinor: '125000', currency: 'USD' }, organization: { id: 'o1', name: 'Aquatech', viewerRole: 'OWNER' }, submissionCount: 3,
    } }], pageInfo: { hasNextPage: false, endCursor: null } } });
    render(await SponsorPage({ searchParams: Promise.resolve({}) }));
    const table = screen.getByRole('table', { name: 'Your organizations’ challenges' });
    const cells = within(table).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(['Challenge', 'Status', 'Prize pool', 'Deadline', 'Submissions']);
    expect(within(table).getByRole('link', { name: 'Cheap membranes' })).toHaveAttribute('href', '/challenges/c1');
    expect(cells[2]).toHaveTextContent('$1,250.00');
  });

  it('links an owner to each settings page of the organization: members, public page, developer settings', async () => {
    gqlMock.mockResolvedValue({ challenges: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } });
    render(await SponsorPage({ searchParams: Promise.resolve({}) }));
    expect(screen.getByRole('link', { name: 'Manage members of Aquatech' })).toHaveAttribute('href', '/sponsor/organizations/o1/members');
    expect(screen.getByRole('link', { name: 'Public page of Aquatech' })).toHaveAttribute('href', '/sponsor/organizations/o1/branding');
    expect(screen.getByRole('link', { name: 'Developer settings of Aquatech' })).toHaveAttribute('href', '/sponsor/organizations/o1/developers');
  });
});
