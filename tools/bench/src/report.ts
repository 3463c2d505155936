import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerSoundness, PaidSummary } from './award-setup';
import type { BenchOptions, ScenarioName, TargetName } from './bench.options';
import type { Dataset } from './data/generate-dataset';
import type { LoadResult } from './load-runner';
import type { StatementsPerOperation } from './sql-metrics';
import type { FilePhase, FilesPoint } from './files-bench';

export interface Measurement extends LoadResult {
  run: number;
  scenario: ScenarioName;
  target: TargetName;
  connections: number;
  sqlPerOperation: StatementsPerOperation;
  subgraphStatementsPerOperation: Record<string, number>;
  cpuMsPerRequest: Record<string, number>;
  peakRssMb: Record<string, number>;
  paid?: PaidSummary;
  /** The most frequent statements of the point (pg_stat_statements). */
  topStatements?: { calls: number; query: string }[];
  /** M1: seconds after the load until every event it caused was applied. */
  eventsDrainedSeconds?: number;
  /** M3: the one AwardPrizes call (per-award figures are in the fields above: requests = awards). */
  /** F2: the upload and the download phase of one concurrency level. */
  files?: FilesPoint;
  bulk?: { awards: number; callMs: number; setupSeconds: Record<string, number>; callStatementsBySubgraph: Record<string, number>; ledger?: LedgerSoundness };
}

interface ReportInput {
  dataset: Dataset;
  measurements: Measurement[];
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  /** CPU each process used per second with no load (pollers, job workers). */
  idleCpuMsPerSecond?: Record<string, number>;
  pages: { first: number; last: number; total: number };
  rankingPages?: { first: number; last: number; total: number };
  galleryPages?: { first: number; last: number; total: number };
  minutes: number;
}

const median = (values: number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (n: number, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : NaN);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? String(round(n, digits)) : '–');

type Key = `${ScenarioName}|${TargetName}|${number}`;
const keyOf = (m: Pick<Measurement, 'scenario' | 'target' | 'connections'>): Key => `${m.scenario}|${m.target}|${m.connections}`;

export interface Summary {
  scenario: ScenarioName;
  target: TargetName;
  connections: number;
  runs: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  sqlPerOperation: number;
  dataSqlPerOperation: number;
  backgroundSqlPerOperation: number;
  /** Statements each subgraph issued inside GraphQL requests (its own counter), per operation. */
  subgraphStatementsPerOperation: Record<string, number>;
  cpuMsPerRequest: Record<string, number>;
  peakRssMb: Record<string, number>;
  errors: number;
}

/** Medians over the runs of each (scenario, target, concurrency). */
export function summarise(measurements: Measurement[]): Summary[] {
  const groups = new Map<Key, Measurement[]>();
  for (const m of measurements) groups.set(keyOf(m), [...(groups.get(keyOf(m)) ?? []), m]);
  return [...groups.values()].map((ms) => {
    const names = [...new Set(ms.flatMap((m) => Object.keys(m.cpuMsPerRequest)))];
    const rssNames = [...new Set(ms.flatMap((m) => Object.keys(m.peakRssMb)))];
    return {
      scenario: ms[0].scenario,
      target: ms[0].target,
      connections: ms[0].connections,
      runs: ms.length,
      rps: median(ms.map((m) => m.rps)),
      p50Ms: median(ms.map((m) => m.p50Ms)),
      p99Ms: median(ms.map((m) => m.p99Ms)),
      sqlPerOperation: median(ms.map((m) => m.sqlPerOperation.total)),
      dataSqlPerOperation: median(ms.map((m) => m.sqlPerOperation.data)),
      backgroundSqlPerOperation: median(ms.map((m) => m.sqlPerOperation.background ?? 0)),
      subgraphStatementsPerOperation: Object.fromEntries(
        [...new Set(ms.flatMap((m) => Object.keys(m.subgraphStatementsPerOperation)))].map((n) => [n, round(median(ms.map((m) => m.subgraphStatementsPerOperation[n] ?? 0)), 2)]),
      ),
      cpuMsPerRequest: Object.fromEntries(names.map((n) => [n, round(median(ms.map((m) => m.cpuMsPerRequest[n] ?? 0)), 2)])),
      peakRssMb: Object.fromEntries(rssNames.map((n) => [n, Math.max(...ms.map((m) => m.peakRssMb[n] ?? 0))])),
      errors: ms.reduce((sum, m) => sum + m.failures + m.graphqlErrors, 0),
    };
  });
}

