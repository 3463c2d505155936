import type { Client } from 'pg';

/** A statement's cost as Postgres reports it: the buffers it touched (the bound tests hold) and its time (reported). */
export interface ExplainedStatement {
  /** Shared buffers hit or read by the whole statement (the plan's top node), on the last run: machine-independent. */
  buffers: number;
  /** Median execution time of 5 runs after one warm-up, for the figures printed; never asserted (docs/BENCHMARKS.md). */
  ms: number;
  plan: string;
}

/** The services' `?` bindings (knex style) as pg's `$1`, `$2`, … */
export function numberedBindings(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a service's statement, six times. The scale tests bound `buffers` (pages of 8 kB the
 * statement touched), which a loaded machine does not change, rather than milliseconds, which it does.
 */
export async function explainStatement(db: Client, sql: string, params: unknown[]): Promise<ExplainedStatement> {
  const times: number[] = [];
  let lines: string[] = [];
  for (let run = 0; run < 6; run++) {
    const result = await db.query(`explain (analyze, buffers) ${numberedBindings(sql)}`, params);
    lines = result.rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
    if (run > 0) times.push(Number(/Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1]));
  }
  times.sort((a, b) => a - b);
  // The first Buffers line belongs to the top node, which counts its children's (InitPlans included).
  const top = lines.find((line) => line.trim().startsWith('Buffers: shared')) ?? '';
  const buffers = ['hit', 'read'].reduce((sum, kind) => sum + Number(new RegExp(`${kind}=(\\d+)`).exec(top)?.[1] ?? 0), 0);
  return { buffers, ms: times[Math.floor(times.length / 2)]!, plan: lines.join('\n') };
}
