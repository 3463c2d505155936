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

  it('gives a mutation its own deadline, checked before each mutation field, and always answers a committed one', async () => {
    const committed: string[] = [];
    const apollo = new ApolloServer({
      typeDefs: 'type Payload { id: ID! echo: String! } type Query { fast: Int! } type Mutation { write(id: ID!): Payload! }',
      resolvers: {
        Query: { fast: () => 1 },
        // 600 ms of work, past the 100 ms request deadline, then committed; its payload resolves after it.
        Mutation: { write: async (_: unknown, { id }: { id: string }) => (await sleep(600), committed.push(id), { id }) },
        Payload: { echo: async ({ id }: { id: string }) => (await sleep(10), `done ${id}`) },
      },
      plugins: [requestDeadlinePlugin(100, 1_000)],
      formatError: createErrorFormatter(createLogger('test', 'silent')),
    });
    await apollo.start();
    try {
      const response = await apollo.executeOperation({ query: 'mutation { a: write(id: "a") { id echo } b: write(id: "b") { id echo } }' });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      // a: past the request deadline, within the mutation's, answered in full; b starts at ~610 ms < 1,000, answered;
      expect(result?.data).toEqual({ a: { id: 'a', echo: 'done a' }, b: { id: 'b', echo: 'done b' } });
      expect(committed).toEqual(['a', 'b']);
      // a third would start at ~1,220 ms, past 1,000: refused before it runs.
      committed.length = 0;
      const three = await apollo.executeOperation({ query: 'mutation { a: write(id: "a") { id } b: write(id: "b") { id } c: write(id: "c") { id } }' });
      const threeResult = three.body.kind === 'single' ? three.body.singleResult : undefined;
      expect(threeResult?.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['c'], 'TIMEOUT']]);
      expect(committed).toEqual(['a', 'b']);
    } finally {
      await apollo.stop();
    }
  });
});
