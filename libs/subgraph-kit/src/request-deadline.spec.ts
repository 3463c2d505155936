import { ApolloServer } from '@apollo/server';
import { createErrorFormatter } from './errors';
import { createLogger } from './logger';
import { requestDeadlinePlugin } from './request-deadline';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('requestDeadlinePlugin', () => {
  it('leaves a request within its deadline untouched', async () => {
    const apollo = new ApolloServer({ typeDefs: 'type Query { fast: Int! }', resolvers: { Query: { fast: () => 1 } }, plugins: [requestDeadlinePlugin(1_000)] });
    await apollo.start();
    try {
      const response = await apollo.executeOperation({ query: '{ fast }' });
      expect(response.body.kind === 'single' && response.body.singleResult).toEqual({ data: { fast: 1 } });
    } finally {
      await apollo.stop();
    }
  });

  it('answers TIMEOUT for the fields that would start after the deadline', async () => {
    const typeDefsChain = 'type Node { next: Node value: Int! } type Query { chain: Node }';
    // Each level waits 30 ms before resolving its `next`: a request that keeps starting new work.
    const node = (depth: number): object => ({ value: depth, next: async () => (await sleep(30), node(depth + 1)) });
    const apollo = new ApolloServer({
      typeDefs: typeDefsChain,
      resolvers: { Query: { chain: () => node(0) }, Node: { next: (parent: { next: () => Promise<object> }) => parent.next() } },
      plugins: [requestDeadlinePlugin(100)],
      formatError: createErrorFormatter(createLogger('test', 'silent')),
    });
    await apollo.start();
    try {
      const levels = 40; // 40 x 30 ms = 1.2 s of work without a deadline
      const query = `{ chain { ${'next { '.repeat(levels)}value${' }'.repeat(levels)} } }`;
      const started = performance.now();
      const response = await apollo.executeOperation({ query });
      const elapsed = performance.now() - started;
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      expect(result?.errors?.map((e) => e.extensions?.code)).toEqual(['TIMEOUT']);
      expect(result?.errors?.[0].message).toBe('The request ran past its deadline of 100 ms');
      expect(elapsed).toBeLessThan(1_000); // stopped after about 100 ms, not 1.2 s
    } finally {
      await apollo.stop();
    }
  });
});
