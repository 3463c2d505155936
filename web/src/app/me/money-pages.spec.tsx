/** What a winner reads on "My submissions" and "Payouts": the prize by name, the amount and the paid date, in words. */
import { render, screen, within } from '@testing-library/react';
import { gql } from '@/lib/gateway';
import { MySubmissionFilesDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';
import PayoutsPage from './payouts/page';
import MySubmissionsPage from './submissions/page';

jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn() }));
jest.mock('@/lib/gateway', () => ({ gql: jest.fn(async () => ({ viewer: { id: 'u1', submissions: { edges: [] } } })) }));
jest.mock('@/app/actions', () => ({ startOnboardingAction: jest.fn() }));
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }));
const viewerMock = requireViewer as unknown as jest.Mock;

// The date is the reader's (jsdom's en-US after hydration; en-GB "3 Dec 2026" on the server's first render).
const PAID_FIRST = /^You won First prize — \$5,000\.00, paid (3 Dec 2026|Dec 3, 2026)/;
const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });
const payout = (id: string, status: string, paidAt: string | null, submissionId: string, label: string, amountMinor: string) => ({
  id, status, paidAt, failureReason: status === 'FAILED' ? 'Stripe: account_invalid (raw)' : null, amount: usd(amountMinor),
  award: { id: `a-${id}`, awardedAt: '2026-12-01T10:00:00Z', prize: { label }, submission: { id: submissionId }, challenge: { id: `c-${id}`, title: `Challenge ${id}` } },
});
function viewer({ account = { status: 'ACTIVE', requirementsDue: [] as string[] }, payouts = [payout('p1', 'PAID', '2026-12-03T12:00:00Z', 's1', 'First prize', '500000')] } = {}) {
  return {
    id: 'u1', email: 'w@example.test', displayName: 'Winner', bio: null, skills: [], organizations: [], organizationInvitations: [],
    payoutAccount: account,
    submissions: {
      edges: [
        { node: { id: 's1', title: 'Solar stills', status: 'SUBMITTED', version: 1, submittedAt: '2026-11-20T10:00:00Z', challenge: { id: 'c-p1', title: 'Challenge p1', status: 'AWARDED' } } },
        { node: { id: 's2', title: 'Fog nets', status: 'SUBMITTED', version: 2, submittedAt: '2026-11-21T10:00:00Z', challenge: { id: 'c9', title: 'Other challenge', status: 'AWARDED' } } },
        { node: { id: 's3', title: 'Still open', status: 'SUBMITTED', version: 1, submittedAt: '2026-11-22T10:00:00Z', challenge: { id: 'c8', title: 'Open one', status: 'OPEN' } } },
      ],
    },
    payouts: { edges: payouts.map((node) => ({ node })) },
  };
}

describe('My submissions', () => {
  it('lists each submission’s files with their links, from one query for all of them', async () => {
    viewerMock.mockResolvedValue(viewer());
    const gqlMock = gql as unknown as jest.Mock;
    gqlMock.mockClear();
    gqlMock.mockImplementation(async (doc: unknown) => doc === MySubmissionFilesDoc
      ? { viewer: { id: 'u1', submissions: { edges: [{ node: { id: 's2', attachments: [{ id: 'f1', fileName: 'nets.pdf', contentType: 'application/pdf', byteSize: 4096, status: 'READY', downloadUrl: 'http://localhost:4000/files/d', previewUrl: null }] } }] } } }
      : { viewer: { id: 'u1', submissions: { edges: [] } } });
    render(await MySubmissionsPage());
    expect(gqlMock.mock.calls.filter(([doc]) => doc === MySubmissionFilesDoc)).toHaveLength(1);
    const files = screen.getByRole('list', { name: 'Files of “Fog nets”' });
    expect(within(files).getByRole('link', { name: 'nets.pdf' })).toHaveAttribute('href', 'http://localhost:4000/files/d');
    expect(files).toHaveTextContent('PDF document · 4 KB');
  });

  it('says "You won First prize — $5,000.00, paid 3 Dec 2026" for a winning submission, with its receipt; not "Awarded"', async () => {
    viewerMock.mockResolvedValue(viewer());
    render(await MySubmissionsPage());
    const [, won, lost, open] = screen.getAllByRole('row');
    expect(within(won!).getByText(/You won First prize/)).toHaveTextContent(PAID_FIRST);
    expect(within(won!).getByRole('link', { name: 'Receipt for First prize' })).toHaveAttribute('href', '/receipts/payouts/p1');
    expect(within(lost!).getByText('Winners announced: this one did not win a prize.')).toBeInTheDocument();
    expect(within(open!).getByText('Challenge: Open')).toBeInTheDocument();
    expect(screen.queryByText('Awarded')).toBeNull();
  });

  it('is a table that becomes a labelled list on a phone (no column hidden sideways)', async () => {
    viewerMock.mockResolvedValue(viewer());
    render(await MySubmissionsPage());
    const table = screen.getByRole('table', { name: 'Your submissions, latest first' });
    expect(table).toHaveClass('table-stack');
    expect(within(table).getAllByRole('row')[1]!.querySelectorAll('td[data-label]')).toHaveLength(5);
    expect(within(table).getAllByRole('cell').slice(0, 5).map((c) => c.getAttribute('data-label'))).toEqual(['Challenge', 'Submission', 'Version', 'Submitted', 'Result']);
  });

  it('says where a prize not yet paid is, and offers no receipt before it is', async () => {
    viewerMock.mockResolvedValue(viewer({ account: { status: 'PENDING', requirementsDue: [] }, payouts: [payout('p1', 'HELD', null, 's1', 'First prize', '500000')] }));
    render(await MySubmissionsPage());
    expect(screen.getByText(/You won First prize/)).toHaveTextContent('You won First prize — $5,000.00, held for you until you set up payouts');
    expect(screen.queryByRole('link', { name: /Receipt/ })).toBeNull();
  });
});

