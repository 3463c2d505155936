import {
  challengeInput,
  createChallenge,
  createOrganization,
  eventually,
  fundAndPublish,
  publishTestEvent,
  runContract,
  signUpUser,
  sqlStatementCounts,
  startStack,
  type Stack,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';

/** No N+1: a list request costs the same number of SQL statements in every subgraph whatever its page size. */
describe('SQL statements per BrowseChallenges request', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    const sponsor = await signUpUser(stack.client);
    const solvers = await Promise.all([1, 2, 3].map(() => signUpUser(stack.client)));
    const organizations = await Promise.all([1, 2, 3].map(() => createOrganization(stack.client, sponsor.token)));
    const ids: string[] = [];
    for (let i = 0; i < 55; i += 1) {
      const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizations[i % 3], { type: ['IDEATION', 'DESIGN', 'THEORETICAL'][i % 3] }));
      ids.push(challenge.id);
    }
    // Fund them all first, then publish: events are applied in batches instead of one poll per challenge.
    for (const id of ids) await publishTestEvent(stack.databaseUrl, 'FundingSucceeded', { challengeId: id, fundingId: randomUUID() });
    for (const id of ids) await fundAndPublish(stack, sponsor.token, id, { alreadyFunded: true });
    for (const [index, id] of ids.entries()) {
      if (index % 5 !== 0) continue;
      for (const solver of solvers) {
        await eventually(async () => {
          const response = await runContract(stack.client, 'SubmitSolution', { input: { challengeId: id, title: 'Idea', body: 'Details' } }, solver.token);
          expect(response.errors).toBeUndefined();
        });
      }
    }
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  });

  async function statementsFor(first: number, token?: string) {
    const before = await sqlStatementCounts(stack);
    const response = await runContract(stack.client, 'BrowseChallenges', { first }, token);
    expect(response.errors).toBeUndefined();
    expect(response.data!.challenges.edges).toHaveLength(first);
    const after = await sqlStatementCounts(stack);
    return Object.fromEntries(Object.entries(after).map(([name, count]) => [name, count - before[name as keyof typeof before]]));
  }

  it('is the same for first: 5 and first: 50, anonymous and signed in', async () => {
    const viewer = await signUpUser(stack.client);
    for (const token of [undefined, viewer.token]) {
      await statementsFor(5, token); // warm caches (e.g. prepared plans), not counted
      const small = await statementsFor(5, token);
      const large = await statementsFor(50, token);
      expect(large).toEqual(small);
      expect(small.challenges).toBeGreaterThan(0);
      expect(small.submissions).toBeGreaterThan(0);
      // Reported in the issue note.
      console.log(`statements per BrowseChallenges (${token ? 'signed in' : 'anonymous'}): ${JSON.stringify(small)}`);
    }
  });

  it("is the same for a viewer's organizations with their members, for 1 and for 6 organizations", async () => {
    const MEMBERS = `{ viewer { organizations { name viewerRole members { role user { displayName } } } } }`;
    const count = async (token: string, organizations: number) => {
      const before = await sqlStatementCounts(stack);
      const response = await stack.client.request(MEMBERS, {}, { token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.viewer.organizations).toHaveLength(organizations);
      const after = await sqlStatementCounts(stack);
      return Object.fromEntries(Object.entries(after).map(([name, n]) => [name, n - before[name as keyof typeof before]]));
    };
    const few = await signUpUser(stack.client);
    const many = await signUpUser(stack.client);
    await createOrganization(stack.client, few.token);
    for (let i = 0; i < 6; i += 1) await createOrganization(stack.client, many.token);
    await count(few.token, 1); // warm-up, not counted
    expect(await count(many.token, 6)).toEqual(await count(few.token, 1));
  });
});
