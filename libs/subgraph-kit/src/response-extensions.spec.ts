import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ResponseExtensions, responseExtensionsPlugin, type WithResponseExtensions } from './response-extensions';

describe('responseExtensionsPlugin', () => {
  const typeDefs = 'type Query { plain: Int! } type Mutation { revoke(id: ID!): ID! fail: ID! }';
  const resolvers = {
    Query: { plain: () => 1 },
    Mutation: {
      revoke: (_: unknown, { id }: { id: string }, ctx: WithResponseExtensions) => {
        ctx.responseExtensions!.append('ideagora', 'revokedApiKeyIds', id);
        return id;
      },
      fail: () => {
        throw new Error('nothing committed');
      },
    },
  };

  const otherExtensionsPlugin = (extensions: Record<string, unknown>): ApolloServerPlugin<WithResponseExtensions> => ({
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') response.body.singleResult.extensions = { ...extensions };
        },
      };
    },
  });

  async function run(query: string, existing?: Record<string, unknown>) {
    const apollo = new ApolloServer<WithResponseExtensions>({
      typeDefs,
      resolvers,
      plugins: [
        // Another plugin that answers extensions of its own, before ours runs: ours must keep them.
        ...(existing ? [otherExtensionsPlugin(existing)] : []),
        responseExtensionsPlugin(),
      ],
    });
    await apollo.start();
    try {
      const response = await apollo.executeOperation({ query }, { contextValue: { responseExtensions: new ResponseExtensions() } });
      return response.body.kind === 'single' ? response.body.singleResult : undefined;
    } finally {
      await apollo.stop();
    }
  }

  it('adds nothing to a response whose request added nothing, nor when the resolver failed before adding', async () => {
    expect(await run('{ plain }')).toEqual({ data: { plain: 1 } });
    expect((await run('mutation { fail }'))?.extensions).toBeUndefined();
  });

  it('merges what the request added under its namespace, appending each value in order', async () => {
    const result = await run('mutation { a: revoke(id: "k1") b: revoke(id: "k2") }');
    expect(result?.data).toEqual({ a: 'k1', b: 'k2' });
    expect(result?.extensions).toEqual({ ideagora: { revokedApiKeyIds: ['k1', 'k2'] } });
  });

  it('keeps what other plugins put in the extensions', async () => {
    const result = await run('mutation { revoke(id: "k1") }', { other: { kept: true }, ideagora: { alsoKept: 1 } });
    expect(result?.extensions).toEqual({ other: { kept: true }, ideagora: { alsoKept: 1, revokedApiKeyIds: ['k1'] } });
  });
});
