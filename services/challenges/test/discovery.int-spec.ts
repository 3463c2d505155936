/**
 * Discovery: the `challenges` listing's sorts (keyset, id as the tie-break), totalCount and pageCursors, prefix and
 * sponsor-name search, the creatable currencies; through the gateway, on real Postgres.
 */
import {
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  fundAndPublish,
  runContract,
  signUpUser,
  sqlStatementCounts,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';

const BROWSE = `query($first: Int, $after: String, $filter: ChallengeFilter, $sort: ChallengeSort) {
  challenges(first: $first, after: $after, filter: $filter, sort: $sort) {
    edges { cursor node { id title status submissionDeadline totalPrize { amountMinor currency } organization { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const COUNTED = `query($first: Int, $after: String, $filter: ChallengeFilter, $sort: ChallengeSort) {
  challenges(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageCursors
    edges { node { id title organization { name } prizes { rank amount { amountMinor } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const DAY = 24 * 3600 * 1000;

describe('discovery: sorts, counts, page cursors and search', () => {
  let stack: Stack;
  let sponsor: TestUser;
  let tag: string;
  /** c0 … c6 in creation order (see beforeAll). */
  let c: string[];
  const base = new Date(Date.now() + 3 * DAY);
  base.setUTCMilliseconds(0);
  const at = (days: number) => new Date(base.getTime() + days * DAY).toISOString();

  beforeAll(async () => {
    stack = await startStack();
    sponsor = await signUpUser(stack.client);
    tag = `zd${Date.now().toString(36)}`;
    const aquatech = await createOrganization(stack.client, sponsor.token, 'Aquatech Water');
    const brandly = await createOrganization(stack.client, sponsor.token, 'Brandly Studio');
    const specs: { org: string; title: string; currency: string; amount: string; deadline: number; description?: string }[] = [
      { org: aquatech, title: 'Desalination at village scale', currency: 'USD', amount: '500000', deadline: 10 },
      { org: aquatech, title: 'Solar stills for islands', currency: 'USD', amount: '500000', deadline: 5 },
      { org: aquatech, title: 'A theory of membrane fouling', currency: 'JPY', amount: '900000', deadline: 5, description: 'Why membranes fouled below 2 bar.' },
      { org: brandly, title: 'Logo for a grocery chain', currency: 'USD', amount: '700000', deadline: 20 },
      { org: brandly, title: 'Compostable packaging', currency: 'USD', amount: '500000', deadline: 10 },
      { org: brandly, title: 'Draft shelf labels', currency: 'USD', amount: '500000', deadline: 1 }, // stays a DRAFT
      { org: brandly, title: 'Store signage', currency: 'USD', amount: '100000', deadline: 2 }, // closed: JUDGING
    ];
    c = [];
    for (const spec of specs) {
      const challenge = await createChallenge(
        stack.client,
        sponsor.token,
        challengeInput(spec.org, {
          title: spec.title,
          summary: `Wanted ${tag}.`,
          description: spec.description ?? 'Details follow.',
          currency: spec.currency,
          prizes: [{ rank: 1, label: 'Prize', amountMinor: spec.amount }],
          submissionDeadline: at(spec.deadline),
        }),
      );
      c.push(challenge.id);
    }
    for (const [i, id] of c.entries()) if (i !== 5) await fundAndPublish(stack, sponsor.token, id, { simulated: true });
    const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId: c[6] }, sponsor.token);
    expect(closed.errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const browse = async (variables: Record<string, unknown>, token?: string, query = BROWSE) => {
    const { filter, ...rest } = variables;
    return stack.client.request(query, { first: 20, ...rest, filter: { search: tag, ...(filter as object) } }, { token });
  };
  const ids = (response: { errors?: unknown; data?: any }) => {
    expect(response.errors).toBeUndefined();
    return response.data!.challenges.edges.map((e: any) => e.node.id);
  };
  /** Every page of a listing with `first`, following endCursor: the ids in order, each page's length checked. */
  const walk = async (variables: Record<string, unknown>, first: number, token?: string) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const response = await browse({ ...variables, first, after }, token);
      const pageIds = ids(response);
      seen.push(...pageIds);
      const { hasNextPage, endCursor } = response.data!.challenges.pageInfo;
      if (!hasNextPage) return seen;
      expect(pageIds).toHaveLength(first);
      after = endCursor;
    }
    throw new Error('too many pages');
  };

  it('sorts newest first by default (the contract), by deadline and by prize, with the id breaking ties', async () => {
    const newest = [c[6], c[4], c[3], c[2], c[1], c[0]];
    expect(ids(await browse({}))).toEqual(newest);
    expect(ids(await browse({ sort: 'NEWEST' }))).toEqual(newest);
    const contract = await runContract(stack.client, 'BrowseChallenges', { first: 20, filter: { search: tag } });
    expect(contract.data!.challenges.edges.map((e: any) => e.node.id)).toEqual(newest);

    // Deadlines: c6 +2 (JUDGING), c1 and c2 +5, c0 and c4 +10, c3 +20; ties by id ascending (ids grow with creation).
    expect(ids(await browse({ sort: 'DEADLINE_SOONEST' }))).toEqual([c[6], c[1], c[2], c[0], c[4], c[3]]);
    expect(ids(await browse({ sort: 'DEADLINE_SOONEST', filter: { status: 'OPEN' } }))).toEqual([c[1], c[2], c[0], c[4], c[3]]);
    // The sponsor also sees its draft (deadline +1) in the same order.
    expect(ids(await browse({ sort: 'DEADLINE_SOONEST' }, sponsor.token))).toEqual([c[5], c[6], c[1], c[2], c[0], c[4], c[3]]);

    // Prizes within USD: c3 700000, then c0, c1, c4 at 500000 (ties by id descending: newest first), c6 100000.
    const usd = await browse({ sort: 'PRIZE_HIGHEST', filter: { currency: 'usd' } });
    expect(ids(usd)).toEqual([c[3], c[4], c[1], c[0], c[6]]);
    expect(usd.data!.challenges.edges.map((e: any) => e.node.totalPrize.amountMinor)).toEqual(['700000', '500000', '500000', '500000', '100000']);
    expect(ids(await browse({ sort: 'PRIZE_HIGHEST', filter: { currency: 'JPY' } }))).toEqual([c[2]]);
    expect(ids(await browse({ sort: 'PRIZE_HIGHEST', filter: { currency: 'USD', minTotalPrizeMinor: '500000', status: 'OPEN' } }))).toEqual([c[3], c[4], c[1], c[0]]);
  });

  it('pages every sort with its own cursors: each row once, in order, whatever the page size', async () => {
    const cases: Record<string, unknown>[] = [
      {},
      { sort: 'DEADLINE_SOONEST' },
      { sort: 'DEADLINE_SOONEST', filter: { status: 'OPEN' } },
      { sort: 'PRIZE_HIGHEST', filter: { currency: 'USD' } },
    ];
    for (const variables of cases) {
      const all = ids(await browse(variables));
      for (const first of [1, 2, 4]) expect(await walk(variables, first)).toEqual(all);
    }
    // Ties straddling a page boundary (c1|c2 on the deadline, c4|c1|c0 on the prize) are neither lost nor repeated.
    expect(await walk({ sort: 'PRIZE_HIGHEST', filter: { currency: 'USD' } }, 2)).toEqual([c[3], c[4], c[1], c[0], c[6]]);
  });

  it('refuses a cursor of another sort, a malformed cursor, an unknown sort and a prize sort without a currency (BAD_USER_INPUT)', async () => {
    const newestCursor = (await browse({ first: 1 })).data!.challenges.pageInfo.endCursor;
    const deadlineCursor = (await browse({ first: 1, sort: 'DEADLINE_SOONEST' })).data!.challenges.pageInfo.endCursor;
    const prizeCursor = (await browse({ first: 1, sort: 'PRIZE_HIGHEST', filter: { currency: 'USD' } })).data!.challenges.pageInfo.endCursor;
    const refused: [Record<string, unknown>, string][] = [
      [{ after: newestCursor, sort: 'DEADLINE_SOONEST' }, 'after'],
      [{ after: deadlineCursor }, 'after'],
      [{ after: deadlineCursor, sort: 'PRIZE_HIGHEST', filter: { currency: 'USD' } }, 'after'],
      [{ after: prizeCursor, sort: 'DEADLINE_SOONEST' }, 'after'],
      [{ after: 'not-a-cursor', sort: 'DEADLINE_SOONEST' }, 'after'],
      // A prize cursor whose amount is not minor units, made with the codec's own encoding.
      [{ after: Buffer.from(JSON.stringify(['prize', '1.5', c[0]])).toString('base64url'), sort: 'PRIZE_HIGHEST', filter: { currency: 'USD' } }, 'after'],
      [{ after: Buffer.from(JSON.stringify(['prize', '99999999999999999999', c[0]])).toString('base64url'), sort: 'PRIZE_HIGHEST', filter: { currency: 'USD' } }, 'after'],
      [{ sort: 'SOONEST' }, 'sort'],
      [{ sort: 'PRIZE_HIGHEST' }, 'sort'],
      [{ first: 0 }, 'first'],
    ];
    for (const [variables, field] of refused) {
      const response = await browse(variables);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.field).toBe(field);
    }
    const literal = await stack.client.request(`{ challenges(sort: SOONEST) { edges { cursor } } }`);
    expect(errorCodes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('counts what the listing pages through under the same filter and viewer, and gives the cursor of each page', async () => {
    const counted = async (variables: Record<string, unknown>, token?: string) => {
      const response = await browse(variables, token, COUNTED);
      expect(response.errors).toBeUndefined();
      return response.data!.challenges as { totalCount: number; pageCursors: string[]; edges: unknown[] };
    };
    expect((await counted({ first: 2 })).totalCount).toBe(6);
    expect((await counted({ filter: { status: 'OPEN' } })).totalCount).toBe(5);
    expect((await counted({ filter: { currency: 'JPY' } })).totalCount).toBe(1);
    expect((await counted({ filter: { currency: 'USD', minTotalPrizeMinor: '500000' } })).totalCount).toBe(4);
    expect((await counted({}, sponsor.token)).totalCount).toBe(7); // its draft too
    expect((await counted({ filter: { search: 'nothing-matches-this' } })).totalCount).toBe(0);

    // Page cursors: the `after` of pages 2 and 3 of six rows by two, each the endCursor of the page before it.
    for (const variables of [{ sort: 'DEADLINE_SOONEST' }, { sort: 'PRIZE_HIGHEST', filter: { currency: 'USD' } }, {}]) {
      const first = await counted({ ...variables, first: 2 });
      const pages = Math.ceil(first.totalCount / 2);
      expect(first.pageCursors).toHaveLength(pages - 1);
      let after: string | undefined;
      for (const cursor of first.pageCursors) {
        const page = await browse({ ...variables, first: 2, after });
        expect(page.data!.challenges.pageInfo.endCursor).toBe(cursor);
        after = cursor;
      }
      // The last link opens the last page, which has rows.
      expect(ids(await browse({ ...variables, first: 2, after: first.pageCursors.at(-1) })).length).toBeGreaterThan(0);
    }
    // One row per page: pages 2 to 7 of the sponsor's seven.
    expect((await counted({ first: 1 }, sponsor.token)).pageCursors).toHaveLength(6);
    expect((await counted({ first: 6 })).pageCursors).toEqual([]);
  });

  it('finds prefixes of words and the sponsor\'s name, with stemming kept', async () => {
    const search = async (words: string) => {
      const response = await stack.client.request(BROWSE, { first: 20, filter: { search: words } });
      return ids(response);
    };
    expect(await search('desal')).toEqual([c[0]]);
    expect(await search('Desalinat')).toEqual([c[0]]);
    expect(await search('desalination')).toEqual([c[0]]);
    expect(await search('Aquatech')).toEqual([c[2], c[1], c[0]]);
    expect(await search('aquat')).toEqual([c[2], c[1], c[0]]);
    expect(await search('aquatech solar')).toEqual([c[1]]);
    expect(await search('Brandly')).toEqual([c[6], c[4], c[3]]); // not its draft, for an anonymous reader
    expect(await search('"brandly studio" -logo')).toEqual([c[6], c[4]]);
    expect(await search('membrane fouling')).toEqual([c[2]]);
    expect(await search('fouls')).toEqual([c[2]]); // "fouling" by its English stem (no word starts with "fouls")
    expect(await search('memb')).toEqual([c[2]]);
    expect(await search('zzzqqq')).toEqual([]);
    expect(await search("o'brien & | ! :* ( ")).toEqual([]); // tsquery syntax in the words is only words
  });

  it('lists the currencies a challenge can be created in, and refuses others at creation', async () => {
    const response = await stack.client.request(`{ challengeCurrencies }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.challengeCurrencies).toEqual(['AUD', 'CAD', 'CHF', 'EUR', 'GBP', 'INR', 'JPY', 'KWD', 'SEK', 'SGD', 'USD']);
    const org = await createOrganization(stack.client, sponsor.token);
    const refused = await runContract(stack.client, 'CreateChallenge', { input: challengeInput(org, { currency: 'NOK' }) }, sponsor.token);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions!.field).toBe('currency');
  });

  describe('SQL statements per browse page', () => {
    beforeAll(async () => {
      const org = await createOrganization(stack.client, sponsor.token, 'Statements Inc');
      for (let i = 0; i < 50; i += 1) {
        await createChallenge(
          stack.client,
          sponsor.token,
          challengeInput(org, { summary: `Counted ${tag}.`, prizes: [{ rank: 1, label: 'Prize', amountMinor: String(100_000 + (i % 3)) }], submissionDeadline: at(i % 4) }),
        );
      }
    }, 120_000);

    async function statementsFor(variables: Record<string, unknown>) {
      const before = await sqlStatementCounts(stack);
      const response = await stack.client.request(COUNTED, variables, { token: sponsor.token });
      expect(response.errors).toBeUndefined();
      const after = await sqlStatementCounts(stack);
      return {
        rows: response.data!.challenges.edges.length as number,
        statements: Object.fromEntries(Object.entries(after).map(([name, count]) => [name, count - before[name as keyof typeof before]])),
      };
    }

    it('is the same for first: 5 and first: 50 in every sort, totalCount and pageCursors selected (one statement each)', async () => {
      for (const sort of ['NEWEST', 'DEADLINE_SOONEST', 'PRIZE_HIGHEST']) {
        const filter = { search: 'counted', ...(sort === 'PRIZE_HIGHEST' ? { currency: 'USD' } : {}) };
        await statementsFor({ first: 5, sort, filter }); // warm-up, not counted
        const small = await statementsFor({ first: 5, sort, filter });
        const large = await statementsFor({ first: 50, sort, filter });
        expect([small.rows, large.rows]).toEqual([5, 50]);
        expect(large.statements).toEqual(small.statements);
        expect(small.statements.challenges).toBeGreaterThan(0);
        console.log(`statements per browse page (${sort}, totalCount and pageCursors): ${JSON.stringify(small.statements)}`);
      }
    });

    it('costs one statement for totalCount and one for pageCursors, only when selected; at most nine cursors', async () => {
      const page = (fields: string) => `query($first: Int, $filter: ChallengeFilter) { challenges(first: $first, filter: $filter) { ${fields} edges { node { id } } } }`;
      const statements = async (query: string) => {
        const before = await sqlStatementCounts(stack);
        const response = await stack.client.request(query, { first: 1, filter: { search: 'counted' } }, { token: sponsor.token });
        expect(response.errors).toBeUndefined();
        return { data: response.data!.challenges, count: (await sqlStatementCounts(stack)).challenges - before.challenges };
      };
      const plain = await statements(page(''));
      expect(plain.count).toBe(1);
      expect((await statements(page('totalCount'))).count).toBe(2);
      expect((await statements(page('pageCursors'))).count).toBe(2);
      const both = await statements(page('totalCount pageCursors'));
      expect(both.count).toBe(3);
      // Fifty rows by one: links to pages 2 to 10 only; beyond, endCursor.
      expect(both.data.totalCount).toBe(50);
      expect(both.data.pageCursors).toHaveLength(9);
    });
  });
});
