/**
 * `npm run bench`: Ideagora at contest scale. Generates (once) a data set, starts the stack on its own ports, and
 * sends each scenario through Ideagora's gateway, Hive Gateway and the subgraph directly, at each concurrency,
 * measuring throughput, latency, CPU per request of every process, SQL statements per operation and peak RSS.
 * See docs/BENCHMARKS.md.
 */
import { IDENTITY_HEADER, OPS_SCOPE, signIdentity } from '@ideagora/auth';
import { cpus, totalmem } from 'node:os';
import { Client } from 'pg';
import { parseBenchOptions, type BenchOptions, type ScenarioName, type TargetName } from './bench.options';
import { BENCH_SECRETS, dropDatabase, startBenchDatabase, startBenchStack, type RunningStack, SUBGRAPHS } from './bench-stack';
import { prepareRequests, type PreparedRequests } from './bench-requests';
import { ledgerSoundness, prepareAwards, waitUntilPaid } from './award-setup';
import { prepareBulkAward } from './bulk-award-setup';
import { generateDataset, readDataset, upgradeDataset, type Dataset } from './data/generate-dataset';
import { runLoad } from './load-runner';
import { endUsage, startUsage } from './process-metrics';
import { perOperation, SqlStatements, type StatementCounts } from './sql-metrics';
import { writeReport, type Measurement } from './report';
import { AWARD_PRIZE, AWARD_PRIZES } from './scenarios';
import { makePng, MB, measureFiles } from './files-bench';

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Statements each subgraph issued inside GraphQL requests (its /internal/metrics counter). */
async function subgraphStatements(stack: RunningStack): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of SUBGRAPHS) {
    // Metrics answer an operator's identity only (the ops scope, signed for that subgraph).
    const identity = await signIdentity({ userId: null, scopes: [OPS_SCOPE] }, name, BENCH_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
    const response = await fetch(stack.subgraphUrls[name].replace(/\/graphql$/, '/internal/metrics'), { headers: { [IDENTITY_HEADER]: identity } });
    const text = await response.text();
    counts[name] = Number(/ (\d+)\s*$/.exec(text.trim())?.[1] ?? 0);
  }
  return counts;
}

async function ensureDataset(options: BenchOptions, databaseName: string, database: Awaited<ReturnType<typeof startBenchDatabase>>, onStackStarted: (stack: RunningStack) => void): Promise<{ dataset: Dataset; stack: RunningStack }> {
  let dataset = options.regenerate ? undefined : await readDataset(database.url).catch(() => undefined);
  if (dataset && !dataset.bigChallenge.judgeIds) {
    log(`the ${options.size} data set predates the judging board's scores (Q4): regenerating it`);
    dataset = undefined;
  }
  if (!dataset) {
    if (!database.postgres && !process.env.BENCH_DATABASE_ADMIN_URL) throw new Error('no admin connection to recreate the database');
    log(`no ${options.size} data set yet: creating database ${databaseName} and generating it`);
    await dropDatabase(database.postgres?.adminUrl ?? process.env.BENCH_DATABASE_ADMIN_URL!, databaseName);
  }
  // Starting the subgraphs applies their migrations (a fresh database gets its schemas here).
  const stack = await startBenchStack(database.url, database.postgres, { hive: options.targets.includes('hive') });
  onStackStarted(stack);
  if (!dataset) {
    const started = Date.now();
    dataset = await generateDataset(database.url, options.size, { log });
    log(`generated ${options.size} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(dataset.counts)}`);
  } else {
    log(`reusing the ${options.size} data set generated earlier: ${JSON.stringify(dataset.counts)}`);
    dataset = await upgradeDataset(database.url, dataset, log);
  }
  return { dataset, stack };
}

/** Fresh statistics and visibility maps after generation or earlier runs' writes, as autovacuum would leave them. */
async function vacuumAnalyze(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}

/** Waits until every event the load caused has been applied by its consumers; the seconds it took. */
async function drainEvents(databaseUrl: string, timeoutMs = 600_000): Promise<number> {
  const started = Date.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ pending: string }>(`select count(*) as pending from pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()`);
      if (Number(rows[0].pending) === 0 || Date.now() - started > timeoutMs) break;
      await sleep(200);
    }
  } finally {
    await client.end();
  }
  return Math.round((Date.now() - started) / 100) / 10;
}

