import { errorCodes, GraphQLTestClient, startStack, type Stack } from '@ideagora/testing';

describe('gateway in production mode', () => {
  let stack: Stack;
  let production: GraphQLTestClient;
  beforeAll(async () => {
    stack = await startStack();
    production = new GraphQLTestClient(await stack.startAnotherGateway({ NODE_ENV: 'production' }));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses introspection in production and allows it in development/test', async () => {
    const query = '{ __schema { queryType { name } } }';
    const prod = await production.request(query);
    expect(errorCodes(prod)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(prod.data).toBeUndefined();
  });

  it('shows no landing page in production', async () => {
    const response = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('<html');
  });

  it('answers errors with message and code only: no stack traces, no service names', async () => {
    const response = await production.request('{ challenge(id: "00000000-0000-7000-8000-000000000000") { id } }');
    expect(response.errors).toEqual([expect.objectContaining({ message: expect.any(String), path: ['challenge'], extensions: { code: 'NOT_FOUND' } })]);
    expect(Object.keys(response.errors![0]).sort()).toEqual(expect.arrayContaining(['extensions', 'message', 'path']));
    const bad = await production.request('mutation { signUp(input: { email: "x", password: "short", displayName: "" }) { token } }');
    expect(bad.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: expect.any(String) });
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|serviceName/);
  });
});
