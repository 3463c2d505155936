/**
 * Discovery at 20,000 challenges: EXPLAIN ANALYZE of the listing's exact statements (built by challenge.listing.ts,
 * as the service builds them) on generated rows, and the API's totalCount on the same data. The figures go to
 * docs/BENCHMARKS.md ("Discovery at 20,000 challenges").
 */
import { explainStatement, numberedBindings, startStack, type Stack } from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ChallengeSort, ChallengeStatus } from '../src/challenges/challenge.domain';
import { countStatement, listingOrder, listingWhere, PAGE_LINKS, pageCursorsSql, pageSql } from '../src/challenges/challenge.listing';
import type { ChallengeListFilter } from '../src/challenges/challenge.validation';

const ROWS = 20_000;
/**
 * Pages of 8 kB a count, page or pageCursors statement may touch: ~5x the measured (1,754 at most; printed).
 * Buffers, not milliseconds: a loaded machine changes the time, not the pages read (docs/BENCHMARKS.md has the times).
 */
const BOUND_BUFFERS = 10_000;

const NO_FILTER: ChallengeListFilter = { status: null, type: null, search: null, minTotalPrizeMinor: null, currency: null };

describe('discovery at 20,000 challenges', () => {
  let stack: Stack;
  let db: Client;
  const member = randomUUID();

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    await db.query('set search_path to challenges');
    // 200 sponsors; 20,000 challenges: 10 % drafts, 40 % open (deadline ahead), the rest judging, awarded, closed or
    // cancelled (deadline behind); 90 % public; eleven currencies; 1 in 100 about desalination; the
    // first sponsor, Aquatech, has 100 challenges of every status.
    await db.query(`insert into organization (id, name, membership_version)
      select gen_random_uuid(), case when i = 1 then 'Aquatech Water' else 'Sponsor ' || i end, 1 from generate_series(1, 200) i`);
    await db.query(`insert into organization_membership (organization_id, user_id, role, version)
      select id, $1, 'MEMBER', 1 from organization order by name limit 3`, [member]);
    await db.query(`
      with orgs as (select id, name, row_number() over (order by name) as n from organization)
      insert into challenge (id, organization_id, organization_name, title, summary, description, type, status, visibility, currency,
                             submission_deadline, total_prize_minor, version, created_at, updated_at, published_at, judging_deadline)
      select gen_random_uuid(), o.id, o.name,
        case when i % 100 = 1 then 'Desalination membranes ' || i else 'Water, energy and design challenge ' || i end,
        'A summary of challenge ' || i || ' with a few more words about what is wanted.',
        repeat('A description of the problem, its constraints and how entries are judged. ', 20),
        (array['IDEATION', 'THEORETICAL', 'REDUCTION_TO_PRACTICE', 'DESIGN'])[1 + i % 4],
        s.status,
        case when i % 10 = 3 then 'INVITE_ONLY' else 'PUBLIC' end,
        (array['AUD', 'CAD', 'CHF', 'EUR', 'GBP', 'INR', 'JPY', 'KWD', 'SEK', 'SGD', 'USD'])[1 + i % 11],
        now() + case when s.status in ('OPEN', 'DRAFT') then 1 else -1 end * ((i % 180) + 1) * interval '1 day',
        100000 + (i * 7919) % 5000000, 1,
        now() - (${ROWS} - i) * interval '5 minutes', now(),
        case when s.status = 'DRAFT' then null else now() - (${ROWS} - i) * interval '5 minutes' end,
        now() + case when s.status in ('OPEN', 'DRAFT') then 1 else -1 end * ((i % 180) + 1) * interval '1 day' + interval '30 days'
      from generate_series(1, ${ROWS}) i
      join orgs o on o.n = 1 + (i / 10) % 200
      cross join lateral (select (array['DRAFT', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'JUDGING', 'AWARDED', 'AWARDED', 'CLOSED', 'CANCELLED'])[1 + i % 10] as status) s`);
    await db.query('vacuum analyze'); // as autovacuum leaves a table: statistics and the visibility map
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });


  const explain = (sql: string, params: unknown[]) => explainStatement(db, sql, params);

  it('counts, pages and links pages through indexes, within the buffer bound', async () => {
    const open: ChallengeListFilter = { ...NO_FILTER, status: ChallengeStatus.OPEN };
    const cases: { name: string; viewer: string | null; filter: ChallengeListFilter; sort: ChallengeSort }[] = [
      { name: 'open, by deadline (browse default)', viewer: null, filter: open, sort: ChallengeSort.DEADLINE_SOONEST },
      { name: 'everything public, newest', viewer: null, filter: NO_FILTER, sort: ChallengeSort.NEWEST },
      { name: 'signed-in member, everything, newest', viewer: member, filter: NO_FILTER, sort: ChallengeSort.NEWEST },
      { name: 'USD, highest prize', viewer: null, filter: { ...NO_FILTER, currency: 'USD' }, sort: ChallengeSort.PRIZE_HIGHEST },
      { name: 'search "desal", open, by deadline', viewer: null, filter: { ...open, search: 'desal' }, sort: ChallengeSort.DEADLINE_SOONEST },
      { name: 'search "aquatech" (sponsor), newest', viewer: null, filter: { ...NO_FILTER, search: 'aquatech' }, sort: ChallengeSort.NEWEST },
    ];
    const report: string[] = [];
    for (const { name, viewer, filter, sort } of cases) {
      const order = listingOrder(sort);
      const { where, params } = listingWhere(viewer, filter);
      const counted = countStatement(viewer, filter);
      const count = await explain(counted.sql, counted.params);
      const page = await explain(pageSql('c.id, c.title', order, where), [...params, 13]);
      const links = await explain(pageCursorsSql(order, where), [...params, (PAGE_LINKS - 1) * 12 + 1, 12]);
      const total = (await db.query(numberedBindings(counted.sql), counted.params)).rows[0].total;
      report.push(`| ${name} | ${total} | ${count.ms.toFixed(2)} (${count.buffers}) | ${page.ms.toFixed(2)} (${page.buffers}) | ${links.ms.toFixed(2)} (${links.buffers}) |`);
      for (const [what, result] of [['count', count], ['page', page], ['pageCursors', links]] as const) {
        if (result.buffers > BOUND_BUFFERS) throw new Error(`${name}: ${what} touched ${result.buffers} buffers\n${result.plan}`);
      }
      // The page and its links never read the table in full (challenge_invitation, empty here, may be).
      expect(page.plan).not.toMatch(/Seq Scan on challenge c\b/);
      if (name.startsWith('open') || name.startsWith('signed')) console.log(`plans for "${name}":\ncount:\n${count.plan}\npage:\n${page.plan}\npageCursors:\n${links.plan}`);
    }
    console.log(`${ROWS} challenges, median of 5 EXPLAIN ANALYZE execution times in ms (buffers touched), page size 12:\n| listing | rows | count | page | pageCursors |\n|---|---|---|---|---|\n${report.join('\n')}`);
  }, 120_000);

  it('answers totalCount through the gateway on the same rows', async () => {
    const response = await stack.client.request(
      `query { challenges(first: 12, filter: { status: OPEN }, sort: DEADLINE_SOONEST) { totalCount pageCursors edges { node { id } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const expected = (await db.query(`select count(*)::int as n from challenge where status = 'OPEN' and visibility = 'PUBLIC' and published_at is not null`)).rows[0].n;
    expect(response.data!.challenges.totalCount).toBe(expected);
    expect(response.data!.challenges.pageCursors).toHaveLength(PAGE_LINKS - 1);
    expect(response.data!.challenges.edges).toHaveLength(12);
  });
});