/** What runs with no load at all: only background statements are expected. */
/**
 * The stack with no load for 5 s: statements and CPU per second of each process. Pollers and job workers cost this
 * whatever the load, so at low request rates it weighs on every request's CPU share.
 */
async function measureIdle(sql: SqlStatements, stack: RunningStack): Promise<{ statements: StatementCounts; cpuMsPerSecond: Record<string, number> }> {
  const seconds = 5;
  await sql.reset();
  const groups = stack.groups();
  const usage = startUsage(groups);
  await sleep(seconds * 1000);
  const used = endUsage(groups, usage);
  return { statements: await sql.read(), cpuMsPerSecond: Object.fromEntries(used.map((u) => [u.name, Math.round((u.cpuMs / seconds) * 10) / 10])) };
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const began = Date.now();
  log(`options ${JSON.stringify(options)}`);
  const databaseName = `bench_${options.size}`;
  const database = await startBenchDatabase(databaseName, log);
  let stack: RunningStack | undefined;
  let sql: SqlStatements | undefined;
  // Ctrl-C: stop every process started here, Postgres included, before exiting.
  const interrupted = async () => {
    log('interrupted: stopping');
    await stack?.stop();
    await database.stop();
    process.exit(130);
  };
  process.once('SIGINT', () => void interrupted());
  process.once('SIGTERM', () => void interrupted());
  try {
    const ready = await ensureDataset(options, databaseName, database, (started) => (stack = started));
    stack = ready.stack;
    const { dataset } = ready;
    sql = await SqlStatements.connect(database.url);
    await vacuumAnalyze(database.url);
    const requests = await prepareRequests(stack, database.url, dataset);
    log(`big contest: ${dataset.bigChallenge.submissionCount} submissions, ${requests.pages.total} pages of 20; its ranking: ${dataset.bigChallenge.scoreCards} score cards by ${dataset.bigChallenge.judgeIds.length} judges, ${requests.rankingPages.total} pages`);
    const idle = await measureIdle(sql, stack);
    log(`while idle for 5 s: ${idle.statements.background} background statements, ${idle.statements.foreground} others; CPU ms/s ${JSON.stringify(idle.cpuMsPerSecond)}`);

    const idleStatementsPerSecond = { foreground: idle.statements.foreground / 5, background: idle.statements.background / 5 };
    const measurements: Measurement[] = [];
    for (let run = 1; run <= options.runs; run += 1) {
      for (const scenario of options.scenarios) {
        if (scenario === 'M2') {
          measurements.push(...(await measureAwards(options, stack, database.url, sql, run)));
          continue;
        }
        if (scenario === 'M3') {
          measurements.push(await measureBulkAward(options, stack, database.url, sql, run));
          continue;
        }
        if (scenario === 'F2') {
          measurements.push(...(await measureFileTransfers(options, stack, sql, dataset, requests, run, idleStatementsPerSecond)));
          continue;
        }
        for (const connections of connectionLevels(options, scenario)) {
          for (const target of targetsFor(options, scenario)) {
            const factory = requests.factory(scenario, target);
            if (!factory) continue;
            const m = await measure(options, stack, sql, { run, scenario, target, connections, factory });
            measurements.push(m);
            log(`run ${run} ${scenario.padEnd(8)} ${target.padEnd(7)} c=${String(connections).padStart(2)}  ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50Ms} ms  p99 ${m.p99Ms} ms  sql/op ${m.sqlPerOperation.total}+${m.sqlPerOperation.background}bg${m.eventsDrainedSeconds !== undefined ? `  events drained ${m.eventsDrainedSeconds} s after` : ''}  errors ${m.failures + m.graphqlErrors}${m.firstError ? `  first: ${m.firstError.slice(0, 200)}` : ''}`);
          }
        }
      }
    }
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
    const files = writeReport(options, { dataset, measurements, machine, idleCpuMsPerSecond: idle.cpuMsPerSecond, pages: requests.pages, rankingPages: requests.rankingPages, galleryPages: requests.galleryPages, minutes: (Date.now() - began) / 60000 });
    log(`report written: ${files.join(', ')} (${((Date.now() - began) / 60000).toFixed(1)} min in all)`);
  } finally {
    await sql?.close().catch(() => undefined);
    await stack?.stop();
    await database.stop();
  }
}

