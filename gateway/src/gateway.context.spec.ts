import { generateApiKeySecret, issueUserToken } from '@ideagora/auth';
import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { ApiKeyVerdict } from './api-keys/api-key.registry';
import { createGatewayContext } from './gateway.context';

const SECRET = 'test-auth-token-secret-0123456789-abcdefghij';

describe('createGatewayContext: bearer credentials', () => {
  const keyId = randomUUID();
  const organizationId = randomUUID();
  const keySecret = generateApiKeySecret(keyId);
  const registry = (verdict: ApiKeyVerdict) => ({ seen: [] as string[], authenticate(secret: string) {
    this.seen.push(secret);
    return Promise.resolve(verdict);
  } });
  const refusal = async (promise: Promise<unknown>) => {
    const error = (await promise.then(() => undefined, (e: unknown) => e)) as GraphQLError;
    return { message: error.message, extensions: error.extensions };
  };

  it("an API key goes through the registry: the key's identity", async () => {
    const identity = { userId: keyId, scopes: ['CHALLENGES_READ'], apiKey: { id: keyId, organizationId } };
    const keys = registry({ ok: true, identity });
    const context = await createGatewayContext({ authorization: `Bearer ${keySecret}` }, SECRET, '203.0.113.1', keys);
    expect(context.viewer).toEqual(identity);
    expect(keys.seen).toEqual([keySecret]);
  });

  it('a bad or revoked key is a 401 with a plain message, as a bad token is', async () => {
    const status = { code: 'UNAUTHENTICATED', http: { status: 401 } };
    const headers = { authorization: `Bearer ${keySecret}` };
    expect(await refusal(createGatewayContext(headers, SECRET, null, registry({ ok: false, reason: 'invalid' })))).toEqual({ message: 'Invalid API key', extensions: status });
    expect(await refusal(createGatewayContext(headers, SECRET, null, registry({ ok: false, reason: 'revoked' })))).toEqual({ message: 'This API key has been revoked', extensions: status });
    expect(await refusal(createGatewayContext(headers, SECRET, null))).toEqual({ message: 'Invalid API key', extensions: status });
    expect(await refusal(createGatewayContext({ authorization: 'Bearer not-a-token' }, SECRET, null))).toEqual({ message: 'Invalid token', extensions: status });
  });

  it('a user token does not reach the registry', async () => {
    const keys = registry({ ok: false, reason: 'invalid' });
    const userId = randomUUID();
    const context = await createGatewayContext({ authorization: `Bearer ${await issueUserToken(userId, SECRET, 60)}` }, SECRET, null, keys);
    expect(context.viewer).toEqual({ userId, scopes: ['user'] });
    expect(keys.seen).toEqual([]);
  });
});
