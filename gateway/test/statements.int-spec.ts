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
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';

/** No N+1: a list request costs the same number of SQL statements in every subgraph whatever its page size. */
const ACCEPT_TERMS = `mutation($input: AcceptChallengeTermsInput!) { acceptChallengeTerms(input: $input) { challenge { id } } }`;

describe('SQL statements per BrowseChallenges request', () => {
  let stack: Stack;
  /** Has accepted the terms of some of the challenges. */
  let termsViewer: TestUser;
  const acceptTerms = (challengeId: string, user: TestUser) => stack.client.request(ACCEPT_TERMS, { input: { challengeId } }, { token: user.token });
  beforeAll(async () => {
    stack = await startStack();
    const sponsor = await signUpUser(stack.client);
    const solvers = await Promise.all([1, 2, 3].map(() => signUpUser(stack.client)));
    termsViewer = await signUpUser(stack.client);
    const organizations = await Promise.all([1, 2, 3].map(() => createOrganization(stack.client, sponsor.token)));
    const ids: string[] = [];
    const hasTerms = (index: number) => index % 4 === 0;
    for (let i = 0; i < 55; i += 1) {
      const terms = hasTerms(i) ? `Terms of challenge ${i}: the IP goes to the sponsor.` : null;
      const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizations[i % 3], { type: ['IDEATION', 'DESIGN', 'THEORETICAL'][i % 3], terms }));
      ids.push(challenge.id);
    }
    // Fund them all first, then publish: events are applied in batches instead of one poll per challenge.
    for (const id of ids) await publishTestEvent(stack.databaseUrl, 'FundingSucceeded', { challengeId: id, fundingId: randomUUID() });
    for (const id of ids) await fundAndPublish(stack, sponsor.token, id, { alreadyFunded: true });
    for (const [index, id] of ids.entries()) {
      if (index % 5 !== 0) continue;
      for (const solver of solvers) {
        await eventually(async () => {
          if (hasTerms(index)) expect((await acceptTerms(id, solver)).errors).toBeUndefined();
          const response = await runContract(stack.client, 'SubmitSolution', { input: { challengeId: id, title: 'Idea', body: 'Details' } }, solver.token);
          expect(response.errors).toBeUndefined();
        });
      }
    }
    for (const [index, id] of ids.entries()) {
      if (hasTerms(index) && index % 8 === 0) await eventually(async () => expect((await acceptTerms(id, termsViewer)).errors).toBeUndefined());
    }
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  });

  /** The contract's BrowseChallenges, or `query` (variable `$first`). */
  async function statementsFor(first: number, token?: string, query?: string) {
    const before = await sqlStatementCounts(stack);
    const response = query ? await stack.client.request(query, { first }, { token }) : await runContract(stack.client, 'BrowseChallenges', { first }, token);
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

  it('costs ONE statement more with terms and viewerHasAcceptedTerms, whatever the page size (none when anonymous)', async () => {
    const browse = (fields: string) => `query($first: Int) { challenges(first: $first) { edges { node { id terms submissionCount ${fields} } } } }`;
    const withAcceptance = browse('viewerHasAcceptedTerms');
    for (const token of [undefined, termsViewer.token]) {
      await statementsFor(5, token, browse('')); // warm-up, not counted
      await statementsFor(5, token, withAcceptance);
      const without = await statementsFor(50, token, browse(''));
      const small = await statementsFor(5, token, withAcceptance);
      const large = await statementsFor(50, token, withAcceptance);
      expect(large).toEqual(small);
      expect(large.submissions - without.submissions).toBe(token ? 1 : 0);
      expect(large.challenges).toBe(without.challenges);
    }
    // And the answers are the viewer's: accepted on some challenges with terms, on none without.
    const page = await stack.client.request(withAcceptance, { first: 55 }, { token: termsViewer.token });
    const nodes: { terms: string | null; viewerHasAcceptedTerms: boolean }[] = page.data!.challenges.edges.map((e: any) => e.node);
    expect(nodes.filter((n) => n.viewerHasAcceptedTerms).length).toBeGreaterThan(0);
    expect(nodes.filter((n) => n.viewerHasAcceptedTerms && n.terms === null)).toEqual([]);
    expect(nodes.filter((n) => n.terms !== null && !n.viewerHasAcceptedTerms).length).toBeGreaterThan(0);
  });

  it('the browse page with its money (funding, prizes, awards, payouts) is the same for 5 and 50; signed in, payouts reads the role only', async () => {
    // The benchmark's Q1 page (tools/bench/src/scenarios.ts BROWSE_FULL, without the viewer).
    const FULL = `query($first: Int) { challenges(first: $first) { edges { node {
      id title status visibility totalPrize { amountMinor currency } organization { id name }
      prizes { rank label amount { amountMinor currency } award { id prizeRank awardedAt payouts { status amount { amountMinor currency } } } }
      funding { status } submissionCount viewerSubmissions { id status version } } } } }`;
    const viewer = await signUpUser(stack.client);
    await statementsFor(5, viewer.token, FULL); // warm-up, not counted
    const anonymous = await statementsFor(50, undefined, FULL);
    const small = await statementsFor(5, viewer.token, FULL);
    const large = await statementsFor(50, viewer.token, FULL);
    expect(large).toEqual(small);
    // Each payouts fetch reads the viewer's role in the sponsors (one statement, batched); no invitation read, since
    // every challenge here is published and PUBLIC (an invitation changes nothing there).
    expect(large.payouts - anonymous.payouts).toBeLessThanOrEqual(2);
    console.log(`statements per full browse page: anonymous ${JSON.stringify(anonymous)}, signed in ${JSON.stringify(large)}`);
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