const FIRST_VS_LAST: readonly ScenarioName[] = ['Q2-first', 'Q2-last', 'Q4-first', 'Q4-last', 'Q5-first', 'Q5-last', 'Q5-votes-first', 'Q5-votes-last'];

/** Q2-first/Q2-last (Q4-first/Q4-last) compare page 1 with the last page: one level of concurrency is enough for that. */
function connectionLevels(options: BenchOptions, scenario: ScenarioName): number[] {
  if (FIRST_VS_LAST.includes(scenario)) return options.connections.filter((c) => c <= 10);
  return options.connections;
}

function targetsFor(options: BenchOptions, scenario: ScenarioName): TargetName[] {
  if (FIRST_VS_LAST.includes(scenario)) return options.targets.filter((t) => t === 'gateway');
  return options.targets;
}

async function measure(
  options: BenchOptions,
  stack: RunningStack,
  sql: SqlStatements,
  
  spec: { run: number; scenario: ScenarioName; target: TargetName; connections: number; factory: NonNullable<ReturnType<PreparedRequests['factory']>> },
): Promise<Measurement> {
  const load = { url: spec.factory.url, connections: spec.connections, nextRequest: spec.factory.next };
  await runLoad({ ...load, durationSeconds: options.warmupSeconds });
  const groups = stack.groups();
  await sql.reset();
  const before = await subgraphStatements(stack);
  const usage = startUsage(groups);
  const result = await runLoad({ ...load, durationSeconds: options.durationSeconds });
  // Mutations leave events behind: their consumers' work belongs to the operation's cost (CPU, statements).
  const eventsDrainedSeconds = spec.scenario === 'M1' ? await drainEvents(stack.databaseUrl) : undefined;
  const used = endUsage(groups, usage);
  const after = await subgraphStatements(stack);
  const statements = await sql.read();
  return {
    eventsDrainedSeconds,
    topStatements: statements.top,
    run: spec.run,
    scenario: spec.scenario,
    target: spec.target,
    connections: spec.connections,
    ...result,
    sqlPerOperation: perOperation(statements, result.requests),
    subgraphStatementsPerOperation: Object.fromEntries(SUBGRAPHS.map((n) => [n, result.requests ? Math.round(((after[n] - before[n]) / result.requests) * 100) / 100 : 0])),
    cpuMsPerRequest: Object.fromEntries(used.filter((u) => u.cpuMs > 0).map((u) => [u.name, result.requests ? Math.round((u.cpuMs / result.requests) * 100) / 100 : 0])),
    peakRssMb: Object.fromEntries(used.map((u) => [u.name, u.peakRssMb])),
  };
}

/** M2: AwardPrize through Ideagora's gateway, then until every payout is PAID through the Stripe emulator. */
async function measureAwards(options: BenchOptions, stack: RunningStack, databaseUrl: string, sql: SqlStatements,  run: number): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const connections of options.connections) {
    const count = Math.max(options.awards, connections * 4);
    log(`M2 c=${connections}: preparing ${count} awards through the API (funded, published, submitted, closed)…`);
    await drainEvents(databaseUrl);
    const awards = await prepareAwards(stack.gatewayUrl, stack.stripeUrl, databaseUrl, count);
    let index = 0;
    const groups = stack.groups();
    await sql.reset();
    const usage = startUsage(groups);
    const startedAt = new Date();
    const result = await runLoad({
      url: stack.gatewayUrl,
      connections,
      durationSeconds: 0,
      amount: awards.length,
      nextRequest: () => {
        const award = awards[index++ % awards.length];
        return {
          body: JSON.stringify({ query: AWARD_PRIZE, variables: { input: { challengeId: award.challengeId, prizeRank: award.prizeRank, submissionId: award.submissionId } } }),
          headers: { authorization: `Bearer ${award.sponsorToken}` },
        };
      },
    });
    const paid = await waitUntilPaid(databaseUrl, awards, startedAt);
    const used = endUsage(groups, usage);
    const statements = await sql.read();
    const m: Measurement = {
      run,
      scenario: 'M2',
      target: 'gateway',
      connections,
      ...result,
      sqlPerOperation: perOperation(statements, result.requests),
      subgraphStatementsPerOperation: {},
      cpuMsPerRequest: Object.fromEntries(used.filter((u) => u.cpuMs > 0).map((u) => [u.name, result.requests ? Math.round((u.cpuMs / result.requests) * 100) / 100 : 0])),
      peakRssMb: Object.fromEntries(used.map((u) => [u.name, u.peakRssMb])),
      paid,
    };
    log(`run ${run} M2       gateway c=${String(connections).padStart(2)}  ${m.rps.toFixed(0).padStart(6)} awards/s  p50 ${m.p50Ms} ms  p99 ${m.p99Ms} ms  PAID ${paid.paid}/${paid.expected}, award→PAID p50 ${paid.p50Ms} ms p99 ${paid.p99Ms} ms, all paid in ${paid.drainSeconds} s  errors ${m.failures + m.graphqlErrors}${m.firstError ? `  first: ${m.firstError.slice(0, 200)}` : ''}`);
    results.push(m);
  }
  return results;
}