/** Ratios taken inside one run (the gateways measured back to back), for each run; the report shows their median. */
export function ratios(measurements: Measurement[]): { scenario: ScenarioName; connections: number; run: number; rpsVsHive?: number; p99VsHive?: number; rpsVsDirect?: number; p99VsDirect?: number }[] {
  const byKey = new Map<string, Measurement>();
  for (const m of measurements) byKey.set(`${m.run}|${keyOf(m)}`, m);
  const rows: ReturnType<typeof ratios> = [];
  for (const m of measurements) {
    if (m.target !== 'gateway' || m.scenario === 'M2' || m.scenario === 'M3' || m.scenario === 'F2') continue;
    const hive = byKey.get(`${m.run}|${m.scenario}|hive|${m.connections}`);
    const direct = byKey.get(`${m.run}|${m.scenario}|direct|${m.connections}`);
    rows.push({
      scenario: m.scenario,
      connections: m.connections,
      run: m.run,
      rpsVsHive: hive ? round(m.rps / hive.rps, 2) : undefined,
      p99VsHive: hive ? round(m.p99Ms / hive.p99Ms, 2) : undefined,
      rpsVsDirect: direct ? round(m.rps / direct.rps, 2) : undefined,
      p99VsDirect: direct ? round(m.p99Ms / direct.p99Ms, 2) : undefined,
    });
  }
  return rows;
}

const TARGET_LABEL: Record<TargetName, string> = { gateway: 'Ideagora gateway', hive: 'Hive Gateway', direct: 'subgraph direct' };

