import { Client } from 'pg';

/**
 * SQL statements per operation, from pg_stat_statements over the whole database (every subgraph and the event
 * bus). Statements of background work — the event bus (pg-boss), outbox relays, event consumers' inbox, payout /
 * webhook / settlement pollers — are counted apart: for reads they are noise from timers, for mutations they are
 * the asynchronous cost the operation causes (events relayed and consumed).
 */
// The relay reads and marks outbox rows in the background; inserting one is part of the request that records it.
// Consumers' writes to their read models (`*_view`) are background work too.
const BACKGROUND = [/\b"?pgboss"?\./i, /\bfrom outbox_event\b/i, /\bupdate outbox_event\b/i, /\binsert into "?\w*"?\.?"?\w+_view\b/i, /\bprocessed_event\b/i, /\bstripe_event\b/i, /\bfrom settlement\b/i, /\bpayout where status\b/i, /\bupdate payout set status\b/i, /\bpg_advisory/i];

export class SqlStatements {
  private constructor(private readonly client: Client) {}

  static async connect(databaseUrl: string): Promise<SqlStatements> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'ideagora-bench' });
    await client.connect();
    await client.query('create extension if not exists pg_stat_statements');
    return new SqlStatements(client);
  }

  async reset(): Promise<void> {
    await this.client.query('select pg_stat_statements_reset()');
  }

  /** Statements executed since the last reset, excluding the benchmark's own queries. */
  async read(): Promise<StatementCounts> {
    const { rows } = await this.client.query<{ query: string; calls: string }>(
      `select query, calls from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())
          and query not like '%pg_stat_statements%'`,
    );
    const counts: StatementCounts = { foreground: 0, foregroundData: 0, background: 0, top: [] };
    for (const row of rows) {
      const calls = Number(row.calls);
      if (BACKGROUND.some((pattern) => pattern.test(row.query))) counts.background += calls;
      else {
        counts.foreground += calls;
        if (/^\s*(with|select|insert|update|delete)\b/i.test(row.query)) counts.foregroundData += calls;
      }
    }
    counts.top = rows
      .map((r) => ({ calls: Number(r.calls), query: r.query.replace(/\s+/g, ' ').slice(0, 160) }))
      .sort((a, b) => b.calls - a.calls)
      .slice(0, 10);
    return counts;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

export interface StatementCounts {
  /** Statements of request handling (BEGIN/COMMIT and SET included). */
  foreground: number;
  /** Of those, SELECT/INSERT/UPDATE/DELETE (and WITH) only. */
  foregroundData: number;
  /** Event bus, relays, consumers' inbox and pollers. */
  background: number;
  top: { calls: number; query: string }[];
}

export interface StatementsPerOperation {
  /** Request statements per operation (pg_stat_statements). */
  total: number;
  data: number;
  /** Background statements per operation (see BACKGROUND). */
  background: number;
}

export function perOperation(measured: StatementCounts, operations: number): StatementsPerOperation {
  if (operations === 0) return { total: 0, data: 0, background: 0 };
  const per = (n: number) => Math.round((n / operations) * 100) / 100;
  return { total: per(measured.foreground), data: per(measured.foregroundData), background: per(measured.background) };
}