/**
 * M3: ONE AwardPrizes call of `--bulk-awards` awards (10,000 by default) of 0.50 USD, then until every payout is PAID
 * through the Stripe emulator. CPU and SQL statements are counted from the call until the last PAID, per award.
 */
async function measureBulkAward(options: BenchOptions, stack: RunningStack, databaseUrl: string, sql: SqlStatements, run: number): Promise<Measurement> {
  const count = options.bulkAwards;
  log(`M3: preparing one challenge with ${count} places of 0.50 USD and ${count} onboarded solvers' submissions…`);
  await drainEvents(databaseUrl);
  const award = await prepareBulkAward(stack.gatewayUrl, stack.stripeUrl, databaseUrl, count, log);
  const drained = await drainEvents(databaseUrl);
  log(`M3 setup done (s: ${JSON.stringify(award.setupSeconds)}, events drained in ${drained} s)`);
  const body = JSON.stringify({
    query: AWARD_PRIZES,
    variables: { input: { challengeId: award.challengeId, idempotencyKey: `bench-m3-${run}-${Date.now()}`, awards: award.submissionIds.map((submissionId) => ({ prizeRank: 1, submissionId })) } },
  });
  const groups = stack.groups();
  await sql.reset();
  const before = await subgraphStatements(stack);
  const usage = startUsage(groups);
  const startedAt = new Date();
  const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${award.sponsorToken}` }, body });
  const result = (await response.json()) as { data?: { awardPrizes?: { awardedCount: number } }; errors?: unknown[] };
  const callMs = Date.now() - startedAt.getTime();
  const awarded = result.data?.awardPrizes?.awardedCount ?? 0;
  const failed = !response.ok || !!result.errors?.length || awarded !== count;
  const callStatements = await subgraphStatements(stack);
  log(`M3 call: ${callMs} ms for ${awarded} awards (${Math.round((awarded / callMs) * 1000)}/s)${failed ? `  ERROR ${response.status} ${JSON.stringify(result.errors ?? result).slice(0, 300)}` : ''}`);
  const paid = await waitUntilPaid(databaseUrl, [{ challengeId: award.challengeId }], startedAt, 1_800_000, count);
  const used = endUsage(groups, usage);
  const statements = await sql.read();
  const ledger = await ledgerSoundness(databaseUrl, award.challengeId);
  log(`M3 ledger: ${ledger.transactions} transactions, ${ledger.unbalancedTransactions} unbalanced; escrow over ${ledger.escrowPostings} postings, lowest ${ledger.lowestEscrowHeld}, at the end ${ledger.escrowHeldAtEnd} (minor units)`);
  const perAward = (n: number) => Math.round((n / count) * 1000) / 1000;
  const m: Measurement = {
    run,
    scenario: 'M3',
    target: 'gateway',
    connections: 1,
    requests: count,
    seconds: callMs / 1000,
    rps: (awarded / callMs) * 1000,
    p50Ms: callMs,
    p99Ms: callMs,
    failures: response.ok ? 0 : 1,
    graphqlErrors: result.errors?.length ? 1 : 0,
    firstError: failed ? JSON.stringify(result.errors ?? result).slice(0, 500) : undefined,
    topStatements: statements.top,
    sqlPerOperation: perOperation(statements, count),
    // Statements each subgraph counted inside GraphQL requests during the call (the call itself, not the transfers).
    subgraphStatementsPerOperation: Object.fromEntries(SUBGRAPHS.map((n) => [n, perAward(callStatements[n] - before[n])])),
    cpuMsPerRequest: Object.fromEntries(used.filter((u) => u.cpuMs > 0).map((u) => [u.name, perAward(u.cpuMs)])),
    peakRssMb: Object.fromEntries(used.map((u) => [u.name, u.peakRssMb])),
    paid,
    bulk: { awards: count, callMs, setupSeconds: award.setupSeconds, ledger, callStatementsBySubgraph: Object.fromEntries(SUBGRAPHS.map((n) => [n, callStatements[n] - before[n]])) },
  };
  log(`run ${run} M3       gateway  ${fmtRate(m.rps)} awards/s in the call  PAID ${paid.paid}/${count}, last PAID ${paid.drainSeconds} s after the call began  CPU ms/award ${JSON.stringify(m.cpuMsPerRequest)}  SQL/award ${m.sqlPerOperation.total}+${m.sqlPerOperation.background}bg`);
  return m;
}

const fmtRate = (n: number) => n.toFixed(0).padStart(6);

let benchPng: Promise<{ bytes: Buffer; sha256: string; width: number; height: number }> | undefined;

/**
 * F2: at each of `--file-connections`, `--files` uploads of a real PNG of `--file-mb` MB through the stack (create,
 * PUT through the gateway's /files, submitSolution with it), then as many downloads. Row per concurrency: the upload
 * phase in the common fields (files/s, per-file latency), both phases in `files`.
 */
async function measureFileTransfers(
  options: BenchOptions,
  stack: RunningStack,
  sql: SqlStatements,
  dataset: Dataset,
  requests: PreparedRequests,
  run: number,
  idleStatementsPerSecond: { foreground: number; background: number },
): Promise<Measurement[]> {
  benchPng ??= makePng(options.fileBytes);
  const file = await benchPng;
  log(`F2: a ${file.width}×${file.height} PNG of ${file.bytes.length} bytes`);
  const results: Measurement[] = [];
  for (const connections of options.fileConnections) {
    const count = Math.max(options.files, connections * 2);
    // Warm-up: a few files first (connections, JIT, sharp's first call), not counted.
    await measureFiles(stack, sql, { connections, count: Math.min(count, connections * 2, 8), file, uploaders: requests.solverTokens.map((token) => ({ token })).reverse(), challengeIds: dataset.openChallengeIds, run, idleStatementsPerSecond });
    const point = await measureFiles(stack, sql, { connections, count, file, uploaders: requests.solverTokens.map((token) => ({ token })), challengeIds: dataset.openChallengeIds, run, idleStatementsPerSecond });
    const perFile = (cpuMsPerMb: Record<string, number>) => Object.fromEntries(Object.entries(cpuMsPerMb).map(([n, v]) => [n, Math.round(((v * point.fileBytes) / MB) * 100) / 100]));
    const m: Measurement = {
      run,
      scenario: 'F2',
      target: 'gateway',
      connections,
      requests: point.upload.files,
      seconds: point.upload.seconds,
      rps: point.upload.files / point.upload.seconds,
      p50Ms: point.upload.p50Ms,
      p99Ms: point.upload.p99Ms,
      failures: point.upload.errors + point.download.errors,
      graphqlErrors: 0,
      firstError: point.upload.firstError ?? point.download.firstError,
      sqlPerOperation: point.upload.sql,
      subgraphStatementsPerOperation: {},
      cpuMsPerRequest: perFile(point.upload.cpuMsPerMb),
      peakRssMb: {},
      files: point,
    };
    const total = (r: Record<string, number>) => Math.round(Object.values(r).reduce((a, b) => a + b, 0) * 10) / 10;
    log(`run ${run} F2       gateway c=${String(connections).padStart(2)}  up ${point.upload.mbPerSecond} MB/s (${point.upload.files} files, p50 ${point.upload.p50Ms} ms, PUT p50 ${point.upload.transferP50Ms} ms, CPU ${total(point.upload.cpuMsPerMb)} ms/MB, SQL/file ${point.upload.sql.total}+${point.upload.sql.background}bg)  down ${point.download.mbPerSecond} MB/s (p50 ${point.download.p50Ms} ms, CPU ${total(point.download.cpuMsPerMb)} ms/MB, SQL/file ${point.download.sql.total})  errors ${m.failures}${m.firstError ? `  first: ${m.firstError.slice(0, 300)}` : ''}`);
    results.push(m);
  }
  return results;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
