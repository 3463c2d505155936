/** The developer settings page: the keys and the webhook endpoints in tables that become labelled lists on a phone, the forms, the refusal to others. */
import { render, screen, within } from '@testing-library/react';
import { gqlOrNull } from '@/lib/gateway';
import { OrganizationApiKeysDoc, OrganizationWebhookEndpointsDoc } from '@/lib/operations';
import DeveloperSettingsPage from './page';

jest.mock('@/lib/gateway', () => ({ gqlOrNull: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn(async () => ({ id: 'u1' })) }));
jest.mock('@/app/developer-actions', () => ({ createApiKeyAction: jest.fn(), revokeApiKeyAction: jest.fn(), createWebhookEndpointAction: jest.fn(), deleteWebhookEndpointAction: jest.fn() }));
jest.mock('next/navigation', () => ({ notFound: jest.fn(() => { throw new Error('NEXT_NOT_FOUND'); }) }));
const gqlMock = gqlOrNull as unknown as jest.Mock;

const keys = [
  { id: 'k2', name: 'Website', scopes: ['SUBMISSIONS_READ', 'CHALLENGES_READ'], createdAt: '2026-02-01T10:00:00Z', lastUsedAt: null, revokedAt: null },
  { id: 'k1', name: 'CI deploys', scopes: ['AWARDS_WRITE'], createdAt: '2026-01-01T10:00:00Z', lastUsedAt: '2026-01-05T10:00:00Z', revokedAt: '2026-01-06T10:00:00Z' },
];
const endpoints = [
  { id: 'w1', url: 'https://hooks.aquatech.example/crm', events: ['CHALLENGE_PUBLISHED'], createdAt: '2026-01-01T10:00:00Z' },
  { id: 'w2', url: 'https://hooks.aquatech.example/ideagora', events: ['PRIZE_AWARDED', 'CHALLENGE_PUBLISHED'], createdAt: '2026-02-01T10:00:00Z' },
];
const show = async (viewerRole: string | null, apiKeys = keys, webhookEndpoints = endpoints) => {
  gqlMock.mockImplementation(async (doc: unknown) => {
    if (doc === OrganizationApiKeysDoc) return { organization: { id: 'o1', apiKeys } };
    if (doc === OrganizationWebhookEndpointsDoc) return { organization: { id: 'o1', webhookEndpoints } };
    return { organization: { id: 'o1', name: 'Aquatech', viewerRole } };
  });
  render(await DeveloperSettingsPage({ params: Promise.resolve({ id: 'o1' }), searchParams: Promise.resolve({}) }));
};
const labels = (table: HTMLElement) => within(table).getAllByRole('cell').map((c) => c.getAttribute('data-label'));

beforeEach(() => gqlMock.mockReset());

describe('DeveloperSettingsPage', () => {
  it('lists an owner’s keys: what each may do in words, never used, revoked, and Revoke only for active keys', async () => {
    await show('OWNER');
    expect(screen.getByRole('heading', { level: 1, name: 'Developer settings of Aquatech' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'API keys' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Keys (1 active, 1 revoked)' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'API keys of Aquatech' });
    expect(table).toHaveClass('table-stack');
    expect(labels(table).slice(0, 6)).toEqual(['Name', 'What it may do', 'Created', 'Last used', 'Status', 'Action']);
    const [, website, ci] = within(table).getAllByRole('row');
    expect(website).toHaveTextContent('Read challenges and read entries');
    expect(within(website!).getByRole('cell', { name: 'Never used' })).toBeInTheDocument();
    expect(within(website!).getByText('Active')).toBeInTheDocument();
    expect(within(website!).getByRole('button', { name: 'Revoke Website' })).toBeInTheDocument();
    expect(ci).toHaveTextContent('Award prizes');
    expect(within(ci!).getByText('Revoked')).toBeInTheDocument();
    expect(within(ci!).queryByRole('button')).toBeNull();
    expect(screen.getByRole('form', { name: 'Create an API key' })).toBeInTheDocument();
  });

  it('says there are no keys and no webhook endpoints yet', async () => {
    await show('ADMIN', [], []);
    expect(screen.getByText('No API keys yet')).toBeInTheDocument();
    expect(screen.getByText('No webhook endpoints yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists the webhook endpoints below the keys, newest first: the address opens its log, the events in words, Delete', async () => {
    await show('OWNER');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['API keys', 'Webhooks']);
    expect(screen.getByRole('heading', { name: 'Endpoints (2 of 20)' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Webhook endpoints of Aquatech' });
    expect(labels(table).slice(0, 4)).toEqual(['Endpoint URL', 'Events', 'Created', 'Action']);
    const [, newest, oldest] = within(table).getAllByRole('row');
    expect(within(newest!).getByRole('link', { name: 'https://hooks.aquatech.example/ideagora' })).toHaveAttribute('href', '/sponsor/organizations/o1/developers/webhooks/w2');
    expect(newest).toHaveTextContent('A challenge is published and a prize is awarded');
    expect(within(newest!).getByRole('button', { name: 'Delete https://hooks.aquatech.example/ideagora' })).toBeInTheDocument();
    expect(within(oldest!).getByRole('link', { name: 'https://hooks.aquatech.example/crm' })).toHaveAttribute('href', '/sponsor/organizations/o1/developers/webhooks/w1');
    expect(oldest).toHaveTextContent('A challenge is published');
    expect(screen.getByRole('form', { name: 'Add a webhook endpoint' })).toBeInTheDocument();
  });

  it('refuses other members as the other settings pages do, without asking for the keys', async () => {
    await show('MEMBER');
    expect(screen.getByText('Only owners and admins manage developer settings.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'API keys' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Webhooks' })).toBeNull();
    expect(gqlMock).toHaveBeenCalledTimes(1);
  });

  it('is not found when the organization is not', async () => {
    gqlMock.mockResolvedValue(null);
    await expect(DeveloperSettingsPage({ params: Promise.resolve({ id: 'nope' }), searchParams: Promise.resolve({}) })).rejects.toThrow('NEXT_NOT_FOUND');
  });
});
