import { operationCost } from '@ideagora/subgraph-kit';
import { GraphQLTestClient, signUpUser, startStack, type Stack } from '@ideagora/testing';
import { buildSchema, parse } from 'graphql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { RATE_LIMIT_RULES } from '../src/rate-limits/rate-limit.rules';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { viewer { id } } }`;
const SIGN_UPS_PER_MINUTE = RATE_LIMIT_RULES.find((rule) => rule.name === 'sign-up-minute')!.points;

/** Per-address limits, counted in Postgres and so shared by every gateway process (issue 10). */
describe('rate limits per client address, across gateway processes', () => {
  let stack: Stack;
  let db: Client;
  let gateways: string[];

  async function signUp(gatewayUrl: string, address: string | null) {
    const email = `rate-${randomUUID()}@example.test`;
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(address ? { 'x-forwarded-for': address } : {}) },
      body: JSON.stringify({ query: SIGN_UP, variables: { input: { email, password: 'correct horse battery', displayName: 'Rate' } } }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), email, body };
  }
  const accounts = async (email: string) => Number((await db.query(`select count(*) from solvers.user_account where email = $1`, [email])).rows[0].count);

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    // Two gateways with the real limits (the stack's own is scaled up for the other tests), X-Forwarded-For believed
    // from loopback as from a load balancer.
    gateways = [await stack.startAnotherGateway({ RATE_LIMIT_SCALE: '1' }), await stack.startAnotherGateway({ RATE_LIMIT_SCALE: '1' })];
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it(`refuses the ${SIGN_UPS_PER_MINUTE + 1}th sign-up from one address in a minute, whichever gateway gets it, and only for that address`, async () => {
    const address = '203.0.113.7';
    for (let i = 0; i < SIGN_UPS_PER_MINUTE; i += 1) {
      const ok = await signUp(gateways[i % 2]!, address);
      expect([i, ok.status, ok.body.errors]).toEqual([i, 200, undefined]);
    }
    const refused = await signUp(gateways[SIGN_UPS_PER_MINUTE % 2]!, address);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    const retryAfterSeconds = refused.body.errors![0]!.extensions!.retryAfterSeconds as number;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.retryAfter).toBe(String(retryAfterSeconds));
    expect(refused.body.errors![0]!.message).toMatch(/^Too many sign-ups from your network\. Try again in \d+ seconds?\.$/);
    expect(await accounts(refused.email)).toBe(0); // refused before any subgraph was called
    // The other gateway counts the same budget.
    expect((await signUp(gateways[(SIGN_UPS_PER_MINUTE + 1) % 2]!, address)).status).toBe(429);
    // Another address is not affected.
    const other = await signUp(gateways[0]!, '198.51.100.23');
    expect(other.body.errors).toBeUndefined();
    expect(await accounts(other.email)).toBe(1);
  });

  it('believes X-Forwarded-For only from a trusted proxy: a client cannot dodge the limit by inventing addresses', async () => {
    const untrusting = await stack.startAnotherGateway({ RATE_LIMIT_SCALE: '1', TRUSTED_PROXIES: '' });
    const answers: number[] = [];
    for (let i = 0; i <= SIGN_UPS_PER_MINUTE; i += 1) answers.push((await signUp(untrusting, `192.0.2.${i + 1}`)).status);
    // Every request came from this test's own address (loopback): the invented ones were ignored.
    expect(answers.slice(0, SIGN_UPS_PER_MINUTE)).toEqual(Array(SIGN_UPS_PER_MINUTE).fill(200));
    expect(answers[SIGN_UPS_PER_MINUTE]).toBe(429);
  });

  it('keeps its counters in one Postgres table that every gateway shares', async () => {
    const rows = await db.query(`select key, points from gateway.rate_limit where key like 'sign-up-minute:address:%' order by key`);
    expect(rows.rows.map((r) => r.key)).toEqual(
      expect.arrayContaining(['sign-up-minute:address:203.0.113.7', 'sign-up-minute:address:198.51.100.23']),
    );
  });
});