export function renderMarkdown(options: BenchOptions, input: ReportInput): string {
  const summaries = summarise(input.measurements);
  const ratioRows = ratios(input.measurements);
  const lines: string[] = [];
  const d = input.dataset;
  const command = [
    options.quick ? '--quick' : '',
    `--size ${options.size} --runs ${options.runs} --duration ${options.durationSeconds} --warmup ${options.warmupSeconds}`,
    `--scenarios ${options.scenarios.join(',')} --targets ${options.targets.join(',')} --connections ${options.connections.join(',')}`,
    options.scenarios.includes('M3') ? `--bulk-awards ${options.bulkAwards}` : '',
    options.scenarios.includes('F2') ? `--file-connections ${options.fileConnections.join(',')} --files ${options.files} --file-mb ${options.fileBytes / 1e6}` : '',
  ].filter(Boolean);
  lines.push(`Generated ${new Date().toISOString()} by \`npm run bench -- ${command.join(' ')}\` in ${fmt(input.minutes)} min.`);
  lines.push('');
  lines.push(`Machine: ${input.machine.cpus} × ${input.machine.cpuModel}, ${input.machine.memoryGb} GiB, Node ${input.machine.node}; everything (Postgres, 4 subgraphs, gateways, Stripe emulator, load generator) on this one machine.`);
  if (input.idleCpuMsPerSecond) {
    const idle = Object.entries(input.idleCpuMsPerSecond).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    lines.push(`With no load (5 s), CPU ms per second: ${idle.map(([n, v]) => `${n} ${v}`).join(', ') || 'none'} — background work (pollers, job workers) every request's CPU share includes.`);
  }
  lines.push(`Data (\`${d.size}\`): ${Object.entries(d.counts).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k} ${Number(v).toLocaleString('en-US')}`).join(', ')}; big contest ${d.bigChallenge.submissionCount.toLocaleString('en-US')} submissions (${input.pages.total.toLocaleString('en-US')} pages of 20)${d.bigChallenge.judgeIds ? `, scored by ${d.bigChallenge.judgeIds.length} judges (${d.bigChallenge.scoreCards.toLocaleString('en-US')} score cards; ranking ${input.rankingPages?.total.toLocaleString('en-US') ?? '–'} pages)` : ''}.`);
  lines.push('');
  lines.push(`### Throughput and latency (median of ${options.runs} run${options.runs > 1 ? 's' : ''}, ${options.durationSeconds} s each after ${options.warmupSeconds} s warm-up)`);
  lines.push('');
  lines.push('| scenario | target | conns | req/s | p50 ms | p99 ms | SQL/op: request (data) + background | SQL/op by subgraph | CPU ms/req by process | peak RSS MB | errors |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---|---|---|---:|');
  for (const s of summaries) {
    if (s.scenario === 'F2') continue;
    const cpu = Object.entries(s.cpuMsPerRequest).filter(([, v]) => v >= 0.01).sort((a, b) => b[1] - a[1]).map(([n, v]) => `${n} ${v}`).join(', ');
    // Peak RSS of the processes that worked for this point (CPU ≥ 0.05 ms per request).
    const rss = Object.entries(s.peakRssMb).filter(([n, v]) => v > 0 && n !== 'load-generator' && (s.cpuMsPerRequest[n] ?? 0) >= 0.05).map(([n, v]) => `${n} ${v}`).join(', ');
    const bySubgraph = Object.entries(s.subgraphStatementsPerOperation).filter(([, v]) => v > 0).map(([n, v]) => `${n} ${v}`).join(', ');
    lines.push(`| ${s.scenario} | ${TARGET_LABEL[s.target]} | ${s.connections} | ${fmt(s.rps, 0)} | ${fmt(s.p50Ms)} | ${fmt(s.p99Ms)} | ${fmt(s.sqlPerOperation, 1)} (${fmt(s.dataSqlPerOperation, 1)}) + ${fmt(s.backgroundSqlPerOperation, 1)} | ${bySubgraph} | ${cpu} | ${rss} | ${s.errors} |`);
  }
  lines.push('');
  lines.push('### Ratios (each measured within one run, gateways back to back; median over runs)');
  lines.push('');
  lines.push('| scenario | conns | req/s Ideagora ÷ Hive | p99 Ideagora ÷ Hive | req/s gateway ÷ direct | p99 gateway ÷ direct |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  const ratioGroups = new Map<string, typeof ratioRows>();
  for (const r of ratioRows) ratioGroups.set(`${r.scenario}|${r.connections}`, [...(ratioGroups.get(`${r.scenario}|${r.connections}`) ?? []), r]);
  for (const rows of ratioGroups.values()) {
    if (rows.every((r) => r.rpsVsHive === undefined && r.rpsVsDirect === undefined)) continue;
    const m = (f: (r: (typeof rows)[number]) => number | undefined) => fmt(median(rows.map(f).filter((v): v is number => v !== undefined)), 2);
    lines.push(`| ${rows[0].scenario} | ${rows[0].connections} | ${m((r) => r.rpsVsHive)} | ${m((r) => r.p99VsHive)} | ${m((r) => r.rpsVsDirect)} | ${m((r) => r.p99VsDirect)} |`);
  }
  const paid = input.measurements.filter((m) => m.paid && m.scenario === 'M2');
  if (paid.length > 0) {
    lines.push('');
    lines.push('### M2: AwardPrize through payout PAID (Stripe emulator)');
    lines.push('');
    lines.push('| run | conns | awards | awards/s | p50 ms | p99 ms | PAID | award→PAID p50 ms | p99 ms | all PAID after s |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const m of paid) lines.push(`| ${m.run} | ${m.connections} | ${m.requests} | ${fmt(m.rps, 0)} | ${fmt(m.p50Ms)} | ${fmt(m.p99Ms)} | ${m.paid!.paid}/${m.paid!.expected} | ${m.paid!.p50Ms} | ${m.paid!.p99Ms} | ${m.paid!.drainSeconds} |`);
  }
  const bulk = input.measurements.filter((m) => m.bulk);
  if (bulk.length > 0) {
    lines.push('');
    lines.push('### M3: one AwardPrizes call of many awards, through payout PAID (Stripe emulator)');
    lines.push('');
    lines.push('CPU and SQL per award are counted from the call until the last payout PAID (every process; statements: request + background).');
    lines.push('');
    lines.push('| run | awards | call s | awards/s in the call | PAID | award→PAID p50 s | p99 s | last PAID after s | CPU ms/award by process | SQL/award | statements in the call by subgraph | setup s |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|');
    const ledgerLines: string[] = [];
    for (const m of bulk) {
      const b = m.bulk!;
      const cpu = Object.entries(m.cpuMsPerRequest).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v}`).join(', ');
      const total = Object.values(m.cpuMsPerRequest).reduce((x, y) => x + y, 0);
      const calls = Object.entries(b.callStatementsBySubgraph).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', ');
      lines.push(`| ${m.run} | ${b.awards} | ${fmt(b.callMs / 1000, 2)} | ${fmt(m.rps, 0)} | ${m.paid!.paid}/${m.paid!.expected} | ${fmt(m.paid!.p50Ms / 1000, 1)} | ${fmt(m.paid!.p99Ms / 1000, 1)} | ${m.paid!.drainSeconds} | ${fmt(total, 2)}: ${cpu} | ${fmt(m.sqlPerOperation.total, 2)} + ${fmt(m.sqlPerOperation.background, 2)} | ${calls} | ${JSON.stringify(b.setupSeconds).replace(/"/g, '')} |`);
      if (b.ledger) ledgerLines.push(`- run ${m.run}: ${b.ledger.transactions} ledger transactions, ${b.ledger.unbalancedTransactions} unbalanced; escrow over ${b.ledger.escrowPostings} postings, lowest ${b.ledger.lowestEscrowHeld}, at the end ${b.ledger.escrowHeldAtEnd} minor units (${b.ledger.unbalancedTransactions === 0 && b.ledger.lowestEscrowHeld >= 0 ? 'sound' : '**not sound**'})`);
    }
    if (ledgerLines.length > 0) lines.push('', 'The ledger of the awarded challenge after the last PAID:', ...ledgerLines);
  }
  const fileRows = input.measurements.filter((m) => m.files);
  if (fileRows.length > 0) {
    const f = fileRows[0].files!;
    lines.push('');
    lines.push(`### F2: files of ${(f.fileBytes / 1e6).toFixed(2)} MB (a real PNG) through the gateway's /files (MB = 10^6 bytes)`);
    lines.push('');
    lines.push('Upload = createAttachmentUpload + PUT (verified: size, sha256, type; preview made) + submitSolution with it; download = GET of its downloadUrl, every byte hashed. CPU of every process per MB moved (idle work included: pollers); SQL per file (request + background, net of the idle rate measured before).');
    lines.push('');
    lines.push('| run | conns | phase | files | MB/s | p50 / p99 ms per file | PUT or GET p50 / p99 ms | CPU ms/MB (total: by process) | SQL/file | errors |');
    lines.push('|---:|---:|---|---:|---:|---:|---:|---|---:|---:|');
    const row = (m: Measurement, name: string, p: FilePhase) => {
      const cpu = Object.entries(p.cpuMsPerMb).filter(([, v]) => v >= 0.01).sort((a, b) => b[1] - a[1]);
      const total = cpu.reduce((sum, [, v]) => sum + v, 0);
      lines.push(`| ${m.run} | ${m.connections} | ${name} | ${p.files} | ${fmt(p.mbPerSecond)} | ${p.p50Ms} / ${p.p99Ms} | ${p.transferP50Ms} / ${p.transferP99Ms} | ${fmt(total, 1)}: ${cpu.map(([n, v]) => `${n} ${v}`).join(', ')} | ${fmt(p.sql.total, 1)} + ${fmt(p.sql.background, 1)} | ${p.errors} |`);
    };
    for (const m of fileRows) {
      row(m, 'upload', m.files!.upload);
      row(m, 'download', m.files!.download);
    }
  }
  lines.push('');
  lines.push('### Targets');
  lines.push('');
  const find = (scenario: ScenarioName, target: TargetName, connections: number) => summaries.find((s) => s.scenario === scenario && s.target === target && s.connections === connections);
  const check = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : '**not met**');
  const first = find('Q2-first', 'gateway', 10) ?? find('Q2-first', 'gateway', 1);
  const last = first ? find('Q2-last', 'gateway', first.connections) : undefined;
  lines.push(`- Q2 last page (${input.pages.last}) within 1.2× page 1 (p50, ${first?.connections ?? '–'} conns): ${first && last ? `${fmt(last.p50Ms)} ms vs ${fmt(first.p50Ms)} ms = ${fmt(last.p50Ms / first.p50Ms, 2)}× — ${check(last.p50Ms <= 1.2 * first.p50Ms)}` : 'not measured'}`);
  const q4first = find('Q4-first', 'gateway', 10) ?? find('Q4-first', 'gateway', 1);
  const q4last = q4first ? find('Q4-last', 'gateway', q4first.connections) : undefined;
  if (q4first && q4last) {
    lines.push(`- Q4 judging board: last ranking page (${input.rankingPages?.last ?? '–'}) vs page 1 (p50, ${q4first.connections} conns): ${fmt(q4last.p50Ms)} ms vs ${fmt(q4first.p50Ms)} ms = ${fmt(q4last.p50Ms / q4first.p50Ms, 2)}×; SQL statements per page ${fmt(q4last.sqlPerOperation, 1)} vs ${fmt(q4first.sqlPerOperation, 1)} (submissions ${q4last.subgraphStatementsPerOperation.submissions ?? '–'} vs ${q4first.subgraphStatementsPerOperation.submissions ?? '–'}) — ${check(Math.abs(q4last.sqlPerOperation - q4first.sqlPerOperation) < 0.5)} (constant)`);
  }
  for (const order of ['', '-votes'] as const) {
    const g1 = find(`Q5${order}-first` as ScenarioName, 'gateway', 10) ?? find(`Q5${order}-first` as ScenarioName, 'gateway', 1);
    const gl = g1 ? find(`Q5${order}-last` as ScenarioName, 'gateway', g1.connections) : undefined;
    if (g1 && gl) {
      lines.push(`- Q5 gallery${order ? ' by votes' : ''}: last page (${input.galleryPages?.last ?? '–'}) vs page 1 (p50, ${g1.connections} conns): ${fmt(gl.p50Ms)} ms vs ${fmt(g1.p50Ms)} ms = ${fmt(gl.p50Ms / g1.p50Ms, 2)}×; SQL statements per page ${fmt(gl.sqlPerOperation, 1)} vs ${fmt(g1.sqlPerOperation, 1)} — ${check(Math.abs(gl.sqlPerOperation - g1.sqlPerOperation) < 0.5)} (constant)`);
    }
  }
  const q1Ratio = ratioGroups.get('Q1|50');
  const q1 = q1Ratio ? median(q1Ratio.map((r) => r.rpsVsHive).filter((v): v is number => v !== undefined)) : NaN;
  lines.push(`- Q1 at 50 connections, Ideagora ≥ 0.9× Hive Gateway req/s: ${Number.isFinite(q1) ? `${fmt(q1, 2)}× — ${check(q1 >= 0.9)}` : 'not measured'}`);
  const q1at10 = find('Q1', 'gateway', 10);
  lines.push(`- Q1 p99 under 100 ms at 10 connections (${d.size} data${d.size === 'large' ? '' : '; the target is for large'}): ${q1at10 ? `${fmt(q1at10.p99Ms)} ms — ${check(q1at10.p99Ms < 100)}` : 'not measured'}`);
  const m1 = summaries.filter((s) => s.scenario === 'M1' && s.target === 'gateway').sort((a, b) => b.rps - a.rps)[0];
  lines.push(`- M1 sustains ≥ 500 submissions/s: ${m1 ? `best ${fmt(m1.rps, 0)}/s at ${m1.connections} conns — ${check(m1.rps >= 500)}` : 'not measured'}`);
  const drains = input.measurements.filter((m) => m.scenario === 'M1' && m.target === 'gateway' && m.eventsDrainedSeconds !== undefined);
  if (drains.length > 0) lines.push(`- M1 events (SubmissionCreated → payouts' read model) applied within ${fmt(Math.max(...drains.map((m) => m.eventsDrainedSeconds!)), 1)} s after the load stopped (worst point)`);
  const sqlRows = summaries.filter((s) => s.target === 'gateway' && s.scenario !== 'M2' && s.scenario !== 'M3' && s.scenario !== 'F2').map((s) => `${s.scenario} ${fmt(s.sqlPerOperation, 1)}`);
  lines.push(`- SQL statements per operation (gateway, request statements incl. BEGIN/COMMIT, by concurrency): ${sqlRows.join(', ')}`);
  return lines.join('\n') + '\n';
}

/** An SVG chart: req/s (left) and p99 (right) by concurrency, one line per target, for the read scenarios. */
export function renderChart(measurements: Measurement[], scenario: ScenarioName = 'Q1'): string {
  const summaries = summarise(measurements).filter((s) => s.scenario === scenario);
  const targets = [...new Set(summaries.map((s) => s.target))];
  const levels = [...new Set(summaries.map((s) => s.connections))].sort((a, b) => a - b);
  const colors: Record<TargetName, string> = { gateway: '#2563eb', hive: '#f59e0b', direct: '#6b7280' };
  const width = 860;
  const height = 360;
  const panel = { w: 360, h: 240, top: 60, left: [70, 500] };
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  parts.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  parts.push(`<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">${scenario}: requests per second and p99 latency by concurrency (medians)</text>`);
  const drawPanel = (index: number, title: string, value: (s: Summary) => number, unit: string) => {
    const x0 = panel.left[index];
    const max = Math.max(1, ...summaries.map(value).filter(Number.isFinite)) * 1.15;
    const x = (i: number) => x0 + (levels.length === 1 ? panel.w / 2 : (i / (levels.length - 1)) * panel.w);
    const y = (v: number) => panel.top + panel.h - (v / max) * panel.h;
    parts.push(`<text x="${x0 + panel.w / 2}" y="${panel.top - 12}" text-anchor="middle" font-weight="600">${title}</text>`);
    parts.push(`<line x1="${x0}" y1="${panel.top + panel.h}" x2="${x0 + panel.w}" y2="${panel.top + panel.h}" stroke="#111"/>`);
    parts.push(`<line x1="${x0}" y1="${panel.top}" x2="${x0}" y2="${panel.top + panel.h}" stroke="#111"/>`);
    for (let t = 0; t <= 4; t += 1) {
      const v = (max / 4) * t;
      parts.push(`<line x1="${x0 - 4}" y1="${y(v)}" x2="${x0 + panel.w}" y2="${y(v)}" stroke="#e5e7eb"/><text x="${x0 - 8}" y="${y(v) + 4}" text-anchor="end">${round(v, 0)}</text>`);
    }
    levels.forEach((c, i) => parts.push(`<text x="${x(i)}" y="${panel.top + panel.h + 18}" text-anchor="middle">${c}</text>`));
    parts.push(`<text x="${x0 + panel.w / 2}" y="${panel.top + panel.h + 36}" text-anchor="middle">connections</text>`);
    parts.push(`<text x="${x0 - 50}" y="${panel.top + panel.h / 2}" text-anchor="middle" transform="rotate(-90 ${x0 - 50} ${panel.top + panel.h / 2})">${unit}</text>`);
    for (const target of targets) {
      const points = levels.map((c, i) => ({ c, i, s: summaries.find((s) => s.target === target && s.connections === c) })).filter((p) => p.s);
      parts.push(`<polyline fill="none" stroke="${colors[target]}" stroke-width="2.5" points="${points.map((p) => `${x(p.i)},${y(value(p.s!))}`).join(' ')}"/>`);
      for (const p of points) parts.push(`<circle cx="${x(p.i)}" cy="${y(value(p.s!))}" r="3.5" fill="${colors[target]}"><title>${TARGET_LABEL[target]} ${p.c} conns: ${round(value(p.s!), 1)} ${unit}</title></circle>`);
    }
  };
  drawPanel(0, 'Requests per second (higher is better)', (s) => s.rps, 'req/s');
  drawPanel(1, 'p99 latency (lower is better)', (s) => s.p99Ms, 'ms');
  targets.forEach((target, i) => {
    const lx = 70 + i * 200;
    parts.push(`<rect x="${lx}" y="${height - 22}" width="14" height="4" fill="${colors[target]}"/><text x="${lx + 20}" y="${height - 16}">${TARGET_LABEL[target]}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export function writeReport(options: BenchOptions, input: ReportInput): string[] {
  mkdirSync(options.outDir, { recursive: true });
  const base = join(options.outDir, options.size);
  const files = [`${base}-latest.json`, `${base}-latest.md`, `${base}-q1.svg`];
  // The descriptor's id samples (thousands of ids) are not results: keep their sizes only.
  const dataset = Object.fromEntries(Object.entries(input.dataset).map(([k, v]) => [k, Array.isArray(v) && v.length > 50 ? `${v.length} ids` : v]));
  writeFileSync(files[0], JSON.stringify({ options, ...input, dataset, summaries: summarise(input.measurements), ratios: ratios(input.measurements) }, null, 2));
  writeFileSync(files[1], renderMarkdown(options, input));
  writeFileSync(files[2], renderChart(input.measurements, 'Q1'));
  return files;
}
