/** An endpoint's delivery log: deliveries in words with their attempts, Redeliver, paging by cursor, a deleted endpoint, the refusals. */
import { render, screen, within } from '@testing-library/react';
import { gqlOrNull } from '@/lib/gateway';
import { WebhookEndpointDeliveriesDoc } from '@/lib/operations';
import WebhookDeliveriesPage from './page';

jest.mock('@/lib/gateway', () => ({ gqlOrNull: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn(async () => ({ id: 'u1' })) }));
jest.mock('@/app/developer-actions', () => ({ redeliverWebhookAction: jest.fn() }));
jest.mock('next/navigation', () => ({ notFound: jest.fn(() => { throw new Error('NEXT_NOT_FOUND'); }), usePathname: jest.fn(() => '/') }));
const gqlMock = gqlOrNull as unknown as jest.Mock;

const URL = 'https://hooks.aquatech.example/ideagora';
const attempt = (number: number, statusCode: number | null, error: string | null) => ({ number, startedAt: `2026-02-0${number}T10:00:00Z`, durationMs: 42, statusCode, error });
const deliveries = [
  { id: 'd3', eventId: 'e3', eventType: 'PRIZE_AWARDED', status: 'PENDING', attemptCount: 2, lastStatusCode: 503, lastError: 'HTTP 503', deliveredAt: null,
    nextAttemptAt: '2026-02-03T10:05:00Z', createdAt: '2026-02-03T10:00:00Z', attempts: [attempt(2, 503, 'HTTP 503'), attempt(1, null, 'connect ECONNREFUSED 127.0.0.1:4555')] },
  { id: 'd1', eventId: 'e1', eventType: 'CHALLENGE_PUBLISHED', status: 'DELIVERED', attemptCount: 1, lastStatusCode: 200, lastError: null, deliveredAt: '2026-02-01T10:00:01Z',
    nextAttemptAt: null, createdAt: '2026-02-01T10:00:00Z', attempts: [attempt(1, 200, null)] },
];
const endpoint = (over: Record<string, unknown> = {}) => ({
  id: 'w1', organizationId: 'o1', url: URL, events: ['CHALLENGE_PUBLISHED', 'PRIZE_AWARDED'], createdAt: '2026-01-01T10:00:00Z', deletedAt: null,
  deliveries: { edges: deliveries.map((node) => ({ node })), pageInfo: { hasNextPage: true, endCursor: 'c2' } }, ...over,
});
const show = async ({ viewerRole = 'OWNER', hook = endpoint() as unknown, after }: { viewerRole?: string; hook?: unknown; after?: string } = {}) => {
  gqlMock.mockImplementation(async (doc: unknown) => (doc === WebhookEndpointDeliveriesDoc
    ? (hook ? { webhookEndpoint: hook } : null)
    : { organization: { id: 'o1', name: 'Aquatech', viewerRole } }));
  render(await WebhookDeliveriesPage({ params: Promise.resolve({ id: 'o1', endpointId: 'w1' }), searchParams: Promise.resolve({ after }) }));
};

beforeEach(() => gqlMock.mockReset());

describe('WebhookDeliveriesPage', () => {
  it('lists the deliveries newest first: the event in words, the status in words, the attempts, the last answer and Redeliver', async () => {
    await show();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`Deliveries to ${URL}`);
    expect(screen.getByRole('link', { name: '← Developer settings of Aquatech' })).toHaveAttribute('href', '/sponsor/organizations/o1/developers');
    expect(gqlMock).toHaveBeenCalledWith(WebhookEndpointDeliveriesDoc, { id: 'w1', first: 20, after: null });
    expect(screen.getByText('A challenge is published', { selector: 'li' })).toHaveTextContent('(challenge.published)');
    const table = screen.getByRole('table', { name: 'Deliveries, newest first' });
    const [, retrying, delivered] = within(table).getAllByRole('row');
    expect(retrying).toHaveTextContent('A prize is awarded');
    expect(retrying).toHaveTextContent('prize.awarded');
    expect(within(retrying!).getByText('Retrying')).toBeInTheDocument();
    expect(retrying).toHaveTextContent('Next attempt');
    expect(within(retrying!).getByText('2 attempts', { selector: 'summary' })).toBeInTheDocument();
    const attempts = within(retrying!).getAllByRole('listitem');
    expect(attempts[0]).toHaveTextContent(/^Attempt 2, .*: HTTP 503, in 42 ms$/);
    expect(attempts[1]).toHaveTextContent(/^Attempt 1, .*: No answer: connect ECONNREFUSED 127.0.0.1:4555, in 42 ms$/);
    expect(within(retrying!).getByRole('cell', { name: 'HTTP 503' })).toHaveAttribute('data-label', 'Last answer');
    expect(within(delivered!).getByText('Delivered')).toBeInTheDocument();
    expect(within(delivered!).getByText('1 attempt', { selector: 'summary' })).toBeInTheDocument();
    expect(within(table).getAllByRole('button', { name: 'Redeliver' })).toHaveLength(2);
    expect(screen.getByRole('navigation', { name: 'Deliveries pages' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Older deliveries' })).toHaveAttribute('href', '/sponsor/organizations/o1/developers/webhooks/w1?after=c2');
    expect(screen.queryByRole('link', { name: 'Newest deliveries' })).toBeNull();
  });

  it('pages with the cursor back to the newest', async () => {
    await show({ after: 'c2', hook: endpoint({ deliveries: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }) });
    expect(gqlMock).toHaveBeenCalledWith(WebhookEndpointDeliveriesDoc, { id: 'w1', first: 20, after: 'c2' });
    expect(screen.getByRole('link', { name: 'Newest deliveries' })).toHaveAttribute('href', '/sponsor/organizations/o1/developers/webhooks/w1');
    expect(screen.queryByRole('link', { name: 'Older deliveries' })).toBeNull();
  });

  it('says nothing was sent yet', async () => {
    await show({ hook: endpoint({ deliveries: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }) });
    expect(screen.getByText('Nothing sent yet')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Deliveries pages' })).toBeNull();
  });

  it('keeps a deleted endpoint readable, says it is deleted, and offers no redelivery', async () => {
    await show({ hook: endpoint({ deletedAt: '2026-02-04T10:00:00Z' }) });
    expect(screen.getByText('This endpoint is deleted.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Deliveries, newest first' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Redeliver' })).toBeNull();
  });

  it('refuses other members, without asking for the deliveries', async () => {
    await show({ viewerRole: 'MEMBER' });
    expect(screen.getByText('Only owners and admins manage developer settings.')).toBeInTheDocument();
    expect(gqlMock).toHaveBeenCalledTimes(1);
  });

  it('is not found for an unknown endpoint, or one of another organization', async () => {
    await expect(show({ hook: null })).rejects.toThrow('NEXT_NOT_FOUND');
    await expect(show({ hook: endpoint({ organizationId: 'o2' }) })).rejects.toThrow('NEXT_NOT_FOUND');
  });
});
