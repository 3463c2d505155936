import type { Identity } from '@ideagora/auth';
import { buildSchema, graphql, GraphQLError, type GraphQLSchema } from 'graphql';
import { guardApiKeyScopes } from './api-key-scopes';

const typeDefs = `
  type Query { challenge: Challenge, me: String }
  type Mutation { createChallenge: String, createApiKey: String }
  type Challenge { id: ID!, title: String, submissions: [String!] }
`;
const resolvers = {
  Query: { challenge: () => ({ id: 'c1', title: 'T', submissions: ['s1'] }), me: () => 'me' },
  Mutation: { createChallenge: () => 'created', createApiKey: () => 'secret' },
};
const rules = { 'Query.challenge': 'CHALLENGES_READ', 'Mutation.createChallenge': ['CHALLENGES_WRITE'], 'Challenge.submissions': 'SUBMISSIONS_READ' } as const;
function makeSchema(): GraphQLSchema {
  const built = buildSchema(typeDefs);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = built.getType(typeName) as import('graphql').GraphQLObjectType;
    for (const [name, resolve] of Object.entries(fields)) type.getFields()[name]!.resolve = resolve;
  }
  return built;
}
const schema = guardApiKeyScopes(makeSchema(), rules);

const person: Identity = { userId: 'u1', scopes: ['user'] };
const key = (...scopes: string[]): Identity => ({ userId: 'k1', scopes, apiKey: { id: 'k1', organizationId: 'o1' } });
const run = async (source: string, identity: Identity) => {
  const result = await graphql({ schema, source, contextValue: { identity } });
  return { data: result.data, codes: (result.errors ?? []).map((e: GraphQLError) => `${e.path?.join('.')}:${(e.originalError as { code?: string } | undefined)?.code}`) };
};

describe('guardApiKeyScopes', () => {
  it('leaves people alone', async () => {
    expect(await run('{ me challenge { submissions } }', person)).toEqual({ data: { me: 'me', challenge: { submissions: ['s1'] } }, codes: [] });
    expect((await run('mutation { createApiKey }', person)).codes).toEqual([]);
  });

  it('refuses a key every root field not listed, whatever its scopes (default deny)', async () => {
    const all = key('CHALLENGES_READ', 'CHALLENGES_WRITE', 'SUBMISSIONS_READ', 'AWARDS_WRITE', 'WEBHOOKS_MANAGE');
    expect((await run('{ me }', all)).codes).toEqual(['me:FORBIDDEN']);
    expect((await run('mutation { createApiKey }', all)).codes).toEqual(['createApiKey:FORBIDDEN']);
  });

  it('lets a key use a listed field only with its scope, at the root and nested', async () => {
    expect((await run('{ challenge { id } }', key())).codes).toEqual(['challenge:FORBIDDEN']);
    expect(await run('{ challenge { id title } }', key('CHALLENGES_READ'))).toEqual({ data: { challenge: { id: 'c1', title: 'T' } }, codes: [] });
    expect((await run('{ challenge { submissions } }', key('CHALLENGES_READ'))).codes).toEqual(['challenge.submissions:FORBIDDEN']);
    expect((await run('{ challenge { submissions } }', key('CHALLENGES_READ', 'SUBMISSIONS_READ'))).codes).toEqual([]);
    expect((await run('mutation { createChallenge }', key('CHALLENGES_READ'))).codes).toEqual(['createChallenge:FORBIDDEN']);
    expect((await run('mutation { createChallenge }', key('CHALLENGES_WRITE'))).codes).toEqual([]);
  });

  it('refuses at start a rule that names no field (a typo would otherwise open or close nothing)', () => {
    expect(() => guardApiKeyScopes(makeSchema(), { 'Query.challenges': 'CHALLENGES_READ' })).toThrow(/Query.challenges/);
  });
});
