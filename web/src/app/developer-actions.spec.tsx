/** The developer settings' server actions, with the gateway and Next's navigation mocked: what they send, where they go, what they say. */
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { CreateApiKeyDoc, CreateWebhookEndpointDoc, DeleteWebhookEndpointDoc, RedeliverWebhookDoc, RevokeApiKeyDoc } from '@/lib/operations';
import { createApiKeyAction, createWebhookEndpointAction, deleteWebhookEndpointAction, redeliverWebhookAction, revokeApiKeyAction } from './developer-actions';

jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));
jest.mock('next/navigation', () => ({
  redirect: jest.fn((url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  }),
}));
jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));

const gqlMock = gql as unknown as jest.Mock;
const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) fd.append(k, value);
  return fd;
};
const refused = (code: string, field?: string, message = 'internal words: name') => new GatewayError([{ message, extensions: { code, ...(field ? { field } : {}) } }]);
const SECRET = 'igk_0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b_s3cr3t';

beforeEach(() => gqlMock.mockReset());

describe('createApiKeyAction', () => {
  const key = { organizationId: 'o1', name: '  CI deploys ', scopes: ['SUBMISSIONS_READ', 'CHALLENGES_READ', 'CHALLENGES_READ', 'ROOT'] };

  it('sends the trimmed name and the known scopes once each, in the form’s order, and hands the secret back once', async () => {
    gqlMock.mockResolvedValue({ createApiKey: { apiKey: { id: 'k1', name: 'CI deploys', scopes: ['CHALLENGES_READ', 'SUBMISSIONS_READ'], createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null }, secret: SECRET } });
    const state = await createApiKeyAction({}, form(key));
    expect(gqlMock).toHaveBeenCalledWith(CreateApiKeyDoc, { input: { organizationId: 'o1', name: 'CI deploys', scopes: ['CHALLENGES_READ', 'SUBMISSIONS_READ'] } });
    expect(state).toEqual({ ok: true, created: { id: 'k1', name: 'CI deploys', secret: SECRET } });
  });

  it('checks first: nothing is sent without a name or a scope, and what was typed comes back', async () => {
    const state = await createApiKeyAction({}, form({ organizationId: 'o1', name: ' ', scopes: [] }));
    expect(gqlMock).not.toHaveBeenCalled();
    expect(state.fieldErrors).toEqual({ name: expect.stringMatching(/^Name the key in 1 to 100 characters/), scopes: 'Choose at least one thing the key may do.' });
    expect(state.values).toEqual({ name: '', scopes: '' });
  });

  it('says the server’s refusals in its own words, by field or above the form, never the server’s text', async () => {
    gqlMock.mockRejectedValueOnce(refused('BAD_USER_INPUT', 'input.name', 'name: must be at most 100 characters'));
    const byField = await createApiKeyAction({}, form(key));
    expect(byField.fieldErrors).toEqual({ name: expect.stringMatching(/^Name the key/) });
    expect(byField.values).toEqual({ name: 'CI deploys', scopes: 'CHALLENGES_READ,SUBMISSIONS_READ' });
    gqlMock.mockRejectedValueOnce(refused('FAILED_PRECONDITION', undefined, 'An organization can have at most 50 API keys that are not revoked; revoke one first.'));
    expect((await createApiKeyAction({}, form(key))).formError).toBe('This organization already has 50 API keys in use. Revoke one it no longer needs, then create this one.');
    gqlMock.mockRejectedValueOnce(refused('FORBIDDEN', undefined, 'Only an OWNER or ADMIN of the organization can create its API keys'));
    expect((await createApiKeyAction({}, form(key))).formError).toBe('Only owners and admins of this organization can create API keys.');
    gqlMock.mockRejectedValueOnce(refused('BAD_USER_INPUT', 'input.organizationId', 'organizationId: is not a valid id'));
    expect((await createApiKeyAction({}, form(key))).formError).toBe('This organization no longer exists.');
    gqlMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    expect((await createApiKeyAction({}, form(key))).formError).toBe('Could not reach Ideagora. Check your connection and try again.');
  });
});

describe('revokeApiKeyAction', () => {
  it('revokes the key, then goes back to the page, which says so', async () => {
    gqlMock.mockResolvedValue({ revokeApiKey: { apiKey: { id: 'k1', revokedAt: '2026-01-02T00:00:00Z' } } });
    await expect(revokeApiKeyAction({}, form({ organizationId: 'o1', apiKeyId: 'k1' }))).rejects.toMatchObject({ url: '/sponsor/organizations/o1/developers?done=apiKeyRevoked' });
    expect(gqlMock).toHaveBeenCalledWith(RevokeApiKeyDoc, { input: { apiKeyId: 'k1' } });
  });

  it('says a key that is gone (or no longer the viewer’s to manage) in words', async () => {
    gqlMock.mockRejectedValue(refused('NOT_FOUND', 'apiKeyId', 'API key k1 was not found'));
    expect(await revokeApiKeyAction({}, form({ organizationId: 'o1', apiKeyId: 'k1' }))).toMatchObject({
      formError: 'This key no longer exists, or you no longer manage this organization. Reload the page.', code: 'NOT_FOUND',
    });
  });
});

