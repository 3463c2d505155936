import { IDENTITY_HEADER, signIdentity } from '@ideagora/auth';
import {
  addMember,
  challengeInput,
  createChallenge,
  createOrganization,
  eventually,
  fundAndPublish,
  requestSubgraph,
  runContract,
  signUpUser,
  startStack,
  startWebhookReceiver,
  TEST_SECRETS,
  type GraphQLResponse,
  type Stack,
  type TestUser,
  type WebhookReceiver,
} from '@ideagora/testing';
import { verifyWebhookSignature } from '@ideagora/partner-client';
import { SignJWT } from 'jose';

/**
 * The partner platform (shared/contract/v2/partner-platform.graphql) through the gateway, as a partner sends it:
 * an OWNER makes keys, the keys act within their scopes, back to back with their creation (read your writes), and a
 * revoked key is refused on its very next request; a key with WEBHOOKS_MANAGE registers an endpoint, reads its log and
 * redelivers. The registry's mechanics are tested in api-key-registry.int-spec, the keys' rules in
 * services/challenges/test/api-keys.int-spec, the webhooks' (retries, give-up, SSRF in production, every event type)
 * in services/challenges/test/webhooks.int-spec.
 */
describe('partner platform: API keys and webhooks, through the partner contract', () => {
  let stack: Stack;
  let owner: TestUser;
  let member: TestUser;
  let otherOwner: TestUser;
  let organizationId: string;
  let otherChallenge: string;
  let otherOrganization: string;

  beforeAll(async () => {
    stack = await startStack({ env: { API_KEY_USAGE_FLUSH_MS: '300' } });
    [owner, member, otherOwner] = await Promise.all([
      signUpUser(stack.client, { displayName: 'Olga Owner' }),
      signUpUser(stack.client, { displayName: 'Mo Member' }),
      signUpUser(stack.client, { displayName: 'Ola Other' }),
    ]);
    organizationId = await createOrganization(stack.client, owner.token, 'Keyed Industries');
    await addMember(stack.client, owner.token, organizationId, member, 'MEMBER');
    otherOrganization = await createOrganization(stack.client, otherOwner.token, 'Elsewhere Ltd');
    otherChallenge = (await createChallenge(stack.client, otherOwner.token, challengeInput(otherOrganization))).id;
  }, 240_000);
  const receivers: WebhookReceiver[] = [];
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await stack?.stop();
  });

  const ok = <T extends GraphQLResponse>(response: T): NonNullable<T['data']> => {
    expect(response.errors).toBeUndefined();
    return response.data as NonNullable<T['data']>;
  };
  const refusal = (response: GraphQLResponse) => [response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.field];

  async function createKey(scopes: string[], name = `key ${scopes.join('+')}`): Promise<{ id: string; secret: string }> {
    const { createApiKey } = ok(await runContract(stack.client, 'CreateApiKey', { input: { organizationId, name, scopes } }, owner.token));
    return { id: createApiKey.apiKey.id, secret: createApiKey.secret };
  }

  it('CreateApiKey shows the secret once; OrganizationApiKeys lists the key without it', async () => {
    const created = ok(await runContract(stack.client, 'CreateApiKey', { input: { organizationId, name: 'CRM sync', scopes: ['CHALLENGES_READ', 'SUBMISSIONS_READ'] } }, owner.token));
    expect(created.createApiKey.secret).toMatch(/^igk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(created.createApiKey.apiKey).toEqual({ id: expect.any(String), name: 'CRM sync', scopes: ['CHALLENGES_READ', 'SUBMISSIONS_READ'], createdAt: expect.any(String), lastUsedAt: null });
    const listed = ok(await runContract(stack.client, 'OrganizationApiKeys', { organizationId }, owner.token));
    expect(listed.organization.apiKeys).toContainEqual({ id: created.createApiKey.apiKey.id, name: 'CRM sync', scopes: ['CHALLENGES_READ', 'SUBMISSIONS_READ'], lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.createApiKey.secret.slice(4));
  });

  it('refuses bad input, a plain member and another organization', async () => {
    const create = (input: Record<string, unknown>, token = owner.token) => runContract(stack.client, 'CreateApiKey', { input: { organizationId, name: 'k', scopes: ['CHALLENGES_READ'], ...input } }, token);
    expect(refusal(await create({ name: '   ' }))).toEqual(['BAD_USER_INPUT', 'name']);
    expect(refusal(await create({ scopes: [] }))).toEqual(['BAD_USER_INPUT', 'scopes']);
    expect(refusal(await create({ scopes: ['CHALLENGES_READ', 'CHALLENGES_READ'] }))).toEqual(['BAD_USER_INPUT', 'scopes']);
    expect((await create({ scopes: ['EVERYTHING'] })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refusal(await create({}, member.token))[0]).toBe('FORBIDDEN');
    expect(refusal(await create({}, otherOwner.token))[0]).toBe('FORBIDDEN');
    expect((await runContract(stack.client, 'OrganizationApiKeys', { organizationId }, member.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a key works back to back with its creation, for its own organization only', async () => {
    // A draft made by the owner before the key exists: the key's first request funds it in payouts at once. Payouts
    // learns of the key by event; the gateway, which waits for the key's own event, usually lets the request through
    // after payouts has it too, so this passes even without payouts' wait (sponsorKeyUnknown, proven by its unit spec):
    // it asserts the partner's sequence, not that wait.
    const draft = (await createChallenge(stack.client, owner.token, challengeInput(organizationId, { title: 'Funded by a new key' }))).id;
    const key = await createKey(['CHALLENGES_READ', 'CHALLENGES_WRITE']);
    const funded = ok(await runContract(stack.client, 'FundChallenge', { challengeId: draft }, key.secret));
    expect(funded.fundChallenge.funding.status).toBe('PENDING');
    const created = ok(await runContract(stack.client, 'CreateChallenge', { input: challengeInput(organizationId, { title: 'Made by a key' }) }, key.secret));
    expect(created.createChallenge.challenge.status).toBe('DRAFT');
    // Another organization: its draft is hidden from the key, as from any outsider; creating there is refused.
    expect(refusal(await runContract(stack.client, 'FundChallenge', { challengeId: otherChallenge }, key.secret))[0]).toBe('NOT_FOUND');
    expect(refusal(await runContract(stack.client, 'CreateChallenge', { input: challengeInput(otherOrganization) }, key.secret))[0]).toBe('FORBIDDEN');
  });

  it('a key beyond its scopes is FORBIDDEN; a key cannot make, list or revoke keys, nor act as a person', async () => {
    const reader = await createKey(['CHALLENGES_READ']);
    expect(refusal(await runContract(stack.client, 'CreateChallenge', { input: challengeInput(organizationId) }, reader.secret))[0]).toBe('FORBIDDEN');
    const admin = await createKey(['CHALLENGES_READ', 'CHALLENGES_WRITE', 'SUBMISSIONS_READ', 'AWARDS_WRITE', 'WEBHOOKS_MANAGE']);
    expect(refusal(await runContract(stack.client, 'CreateApiKey', { input: { organizationId, name: 'child', scopes: ['CHALLENGES_READ'] } }, admin.secret))[0]).toBe('FORBIDDEN');
    expect(refusal(await runContract(stack.client, 'RevokeApiKey', { input: { apiKeyId: reader.id } }, admin.secret))[0]).toBe('FORBIDDEN');
    expect(refusal(await runContract(stack.client, 'OrganizationApiKeys', { organizationId }, admin.secret))[0]).toBe('FORBIDDEN');
    expect(refusal(await runContract(stack.client, 'Viewer', {}, admin.secret))[0]).toBe('FORBIDDEN');
    const members = await stack.client.request(`query($id: ID!) { organization(id: $id) { id members { role } } }`, { id: organizationId }, { token: admin.secret });
    expect(members.data?.organization).toEqual({ id: organizationId, members: null });
    expect(members.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a revoked key is UNAUTHENTICATED (HTTP 401) on its very next request', async () => {
    const key = await createKey(['CHALLENGES_READ']);
    ok(await stack.client.request('{ challenges(first: 1) { edges { node { id } } } }', {}, { token: key.secret }));
    const revoked = ok(await runContract(stack.client, 'RevokeApiKey', { input: { apiKeyId: key.id } }, owner.token));
    expect(revoked.revokeApiKey.apiKey).toEqual({ id: key.id, revokedAt: expect.any(String) });
    const next = await stack.client.request('{ challenges(first: 1) { edges { node { id } } } }', {}, { token: key.secret });
    expect(next.status).toBe(401);
    expect(next.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(next)).not.toMatch(/igk_|sql|stack/i);
  });

  it("records a key's last use without a write per request", async () => {
    const key = await createKey(['CHALLENGES_READ'], 'used');
    for (let i = 0; i < 5; i++) ok(await stack.client.request('{ challenges(first: 1) { edges { node { id } } } }', {}, { token: key.secret }));
    await eventually(async () => {
      const listed = ok(await runContract(stack.client, 'OrganizationApiKeys', { organizationId }, owner.token));
      const found = listed.organization.apiKeys.find((k: { id: string }) => k.id === key.id);
      expect(found?.lastUsedAt).toEqual(expect.any(String));
    });
  });

  it("a forged or expired identity still gets 401 at every subgraph, a key's included", async () => {
    const key = await createKey(['CHALLENGES_READ']);
    const keyIdentity = { userId: key.id, scopes: ['CHALLENGES_READ'], apiKey: { id: key.id, organizationId } };
    const query = '{ challenges(first: 1) { edges { node { id } } } }';
    for (const subgraph of ['challenges', 'submissions', 'payouts', 'solvers'] as const) {
      const forged = await signIdentity(keyIdentity, subgraph, 'not-the-gateway-secret-but-long-enough-to-sign', 60);
      expect((await requestSubgraph(stack, subgraph, '{ _service { sdl } }', {}, null, { identityHeader: forged })).status).toBe(401);
      const expired = await new SignJWT({ scopes: keyIdentity.scopes, key: { id: key.id, org: organizationId } })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer('ideagora-gateway')
        .setAudience(subgraph)
        .setSubject(key.id)
        .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(new TextEncoder().encode(TEST_SECRETS.GATEWAY_IDENTITY_SECRET));
      expect((await requestSubgraph(stack, subgraph, '{ _service { sdl } }', {}, null, { identityHeader: expired })).status).toBe(401);
    }
    // A key claim naming another principal than the identity's subject: refused as forged.
    const mismatched = await signIdentity({ ...keyIdentity, userId: owner.id }, 'challenges', TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
    expect((await requestSubgraph(stack, 'challenges', query, {}, null, { identityHeader: mismatched })).status).toBe(401);
    // Through the gateway, a client's own identity header is dropped: the key's secret is what counts.
    const direct = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: mismatched, authorization: 'Bearer igk_00000000000000000000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      body: JSON.stringify({ query }),
    });
    expect(direct.status).toBe(401);
  });

  it('a key with WEBHOOKS_MANAGE: CreateWebhookEndpoint, a signed delivery, WebhookDeliveries, RedeliverWebhook; a key without it is FORBIDDEN', async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const reader = await createKey(['CHALLENGES_READ']);
    const endpointInput = { organizationId, url: receiver.url, events: ['CHALLENGE_PUBLISHED'] };
    expect(refusal(await runContract(stack.client, 'CreateWebhookEndpoint', { input: endpointInput }, reader.secret))[0]).toBe('FORBIDDEN');

    const key = await createKey(['WEBHOOKS_MANAGE']);
    const { createWebhookEndpoint } = ok(await runContract(stack.client, 'CreateWebhookEndpoint', { input: endpointInput }, key.secret));
    expect(createWebhookEndpoint.endpoint).toEqual({ id: expect.any(String), url: receiver.url, events: ['CHALLENGE_PUBLISHED'] });
    const endpointId: string = createWebhookEndpoint.endpoint.id;
    const challengeId = (await createChallenge(stack.client, owner.token, challengeInput(organizationId, { title: 'Announced by webhook' }))).id;
    await fundAndPublish(stack, owner.token, challengeId, { simulated: true });

    const first = await eventually(async () => {
      const got = receiver.received.find((w) => (JSON.parse(w.rawBody) as { data: { challengeId?: string } }).data.challengeId === challengeId);
      if (!got) throw new Error('not delivered yet');
      return got;
    });
    expect(verifyWebhookSignature(first.rawBody, first.headers['ideagora-signature'] as string, createWebhookEndpoint.signingSecret)).toBe(true);
    const event = JSON.parse(first.rawBody) as { id: string; type: string };
    expect(event.type).toBe('challenge.published');

    const delivery = await eventually(async () => {
      const log = ok(await runContract(stack.client, 'WebhookDeliveries', { endpointId, first: 10 }, key.secret));
      const node = log.webhookEndpoint.deliveries.edges.map((e: { node: Record<string, unknown> }) => e.node).find((n: { eventId: string }) => n.eventId === event.id);
      expect(node).toMatchObject({ eventType: 'CHALLENGE_PUBLISHED', attemptCount: 1, lastStatusCode: 200, deliveredAt: expect.any(String), nextAttemptAt: null });
      return node as { id: string };
    });
    const { redeliverWebhook } = ok(await runContract(stack.client, 'RedeliverWebhook', { input: { deliveryId: delivery.id } }, key.secret));
    expect(redeliverWebhook.delivery.id).toBe(delivery.id);
    // The same event, sent again with a fresh signature: the receiver deduplicates on its id.
    const again = await eventually(async () => {
      const got = receiver.received.filter((w) => (JSON.parse(w.rawBody) as { id: string }).id === event.id);
      if (got.length < 2) throw new Error('not redelivered yet');
      return got[1];
    });
    expect(again.rawBody).toBe(first.rawBody);
    expect(verifyWebhookSignature(again.rawBody, again.headers['ideagora-signature'] as string, createWebhookEndpoint.signingSecret)).toBe(true);
    await eventually(async () => {
      const log = ok(await runContract(stack.client, 'WebhookDeliveries', { endpointId, first: 10 }, key.secret));
      expect(log.webhookEndpoint.deliveries.edges[0].node).toMatchObject({ id: delivery.id, attemptCount: 2, lastStatusCode: 200 });
    });
    // Another organization's owner sees no such endpoint.
    const foreign = await runContract(stack.client, 'WebhookDeliveries', { endpointId, first: 10 }, otherOwner.token);
    expect(foreign.data?.webhookEndpoint ?? null).toBeNull();
  });
});