describe('Payouts', () => {
  it('lists what is still due in sentences, never as Stripe codes', async () => {
    viewerMock.mockResolvedValue(viewer({ account: { status: 'PENDING', requirementsDue: ['external_account', 'tos_acceptance.date', 'tos_acceptance.ip'] } }));
    render(await PayoutsPage({ searchParams: Promise.resolve({}) }));
    const due = screen.getByText('Still due:').nextElementSibling as HTMLElement;
    expect(within(due).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Add the bank account the prize money is paid into.',
      'Accept the payment terms of our payments partner, Stripe.',
    ]);
    expect(screen.queryByText(/tos acceptance/i)).toBeNull();
  });

  it('names each prize with its amount and paid date, links the receipt, and shows no raw transfer error', async () => {
    viewerMock.mockResolvedValue(viewer({ payouts: [payout('p1', 'PAID', '2026-12-03T12:00:00Z', 's1', 'First prize', '500000'), payout('p2', 'FAILED', null, 's2', 'Runner-up', '100000')] }));
    render(await PayoutsPage({ searchParams: Promise.resolve({}) }));
    const table = screen.getByRole('table', { name: 'Your payouts' });
    expect(table).toHaveClass('table-stack');
    expect(within(table).getAllByRole('cell').slice(0, 3).map((c) => c.getAttribute('data-label'))).toEqual(['Challenge', 'Prize', 'Status']);
    expect(within(table).getByText(/You won First prize/)).toHaveTextContent(PAID_FIRST);
    expect(within(table).getByText(/You won Runner-up/)).toHaveTextContent('You won Runner-up — $1,000.00, transfer failed, we are retrying');
    expect(within(table).getByRole('link', { name: 'Receipt for First prize' })).toHaveAttribute('href', '/receipts/payouts/p1');
    expect(screen.queryByText(/Rank 1/)).toBeNull();
    expect(screen.queryByText(/account_invalid/)).toBeNull();
  });
});

describe('Payouts: a team member’s part', () => {
  it('says it is their part of the team’s prize; held: set up payouts to receive it', async () => {
    const held = payout('p7', 'HELD', null, 's7', 'First prize', '30000');
    held.award.submission = { id: 's7', team: { id: 't1', name: 'Membrane Crew' } } as typeof held.award.submission;
    viewerMock.mockResolvedValue(viewer({ account: { status: 'NOT_STARTED', requirementsDue: [] }, payouts: [held] }));
    render(await PayoutsPage({ searchParams: Promise.resolve({}) }));
    const row = screen.getByRole('row', { name: /Challenge p7/ });
    expect(row).toHaveTextContent('Your part of First prize, won by team Membrane Crew — $300.00, held for you until you set up payouts. Set up payouts to receive it');
    expect(within(row).getByRole('link', { name: 'Set up payouts to receive it' })).toHaveAttribute('href', '/me/payouts#account-title');
    expect(within(row).getByText('Held')).toBeInTheDocument();
  });
});