/** Budgets of estimated query cost per address and per account (issue 10: "expensive queries"), and of votes per account (issue 14). */
describe('budgets of query cost, per address and per account', () => {
  let stack: Stack;
  let gateways: string[];
  const budget = (name: string) => RATE_LIMIT_RULES.find((rule) => rule.name === name)!.points;
  // Within every limit of one operation (aliases 11 of 30, cost under 50,000), but costly: the shape of a scraper.
  const COSTLY = `query Costly { ${Array.from({ length: 11 }, (_, i) => `a${i}: challenges(first: 100) { edges { node { id title prizes { rank label } } } }`).join(' ')} }`;
  const cost = operationCost(buildSchema(readFileSync(join(__dirname, '..', '..', 'web', 'schema.graphql'), 'utf8')), parse(COSTLY), 'Costly', {})!;

  async function costly(gatewayUrl: string, address: string, token?: string) {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: COSTLY }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  }

  beforeAll(async () => {
    stack = await startStack();
    gateways = [await stack.startAnotherGateway({ RATE_LIMIT_SCALE: '1' }), await stack.startAnotherGateway({ RATE_LIMIT_SCALE: '1' })];
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('serves an address its minute of costly queries, then refuses it on every gateway, and only it', async () => {
    expect(cost).toBeGreaterThan(40_000); // the shape is as costly as intended
    expect(cost).toBeLessThan(50_000);
    const served = Math.floor(budget('query-cost-address') / cost);
    const address = '203.0.113.99';
    for (let i = 0; i < served; i += 1) {
      const ok = await costly(gateways[i % 2]!, address);
      expect([i, ok.status, ok.body.errors]).toEqual([i, 200, undefined]);
    }
    const refused = await costly(gateways[served % 2]!, address);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    expect(refused.body.errors![0]!.message).toMatch(/^Too many expensive requests from your network\. Try again in \d+ seconds?\.$/);
    expect(refused.retryAfter).toBe(String(refused.body.errors![0]!.extensions!.retryAfterSeconds));
    expect((await costly(gateways[(served + 1) % 2]!, address)).status).toBe(429);
    // A cheap query from that address spends from the same budget: refused too, until the minute ends.
    const cheap = await fetch(gateways[0]!, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(cheap.status).toBe(429);
    // Another address is served.
    expect((await costly(gateways[0]!, '198.51.100.99')).body.errors).toBeUndefined();
  });

  it("counts a signed-in account's costly queries whatever addresses it comes from", async () => {
    const user = await signUpUser(new GraphQLTestClient(gateways[0]!));
    const served = Math.floor(budget('query-cost-account') / cost);
    for (let i = 0; i < served; i += 1) {
      const ok = await costly(gateways[i % 2]!, `192.0.2.${i + 1}`, user.token);
      expect([i, ok.status, ok.body.errors]).toEqual([i, 200, undefined]);
    }
    const refused = await costly(gateways[served % 2]!, '192.0.2.200', user.token);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.message).toMatch(/^Too many expensive requests\. Try again in \d+ seconds?\.$/);
  });

  it("counts an account's votes, cast and withdrawn, whatever addresses they come from, on every gateway", async () => {
    const user = await signUpUser(new GraphQLTestClient(gateways[1]!));
    const votes = budget('votes-account');
    const VOTE = `mutation($input: CastVoteInput!) { castVote(input: $input) { vote { id } } }`;
    const WITHDRAW = `mutation($input: WithdrawVoteInput!) { withdrawVote(input: $input) { submission { id } } }`;
    const send = async (i: number) => {
      const response = await fetch(gateways[i % 2]!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.18.${i >> 8}.${i & 255}`, authorization: `Bearer ${user.token}` },
        // An entry that does not exist: submissions answers NOT_FOUND, but the gateway has counted the vote first.
        body: JSON.stringify({ query: i % 3 === 0 ? WITHDRAW : VOTE, variables: { input: { submissionId: randomUUID() } } }),
      });
      return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } };
    };
    for (let i = 0; i < votes; i += 1) {
      const answer = await send(i);
      expect([i, answer.status, answer.body.errors?.[0]?.extensions?.code]).toEqual([i, 200, 'NOT_FOUND']);
    }
    const refused = await send(votes);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    expect(refused.body.errors![0]!.message).toMatch(/^Too many votes\. Try again in \d+ (seconds?|minutes?)\.$/);
    expect((await send(votes + 1)).status).toBe(429);
  });
});
