import { IDENTITY_HEADER, issueUserToken, signIdentity, verifyIdentity, type Identity } from '@ideagora/auth';
import { errorCodes, GraphQLTestClient, requestSubgraph, signUpUser, startStack, SUBGRAPHS, TEST_SECRETS, type Stack } from '@ideagora/testing';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

describe('identity between the gateway and the subgraphs', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const serviceQuery = '{ _service { sdl } }';
  const entitiesQuery = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

  it.each(SUBGRAPHS)('%s answers 401 without the gateway signature, _service and _entities included', async (name) => {
    for (const query of [serviceQuery, entitiesQuery, '{ __typename }']) {
      const response = await requestSubgraph(stack, name, query, { r: [] }, null, { identityHeader: null });
      expect(response.status).toBe(401);
      expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(response.body.data).toBeUndefined();
    }
  });

  it.each(SUBGRAPHS)('%s answers 401 to a forged, expired, mis-addressed or user-token identity', async (name) => {
    const other = name === 'solvers' ? 'payouts' : 'solvers';
    const forgedHeaders = [
      await signIdentity({ userId: null, scopes: [] }, name, 'not-the-real-secret-0123456789-abcdefghij', 60),
      await signIdentity({ userId: null, scopes: [] }, name, TEST_SECRETS.GATEWAY_IDENTITY_SECRET, -30),
      await signIdentity({ userId: null, scopes: [] }, other, TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60),
      await issueUserToken('00000000-0000-7000-8000-000000000000', TEST_SECRETS.AUTH_TOKEN_SECRET, 60),
      'garbage',
    ];
    for (const identityHeader of forgedHeaders) {
      const response = await requestSubgraph(stack, name, serviceQuery, {}, null, { identityHeader });
      expect(response.status).toBe(401);
    }
  });

  it.each(SUBGRAPHS)('%s serves a request the gateway signed for it', async (name) => {
    const response = await requestSubgraph(stack, name, serviceQuery, {}, null);
    expect(response.status).toBe(200);
    expect(response.body.data._service.sdl).toContain('@key');
  });

  it('the subgraph endpoint refuses malformed, oversized and cross-site requests with clear errors', async () => {
    const identity = await signIdentity({ userId: null, scopes: [] }, 'solvers', TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
    const url = stack.subgraphUrls.solvers;
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity, ...headers }, body });

    const malformed = await post('{"query": "{ __typename }"');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors[0].extensions.code).toBe('BAD_REQUEST');

    const oversized = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(3 * 1024 * 1024) } }));
    expect(oversized.status).toBe(413);

    // A body too large is refused without its identity being trusted first: identity is checked before reading.
    const anonymousOversized = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(3 * 1024 * 1024) });
    expect(anonymousOversized.status).toBe(401);

    const simpleGet = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { [IDENTITY_HEADER]: identity } });
    expect(simpleGet.status).toBe(400);
    expect(await simpleGet.text()).toContain('CSRF');

    const preflightedGet = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { [IDENTITY_HEADER]: identity, 'apollo-require-preflight': 'true' } });
    expect(preflightedGet.status).toBe(200);
    expect(await preflightedGet.json()).toEqual({ data: { __typename: 'Query' } });

    const health = await fetch(url.replace(/\/graphql$/, '/health'));
    expect(await health.json()).toEqual({ status: 'ok', service: 'solvers' });
  });

  it('ignores identity headers a client sends to the gateway', async () => {
    const victim = await signUpUser(stack.client);
    const forged = await signIdentity({ userId: victim.id, scopes: ['user'] }, 'solvers', TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
    const response = await stack.client.request('{ viewer { id email } }', {}, {
      headers: { [IDENTITY_HEADER]: forged, 'x-user-id': victim.id, 'x-forwarded-user': victim.id },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.viewer).toBeNull();
  });

  it('signs the client address it resolved: a subgraph sees it; X-Forwarded-For is believed from trusted proxies only', async () => {
    // A stand-in for challenges verifies each identity as every subgraph does (audience, signature) and keeps it.
    const seen: Identity[] = [];
    const challenges = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        void verifyIdentity(String(req.headers[IDENTITY_HEADER]), 'challenges', TEST_SECRETS.GATEWAY_IDENTITY_SECRET).then((identity) => {
          seen.push(identity);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { challenge: null } }));
        });
      });
    });
    await new Promise<void>((resolve) => challenges.listen(0, '127.0.0.1', resolve));
    try {
      const CHALLENGES_URL = `http://127.0.0.1:${(challenges.address() as AddressInfo).port}/graphql`;
      const query = '{ challenge(id: "00000000-0000-7000-8000-000000000000") { id } }';
      const behindProxy = new GraphQLTestClient(await stack.startAnotherGateway({ CHALLENGES_URL, TRUSTED_PROXIES: 'loopback' }));
      const direct = new GraphQLTestClient(await stack.startAnotherGateway({ CHALLENGES_URL, TRUSTED_PROXIES: '' }));
      const user = await signUpUser(stack.client);

      // From a trusted proxy (loopback here): the client it names. (The stand-in's null challenge is the gateway's
      // NOT_FOUND: only what reached the subgraph matters here.)
      await behindProxy.request(query, {}, { token: user.token, headers: { 'x-forwarded-for': '203.0.113.9' } });
      // No proxy in between: the peer itself.
      await behindProxy.request(query);
      // An untrusted peer's X-Forwarded-For is the client's own claim: not believed.
      await direct.request(query, {}, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(seen).toHaveLength(3);
      expect(seen[0]).toEqual({ userId: user.id, scopes: ['user'], clientAddress: '203.0.113.9' });
      expect(seen[1].clientAddress).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
      expect(seen[2].clientAddress).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    } finally {
      await new Promise<void>((resolve) => challenges.close(() => resolve()));
    }
  }, 60_000);

  it('rejects a bad or expired bearer token with 401 UNAUTHENTICATED', async () => {
    const user = await signUpUser(stack.client);
    const expired = await issueUserToken(user.id, TEST_SECRETS.AUTH_TOKEN_SECRET, -5);
    const forged = await issueUserToken(user.id, 'someone-elses-secret-0123456789-abcdefghij', 60);
    for (const token of [expired, forged, 'not-a-jwt']) {
      const response = await stack.client.request('{ viewer { id } }', {}, { token });
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    }
    const malformed = await stack.client.request('{ viewer { id } }', {}, { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
  });

  it('blocks cross-site simple requests (CSRF prevention)', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ viewer { id } }')}`, { method: 'GET' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });

  it('does not leak internals in errors', async () => {
    const response = await stack.client.request('{ challenge(id: "00000000-0000-7000-8000-000000000000") { id } }');
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    const serialized = JSON.stringify(response);
    expect(serialized).not.toMatch(/stacktrace|select |postgres/i);
  });
});
