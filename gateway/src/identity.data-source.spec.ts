import { randomUUID } from 'node:crypto';
import type { GatewayContext } from './gateway.context';
import { IdentityDataSource } from './identity.data-source';

describe('IdentityDataSource: revocations in subgraph answers', () => {
  const limits = { timeoutMs: 1000, maxResponseBytes: 1024 };
  function source(name: string) {
    const revoked: string[][] = [];
    const dataSource = new IdentityDataSource(name, 'http://127.0.0.1:1/graphql', 'x'.repeat(40), 60, limits, 1000, async (ids) => void revoked.push(ids));
    const receive = (response: Record<string, unknown>) =>
      dataSource.didReceiveResponse({ response, request: {}, context: {} as GatewayContext } as unknown as Parameters<IdentityDataSource['didReceiveResponse']>[0]);
    return { revoked, receive };
  }

  it("revokes the keys challenges names, before the answer goes on, and never passes the extension on", async () => {
    const { revoked, receive } = source('challenges');
    const id = randomUUID();
    const response = await receive({ data: { revokeApiKey: { id } }, extensions: { ideagora: { revokedApiKeyIds: [id] } } });
    expect(revoked).toEqual([[id]]);
    expect(response).toEqual({ data: { revokeApiKey: { id } } });
  });

  it('ignores (and removes) the extension from any other subgraph, and answers without one unchanged', async () => {
    for (const name of ['solvers', 'submissions', 'payouts']) {
      const { revoked, receive } = source(name);
      const response = await receive({ data: {}, extensions: { ideagora: { revokedApiKeyIds: [randomUUID()] }, other: 1 } });
      expect(revoked).toEqual([]);
      expect(response).toEqual({ data: {}, extensions: { other: 1 } });
    }
    const { revoked, receive } = source('challenges');
    expect(await receive({ data: { a: 1 } })).toEqual({ data: { a: 1 } });
    expect(await receive({ data: { a: 1 }, extensions: { ideagora: { revokedApiKeyIds: 'nope' } } })).toEqual({ data: { a: 1 } });
    expect(revoked).toEqual([]);
  });
});
