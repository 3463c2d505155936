import { Pool, types } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import { RATE_LIMIT_RULES, type RateLimitRule } from './rate-limit.rules';

const SCHEMA = 'gateway';
const TABLE = 'rate_limit';
const INT8_OID = 20;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counters in Postgres (rate-limiter-flexible), so every gateway process counts against the same
 * budget. If Postgres cannot be reached, each process falls back to counting alone in memory (the library's
 * insurance limiter) rather than refusing everyone or letting everything through.
 */
export class RateLimitStore {
  private constructor(
    private readonly pool: Pool,
    private readonly limiters: Map<string, RateLimiterPostgres>,
  ) {}

  /**
   * `scale` multiplies every budget (1 in production; the test harness and the benchmark, which act as many people
   * from one address, raise it).
   */
  static async start(options: { databaseUrl: string; scale: number; logger: Logger }): Promise<RateLimitStore> {
    // Budgets of cost reach billions once scaled (tests, benchmark): the points column is bigint, read as a number.
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: 4,
      types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : types.getTypeParser(oid, format))) as typeof types.getTypeParser },
    });
    pool.on('error', (err) => options.logger.warn({ err }, 'rate limit store: idle connection failed'));
    await prepareTable(pool);
    const limiters = new Map<string, RateLimiterPostgres>();
    RATE_LIMIT_RULES.forEach((rule, index) => {
      const points = Math.max(1, Math.round(rule.points * options.scale));
      limiters.set(
        rule.name,
        new RateLimiterPostgres({
          storeClient: pool,
          storeType: 'pool',
          schemaName: SCHEMA,
          tableName: TABLE,
          tableCreated: true,
          keyPrefix: rule.name,
          points,
          duration: rule.windowSeconds,
          // Once a subject is over its budget, this process refuses it without asking Postgres until the window ends.
          inMemoryBlockOnConsumed: points + 1,
          // One sweeper of expired counters per process is enough: they share the table.
          clearExpiredByTimeout: index === 0,
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: rule.name, points, duration: rule.windowSeconds }),
        }),
      );
    });
    return new RateLimitStore(pool, limiters);
  }

  /** Counts `points` for `subject` (an address or a user id) under `rule`. */
  async consume(rule: RateLimitRule, subject: string, points: number): Promise<RateLimitVerdict> {
    const limiter = this.limiters.get(rule.name);
    if (!limiter) throw new Error(`no limiter for rule ${rule.name}`);
    try {
      await limiter.consume(subject, points);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      throw rejection;
    }
  }

  stop(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * The gateway's one table: counters that live at most a day, so it is created where it is used (idempotently,
 * under an advisory lock so that gateways starting together do not race) rather than by a migration history.
 */
async function prepareTable(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('ideagora:gateway:rate_limit'))`);
    await client.query(`create schema if not exists "${SCHEMA}"`);
    await client.query(`create table if not exists "${SCHEMA}"."${TABLE}" (key varchar(255) primary key, points bigint not null default 0, expire bigint)`);
    // Tables made before the budgets of cost counted points as integer.
    await client.query(`alter table "${SCHEMA}"."${TABLE}" alter column points type bigint`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}
