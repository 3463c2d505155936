/**
 * The leaderboard at 200,000 solvers: EXPLAIN ANALYZE of the page statement as ReputationService builds it
 * (leaderboardStatement), first and deep pages, with and without a skill, on generated rows; then the API's latency
 * and statements through the gateway on the same rows. Figures for docs/BENCHMARKS.md.
 */
import { explainStatement, numberedBindings, sqlStatementCounts, startStack, type GraphQLResponse, type Stack } from '@ideagora/testing';
import { Client } from 'pg';
import { leaderboardStatement, type LeaderboardPosition } from '../src/reputation/reputation.service';

const SOLVERS = 200_000;
/**
 * Pages of 8 kB a page of the leaderboard may touch: ~10x the measured (24 without a skill, 108 with one; printed).
 * Buffers, not milliseconds: a loaded machine changes the time, not the pages read (docs/BENCHMARKS.md has the times).
 */
const BOUND_BUFFERS = 1_000;

describe('leaderboard at 200,000 solvers', () => {
  let stack: Stack;
  let db: Client;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    await db.query('set search_path to solvers');
    // 200,000 accounts, 60 % public; scores as results make them: 70 % have none, most of the rest a few entries,
    // a few finalists and winners (huge ties at 0 and 5). Three skills each out of 200, "python" on 1 in 4, "fortran"
    // on 1 in 2,000.
    await db.query(`insert into user_account (id, email, password_hash, display_name, public_profile, profile_version)
      select gen_random_uuid(), 'scale-' || i || '@example.test', 'x', 'Solver ' || i, i % 5 < 3, 1 from generate_series(1, ${SOLVERS}) i`);
    await db.query(`insert into reputation (user_id, prizes_won, finalist_places, submissions, score, public_profile)
      select id, p, f, e, 100 * p + 25 * f + 5 * e, public_profile from (
        select id, public_profile, h,
          case when h % 1000 = 0 then 1 + h % 3 else 0 end as p,
          case when h % 100 = 0 then 1 + h % 2 else 0 end as f,
          case when h % 10 < 7 then 0 else 1 + h % 6 end as e
        from (select id, public_profile, abs(hashtext(id::text)) as h from user_account where email like 'scale-%') u
      ) s`);
    await db.query(`insert into user_skill (user_id, skill_lower, score, public_profile)
      select u.id, skill, r.score, r.public_profile from (select id, abs(hashtext(id::text)) as h from user_account where email like 'scale-%') u
      join reputation r on r.user_id = u.id
      cross join lateral (values
        (case when h % 4 = 0 then 'python' else 'skill ' || (h % 200) end),
        ('skill ' || ((h / 200) % 200)),
        (case when h % 2000 = 7 then 'fortran' else 'other ' || ((h / 40000) % 200) end)
      ) as t(skill)
      on conflict do nothing`);
    await db.query('vacuum analyze');
  }, 600_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });


  const explain = (sql: string, params: unknown[]) => explainStatement(db, sql, params);

  /** The position of the row at `rank` (1-based) in the leaderboard under a skill: where a deep page resumes. */
  async function positionAt(rank: number, skill: string | null): Promise<LeaderboardPosition> {
    const { sql, params } = leaderboardStatement(rank, null, skill);
    const rows = (await db.query(numberedBindings(sql), params)).rows;
    const last = rows[rows.length - 1];
    return { score: last.score, userId: last.user_id, rank: rows.length };
  }

  it('reads one page through the partial index, a few buffers however deep', async () => {
    const publicCount = (await db.query(`select count(*)::int as n from reputation where public_profile`)).rows[0].n;
    const pythonCount = (await db.query(`select count(*)::int as n from reputation r join user_skill s on s.user_id = r.user_id and s.skill_lower = 'python' where r.public_profile`)).rows[0].n;
    const cases: { name: string; skill: string | null; at: number }[] = [
      { name: 'first page', skill: null, at: 0 },
      { name: 'page at rank 100,000 (inside the ties at score 0)', skill: null, at: 100_000 },
      { name: 'last page', skill: null, at: publicCount - 10 },
      { name: 'skill "python" (1 in 4), first page', skill: 'python', at: 0 },
      { name: 'skill "python", page at rank 20,000', skill: 'python', at: 20_000 },
      { name: 'skill "fortran" (1 in 2,000), first page', skill: 'fortran', at: 0 },
      { name: 'unknown skill', skill: 'cobol', at: 0 },
    ];
    expect(pythonCount).toBeGreaterThan(20_000);
    const report: string[] = [];
    for (const { name, skill, at } of cases) {
      const after = at > 0 ? await positionAt(at, skill) : null;
      const { sql, params } = leaderboardStatement(21, after, skill);
      const page = await explain(sql, params);
      report.push(`| ${name} | ${page.ms.toFixed(2)} | ${page.buffers} |`);
      if (page.buffers > BOUND_BUFFERS) throw new Error(`${name}: ${page.buffers} buffers\n${page.plan}`);
      expect(page.plan).not.toMatch(/Seq Scan/);
      if (at === 100_000 || skill === 'fortran') console.log(`plan for "${name}":\n${page.plan}`);
    }
    console.log(`${SOLVERS} solvers (${publicCount} public), median of 5 EXPLAIN ANALYZE execution times (ms), page of 20 (+1):\n| page | ms | buffers |\n|---|---|---|\n${report.join('\n')}`);
  }, 300_000);

  it('answers through the gateway in two statements a page, whatever the page size (latency printed, not asserted)', async () => {
    const query = `query($first: Int, $after: String, $skill: String) { leaderboard(first: $first, after: $after, skill: $skill) {
      edges { node { rank user { id displayName } reputation { score prizesWon } } } pageInfo { hasNextPage endCursor } } }`;
    for (let i = 0; i < 3; i++) await stack.client.request(query, { first: 20, skill: i % 2 ? 'python' : null }); // warm-up, not timed
    const timings: number[] = [];
    let after: string | null = null;
    let lastRank = 0;
    for (let i = 0; i < 40; i++) {
      const skill = i % 2 === 0 ? null : 'python';
      const before = await sqlStatementCounts(stack);
      const started = process.hrtime.bigint();
      const response: GraphQLResponse = await stack.client.request(query, { first: i % 4 < 2 ? 20 : 100, after: skill === null ? after : null, skill });
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      expect(response.errors).toBeUndefined();
      expect((await sqlStatementCounts(stack)).solvers - before.solvers).toBe(2);
      if (skill === null) {
        const { edges, pageInfo } = response.data!.leaderboard as { edges: { node: { rank: number } }[]; pageInfo: { endCursor: string } };
        expect(edges[0].node.rank).toBe(lastRank + 1);
        lastRank = edges[edges.length - 1].node.rank;
        after = pageInfo.endCursor;
      }
    }
    timings.sort((a, b) => a - b);
    console.log(`leaderboard through the gateway (first 20 or 100, with or without skill, paging on): p50 ${timings[20].toFixed(1)} ms, p99 ${timings[39].toFixed(1)} ms`);
  }, 120_000);
});