describe('createWebhookEndpointAction', () => {
  const URL = 'https://hooks.aquatech.example/ideagora';
  const endpoint = { organizationId: 'o1', url: ` ${URL} `, events: ['PRIZE_AWARDED', 'CHALLENGE_PUBLISHED', 'PRIZE_AWARDED', 'ROOT'] };
  const SIGNING = 'whsec_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';

  it('sends the trimmed address and the known events once each, in the form’s order, and hands the signing secret back once', async () => {
    gqlMock.mockResolvedValue({ createWebhookEndpoint: { endpoint: { id: 'w1', url: URL, events: ['CHALLENGE_PUBLISHED', 'PRIZE_AWARDED'], createdAt: '2026-01-01T00:00:00Z' }, signingSecret: SIGNING } });
    const state = await createWebhookEndpointAction({}, form(endpoint));
    expect(gqlMock).toHaveBeenCalledWith(CreateWebhookEndpointDoc, { input: { organizationId: 'o1', url: URL, events: ['CHALLENGE_PUBLISHED', 'PRIZE_AWARDED'] } });
    expect(state).toEqual({ ok: true, created: { id: 'w1', url: URL, secret: SIGNING } });
  });

  it('checks first: nothing is sent without an address or an event, and what was typed comes back', async () => {
    const state = await createWebhookEndpointAction({}, form({ organizationId: 'o1', url: 'hooks', events: [] }));
    expect(gqlMock).not.toHaveBeenCalled();
    expect(state.fieldErrors).toEqual({ url: expect.stringMatching(/^Enter the full address/), events: 'Choose at least one event to be told about.' });
    expect(state.values).toEqual({ url: 'hooks', events: '' });
  });

  it('says the server’s refusals in its own words, by field or above the form, never the server’s text', async () => {
    gqlMock.mockRejectedValueOnce(refused('BAD_USER_INPUT', 'url', 'url: must resolve to a public address'));
    const byField = await createWebhookEndpointAction({}, form(endpoint));
    expect(byField.fieldErrors).toEqual({ url: expect.stringMatching(/^Ideagora cannot send to this address/) });
    expect(byField.formError).toBeUndefined();
    expect(byField.values).toEqual({ url: URL, events: 'CHALLENGE_PUBLISHED,PRIZE_AWARDED' });
    gqlMock.mockRejectedValueOnce(refused('BAD_USER_INPUT', 'events', 'events: each event once'));
    expect((await createWebhookEndpointAction({}, form(endpoint))).fieldErrors).toEqual({ events: 'Choose at least one event to be told about.' });
    gqlMock.mockRejectedValueOnce(refused('FAILED_PRECONDITION', undefined, 'An organization can have at most 20 webhook endpoints'));
    expect((await createWebhookEndpointAction({}, form(endpoint))).formError).toBe('This organization already has 20 webhook endpoints. Delete one it no longer needs, then create this one.');
    gqlMock.mockRejectedValueOnce(refused('FORBIDDEN', undefined, 'Only an OWNER or ADMIN of the organization can manage webhooks'));
    expect((await createWebhookEndpointAction({}, form(endpoint))).formError).toBe('Only owners and admins of this organization manage its webhooks.');
    gqlMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    expect((await createWebhookEndpointAction({}, form(endpoint))).formError).toBe('Could not reach Ideagora. Check your connection and try again.');
  });
});

describe('deleteWebhookEndpointAction', () => {
  it('deletes the endpoint, then goes back to the page, which says so', async () => {
    gqlMock.mockResolvedValue({ deleteWebhookEndpoint: { endpoint: { id: 'w1', deletedAt: '2026-01-02T00:00:00Z' } } });
    await expect(deleteWebhookEndpointAction({}, form({ organizationId: 'o1', endpointId: 'w1' }))).rejects.toMatchObject({ url: '/sponsor/organizations/o1/developers?done=webhookEndpointDeleted' });
    expect(gqlMock).toHaveBeenCalledWith(DeleteWebhookEndpointDoc, { input: { endpointId: 'w1' } });
  });

  it('says an endpoint that is gone in words', async () => {
    gqlMock.mockRejectedValue(refused('NOT_FOUND', 'endpointId', 'Webhook endpoint w1 was not found'));
    expect(await deleteWebhookEndpointAction({}, form({ organizationId: 'o1', endpointId: 'w1' }))).toMatchObject({
      formError: 'This endpoint no longer exists, or you no longer manage this organization. Reload the page.', code: 'NOT_FOUND',
    });
  });
});

describe('redeliverWebhookAction', () => {
  it('sends the delivery again, then goes back to the endpoint’s log, which says so', async () => {
    gqlMock.mockResolvedValue({ redeliverWebhook: { delivery: { id: 'd1', status: 'PENDING', attemptCount: 1 } } });
    await expect(redeliverWebhookAction({}, form({ organizationId: 'o1', endpointId: 'w1', deliveryId: 'd1' }))).rejects.toMatchObject({
      url: '/sponsor/organizations/o1/developers/webhooks/w1?done=webhookRedelivered',
    });
    expect(gqlMock).toHaveBeenCalledWith(RedeliverWebhookDoc, { input: { deliveryId: 'd1' } });
  });

  it('says a deleted endpoint in words: nothing is sent to it any more', async () => {
    gqlMock.mockRejectedValue(refused('FAILED_PRECONDITION', undefined, 'The endpoint of delivery d1 was deleted'));
    expect((await redeliverWebhookAction({}, form({ organizationId: 'o1', endpointId: 'w1', deliveryId: 'd1' }))).formError).toBe(
      'This endpoint was deleted: nothing is sent to it any more. Create a new endpoint to receive events again.',
    );
  });
});
