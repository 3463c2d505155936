/**
 * Recommendations at 20,000 challenges (8,000 open): EXPLAIN ANALYZE of the statement as RecommendationService builds
 * it (recommendationsStatement) for viewers with a common skill, a rare one, twenty, and none. Figures for
 * docs/BENCHMARKS.md.
 */
import { explainStatement, numberedBindings, startStack, type Stack } from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { recommendationsStatement } from '../src/recommendations/recommendation.service';

const ROWS = 20_000;
/**
 * Pages of 8 kB the statement may touch: ~3x the measured (3,572 for twenty skills; printed). Buffers, not
 * milliseconds: a loaded machine changes the time, not the pages read (docs/BENCHMARKS.md has the times).
 */
const BOUND_BUFFERS = 10_000;

describe('recommendations at 20,000 challenges', () => {
  let stack: Stack;
  let db: Client;
  const viewers = { common: randomUUID(), rare: randomUUID(), twenty: randomUUID(), none: randomUUID() };

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    await db.query('set search_path to challenges');
    // As discovery-scale: 200 sponsors, 40 % of the challenges open, 90 % public, 1 in 100 about desalination.
    await db.query(`insert into organization (id, name, membership_version)
      select gen_random_uuid(), 'Sponsor ' || i, 1 from generate_series(1, 200) i`);
    await db.query(`
      with orgs as (select id, name, row_number() over (order by name) as n from organization)
      insert into challenge (id, organization_id, organization_name, title, summary, description, type, status, visibility, currency,
                             submission_deadline, total_prize_minor, version, created_at, updated_at, published_at, judging_deadline)
      select gen_random_uuid(), o.id, o.name,
        case when i % 100 = 1 then 'Desalination membranes ' || i else 'Water, energy and design challenge ' || i end,
        'A summary of challenge ' || i || ' with a few more words about what is wanted.',
        repeat('A description of the problem, its constraints and how entries are judged. ', 20) ||
          (array['Python', 'Rust', 'machine learning', 'CAD', 'chemistry'])[1 + i % 5],
        'IDEATION', s.status,
        case when i % 10 = 3 then 'INVITE_ONLY' else 'PUBLIC' end,
        'USD',
        now() + case when s.status in ('OPEN', 'DRAFT') then 1 else -1 end * ((i % 180) + 1) * interval '1 day',
        100000, 1,
        now() - (${ROWS} - i) * interval '5 minutes', now(),
        case when s.status = 'DRAFT' then null else now() - (${ROWS} - i) * interval '5 minutes' end,
        now() + interval '200 days'
      from generate_series(1, ${ROWS}) i
      join orgs o on o.n = 1 + (i / 10) % 200
      cross join lateral (select (array['DRAFT', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'JUDGING', 'AWARDED', 'AWARDED', 'CLOSED', 'CANCELLED'])[1 + i % 10] as status) s`);
    const twenty = ['Python', 'Rust', 'Go', 'C++', 'TypeScript', 'Machine learning', 'CAD', 'Chemistry', 'Membranes', 'Solar', 'Welding', 'Statistics', 'R', 'IT', 'Embedded', 'Optics', 'Hydrology', 'Ceramics', 'Filtration', 'Biology'];
    await db.query(`insert into solver_skill_view (user_id, skills, version) values ($1, '{Water}', 1), ($2, '{Desalination}', 1), ($3, $4::text[], 1)`, [
      viewers.common,
      viewers.rare,
      viewers.twenty,
      twenty,
    ]);
    // Each viewer entered 50 open challenges.
    await db.query(`insert into submission_view (id, challenge_id, author_id, version)
      select gen_random_uuid(), c.id, v.id, 1 from (select id from challenge where status = 'OPEN' order by created_at desc limit 50) c
      cross join unnest($1::uuid[]) as v(id)`, [Object.values(viewers)]);
    await db.query('vacuum analyze');
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });


  const explain = (sql: string, params: unknown[]) => explainStatement(db, sql, params);

  it('recommends in one statement within the buffer bound, for a common skill, a rare one, twenty, and none', async () => {
    const report: string[] = [];
    for (const [name, viewer] of Object.entries(viewers)) {
      const { sql, params } = recommendationsStatement(viewer, 21);
      const result = await explain(sql, params);
      const rows = (await db.query(numberedBindings(sql), params)).rows;
      expect(rows).toHaveLength(21);
      report.push(`| ${name} | ${result.ms.toFixed(2)} | ${result.buffers} |`);
      if (name === 'common') console.log(`plan for "${name}":\n${result.plan}`);
      if (result.buffers > BOUND_BUFFERS) throw new Error(`${name}: ${result.buffers} buffers\n${result.plan}`);
    }
    console.log(`${ROWS} challenges (8,000 open), median of 5 EXPLAIN ANALYZE execution times (ms), 20 (+1) recommendations:\n| viewer's skills | ms | buffers |\n|---|---|---|\n${report.join('\n')}`);
  }, 120_000);
});
