import type { EntityManager } from '@mikro-orm/postgresql';
import { Poller } from './poller';

/**
 * The one retry policy of every work queue: after the n-th failed attempt, wait base × 2^(n−1) (capped); give up
 * after `maxAttempts` failures (the item stays in its table with its last error), or never when it is omitted.
 */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  maxAttempts?: number;
}

/** Delay before the next attempt after `attempts` failed ones: base, 2 × base, 4 × base … capped. */
export function retryDelayMs(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.baseMs * 2 ** Math.min(Math.max(0, attempts - 1), 30), policy.capMs);
}

/** An item that had failed `failedBefore` times fails again: its new count, and when to retry (null: give up). */
export function nextRetry(policy: RetryPolicy, failedBefore: number): { attempts: number; retryInMs: number | null } {
  const attempts = failedBefore + 1;
  return { attempts, retryInMs: policy.maxAttempts !== undefined && attempts >= policy.maxAttempts ? null : retryDelayMs(policy, attempts) };
}

/** What a failed attempt means for its item (default `retry`). */
export type FailureDecision =
  /** Counted, recorded, retried after the policy's delay (or given up at its limit). */
  | { retry: true }
  /** Finished without retry (e.g. a Stripe event that contradicts our records): `set` marks it, the error is kept. */
  | { finish: string };

/** Columns of the bookkeeping in the caller's table (the defaults are the usual names). */
export interface WorkQueueColumns {
  attempts: string;
  nextAttemptAt: string;
  lastError: string;
  /** Set to now() with every change the queue makes, when the table has one. */
  updatedAt?: string;
}

/** Anything with pino's two methods. */
export interface WorkQueueLogger {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** The part every queue configures: which rows of which table are waiting, in what order, how many a run takes. */
interface QueueTable<Row> {
  /** For logs. */
  name: string;
  table: string;
  /** Key column (unique). */
  key: string;
  /** SQL condition under which a row still has work, whatever its time (e.g. `sent_at is null`). */
  pending: string;
  /** Order of the claims; default: the next attempt's time, then the key. */
  order?: string;
  /** Columns returned with a claimed row besides the key and the attempts count. */
  columns?: string[];
  /** Items per run: a full batch runs again at once. */
  batchSize: number;
  /** Interval of the poll; a nudge runs it sooner. */
  pollMs: number;
  /**
   * Items worked at once by one process (locked and leased queues; default 1): each lane claims, works and records
   * its own item, as separate processes would (skip locked). For remote calls (Stripe), where a lane mostly waits.
   */
  concurrency?: number;
  /** Fields that name an item in logs (never its content). */
  describe(row: Row): Record<string, unknown>;
  /** Commits of this queue do not nudge the outbox relay (set it when the work records no events). */
  quiet?: boolean;
  /** Runs before each run's claims (e.g. a safety net that makes items due); errors stop the run. */
  beforeRun?(em: EntityManager): Promise<void>;
}

interface RetriedQueue<Row> extends QueueTable<Row> {
  retry: RetryPolicy;
  columns?: string[];
  bookkeeping?: Partial<WorkQueueColumns>;
  /** The text kept as the last error; default: the error's message. */
  errorText?(error: unknown): string;
  /** What an error means; default: retry. */
  classify?(error: unknown, row: Row): FailureDecision;
  /** Log lines of a failure; the message (not the error object) alone when `errorDetail` is `message`. */
  messages: { retry: string; giveUp?: string };
  errorDetail?: 'error' | 'message';
}

/**
 * Handled inside the transaction that locked the row (the lock is held throughout: several processes may run the
 * queue, none takes a row another holds). The handler runs in a savepoint: its changes are undone when it throws,
 * and the failure is recorded in the same transaction, under the same lock. `done` marks the row finished.
 */
export interface LockedQueueOptions<Row> extends RetriedQueue<Row> {
  mode: 'locked';
  /** SQL assignments that mark the row done (e.g. `sent_at = now()`). */
  done: string;
  handle(tx: EntityManager, row: Row): Promise<void>;
}

/**
 * A whole batch locked and handled in one transaction, without retry bookkeeping: an error rolls the batch back for
 * the next run (the outbox: rows published together, marked together).
 */
export interface BatchQueueOptions<Row> extends QueueTable<Row> {
  mode: 'batch';
  done: string;
  handle(tx: EntityManager, rows: Row[]): Promise<void>;
}

/** What `prepare` found: work to do outside the transaction, a later look, or nothing (it recorded why itself). */
export type Prepared<Work> = { work: Work } | { defer: { ms: number; reason: string; countsAsAttempt?: boolean } } | null;

/**
 * Claimed in a short transaction (row locked, then leased: not due again before the lease ends), worked outside any
 * transaction (a remote call: Stripe), the outcome recorded by `perform` in its own transaction. A crash mid-work
 * retries the item once the lease ends: the work must be idempotent (idempotency keys derived from the row).
 */
export interface LeasedQueueOptions<Row, Work> extends RetriedQueue<Row> {
  mode: 'leased';
  leaseSeconds: number;
  /** In the claiming transaction, the row locked: check, load what the work needs, or decide (HELD, deferred…). */
  prepare(tx: EntityManager, row: Row): Promise<Prepared<Work>>;
  /** Outside any transaction; records its own result. Throwing records a failure (classified, retried). */
  perform(work: Work, row: Row): Promise<void>;
  /** More changes recorded with a failure, in its transaction, when the row was still pending. */
  onFailure?(tx: EntityManager, row: Row, error: unknown): Promise<void>;
}

export type WorkQueueOptions<Row, Work = never> = LockedQueueOptions<Row> | BatchQueueOptions<Row> | LeasedQueueOptions<Row, Work>;

/** Every claimed row carries its key and (with retries) its failure count. */
export type QueueRow = Record<string, unknown>;

const NAME = /^[a-z_][a-z0-9_]*$/;
const DEFAULT_COLUMNS: WorkQueueColumns = { attempts: 'attempts', nextAttemptAt: 'next_attempt_at', lastError: 'last_error' };

/**
 * A table-backed work queue over the caller's own table: the rows stay beside the business rows they belong to and
 * commit with them. Claims `select … for update skip locked` (several processes share a queue), counts failures,
 * schedules retries with the one backoff policy, gives up at the limit, and runs on a Poller: every `pollMs`, and
 * at once after `nudge()`.
 */
export class WorkQueue<Row extends QueueRow = QueueRow, Work = never> {
  private readonly poller: Poller;
  private readonly columns: WorkQueueColumns;

  constructor(
    protected readonly em: EntityManager,
    private readonly options: WorkQueueOptions<Row, Work>,
    protected readonly logger: WorkQueueLogger,
  ) {
    for (const name of [options.table, options.key, ...(options.columns ?? [])]) {
      if (!NAME.test(name)) throw new Error(`unsafe SQL name in work queue ${options.name}: ${name}`);
    }
    this.columns = { ...DEFAULT_COLUMNS, ...(options.mode === 'batch' ? {} : options.bookkeeping) };
    this.poller = new Poller(() => this.runOnce(), options.pollMs, (err) => logger.error({ err }, `${options.name} queue failed`));
  }

  start(): void {
    this.poller.start();
  }

  /** Run soon (after `afterMs`: from inside a transaction not committed yet, the poll interval is the fallback). */
  nudge(afterMs = 0): void {
    if (afterMs <= 0) this.poller.nudge();
    else setTimeout(() => this.poller.nudge(), afterMs).unref();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** One run: up to a batch of due items; true when the batch was full (more may be waiting). */
  async runOnce(): Promise<boolean> {
    return (await this.runBatch()) === this.options.batchSize;
  }

  /** Runs until nothing is due; returns how many items were taken. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const taken = await this.runBatch();
      total += taken;
      if (taken < this.options.batchSize) return total;
    }
  }

  private async runBatch(): Promise<number> {
    const options = this.options;
    await options.beforeRun?.(this.fork());
    if (options.mode === 'batch') return this.fork().transactional(async (tx) => {
      const rows = await this.claim(tx, options.batchSize);
      if (rows.length === 0) return 0;
      await options.handle(tx, rows);
      await this.execute(tx, `update ${options.table} set ${options.done} where ${options.key} in (${rows.map(() => '?').join(', ')})`, rows.map((r) => r[options.key]));
      return rows.length;
    });
    // Lanes take items from one budget of batchSize until it is spent or nothing is due.
    let taken = 0;
    let exhausted = false;
    const lane = async () => {
      while (!exhausted && taken < options.batchSize) {
        taken += 1;
        const claimed = options.mode === 'locked' ? await this.handleLocked(options) : await this.handleLeased(options);
        if (!claimed) {
          taken -= 1;
          exhausted = true;
        }
      }
    };
    const lanes = Math.max(1, Math.min(options.concurrency ?? 1, options.batchSize));
    const outcomes = await Promise.allSettled(Array.from({ length: lanes }, lane));
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return taken;
  }

  /** Claims, handles and marks (or records the failure of) the next due row in one transaction; false when none. */
  private async handleLocked(options: LockedQueueOptions<Row>): Promise<boolean> {
    let claimed: Row | undefined;
    let failure: unknown;
    try {
      return await this.fork().transactional(async (tx) => {
        [claimed] = await this.claim(tx, 1);
        if (!claimed) return false;
        const row = claimed;
        try {
          await tx.transactional((savepoint) => options.handle(savepoint as EntityManager, row));
        } catch (error) {
          failure = error;
          await this.recordFailure(tx, options, row, error);
          return true;
        }
        await this.execute(tx, `update ${options.table} set ${this.touch(options.done)} where ${options.key} = ?`, [row[options.key]]);
        return true;
      });
    } catch (error) {
      if (!claimed) throw error;
      // The transaction itself failed (its connection, its commit): record the failure without the lock.
      await this.fork().transactional((tx) => this.recordFailure(tx, options, claimed!, failure ?? error));
      return true;
    }
  }

  /** Claims and leases the next due row, works it outside the transaction; false when none was due. */
  private async handleLeased(options: LeasedQueueOptions<Row, Work>): Promise<boolean> {
    let claimed: Row | undefined;
    let prepared: Prepared<Work> = null;
    try {
      prepared = await this.fork().transactional(async (tx) => {
        [claimed] = await this.claim(tx, 1);
        if (!claimed) return null;
        // Leased first: whatever prepare decides, the row is not due again before the lease ends or a decision.
        await this.execute(
          tx,
          `update ${options.table} set ${this.touch(`${this.columns.nextAttemptAt} = now() + ? * interval '1 second'`)} where ${options.key} = ?`,
          [options.leaseSeconds, claimed[options.key]],
        );
        const decision = await options.prepare(tx, claimed);
        if (decision && 'defer' in decision) {
          const { ms, reason, countsAsAttempt } = decision.defer;
          const { attempts, nextAttemptAt, lastError } = this.columns;
          await this.execute(
            tx,
            `update ${options.table} set ${this.touch(
              `${lastError} = ?, ${nextAttemptAt} = now() + ? * interval '1 millisecond'${countsAsAttempt ? `, ${attempts} = ${attempts} + 1` : ''}`,
            )} where ${options.key} = ?`,
            [reason, ms, claimed[options.key]],
          );
        }
        return decision;
      });
    } catch (error) {
      if (!claimed) throw error;
      await this.fork().transactional((tx) => this.recordFailure(tx, options, claimed!, error));
      return true;
    }
    if (!claimed) return false;
    if (!prepared || !('work' in prepared)) return true;
    try {
      await options.perform(prepared.work, claimed);
    } catch (error) {
      const row = claimed;
      await this.fork().transactional(async (tx) => {
        if ((await this.recordFailure(tx, options, row, error)) && options.onFailure) await options.onFailure(tx as EntityManager, row, error);
      });
    }
    return true;
  }

  /**
   * Counts the failure, keeps its message, and schedules the retry (or gives up at the policy's limit); a `finish`
   * decision marks the row instead. Only while the row is still pending; returns whether it was.
   */
  private async recordFailure(tx: EntityManager, options: RetriedQueue<Row>, row: Row, error: unknown): Promise<boolean> {
    const message = (options.errorText?.(error) ?? (error instanceof Error ? error.message : String(error))).slice(0, 1000);
    const decision = options.classify?.(error, row) ?? { retry: true };
    const { attempts, nextAttemptAt, lastError } = this.columns;
    const where = `where ${options.key} = ? and (${options.pending})`;
    if ('finish' in decision) {
      const updated = await this.execute(tx, `update ${options.table} set ${this.touch(`${decision.finish}, ${lastError} = ?`)} ${where} returning ${options.key}`, [
        message,
        row[options.key],
      ]);
      return updated.length > 0;
    }
    const { baseMs, capMs, maxAttempts } = options.retry;
    // The policy in SQL (retryDelayMs), on the count as it is now: a concurrent change of the row is not lost.
    const updated = await this.execute<{ attempts: number }>(
      tx,
      `update ${options.table} set ${this.touch(
        `${attempts} = ${attempts} + 1, ${lastError} = ?,
         ${nextAttemptAt} = now() + least(?::float8 * power(2, least(greatest(${attempts}, 0), 30)), ?::float8) * interval '1 millisecond'`,
      )} ${where} returning ${attempts} as attempts`,
      [message, baseMs, capMs, row[options.key]],
    );
    if (updated.length === 0) return false;
    const count = Number(updated[0].attempts);
    const gaveUp = maxAttempts !== undefined && count >= maxAttempts;
    const detail = options.errorDetail === 'message' ? { error: message } : { err: error };
    if (gaveUp) this.logger.error({ ...options.describe(row), attempts: count, ...detail }, options.messages.giveUp ?? `${options.name}: giving up`);
    else this.logger.warn({ ...options.describe(row), attempts: count, ...detail, retryInMs: retryDelayMs(options.retry, count) }, options.messages.retry);
    return true;
  }

  private claim(tx: EntityManager, limit: number): Promise<Row[]> {
    const options = this.options;
    const { attempts, nextAttemptAt } = this.columns;
    const retried = options.mode !== 'batch';
    const due = [`(${options.pending})`];
    if (retried) due.push(`${nextAttemptAt} <= now()`);
    if (retried && options.retry.maxAttempts !== undefined) due.push(`${attempts} < ${Number(options.retry.maxAttempts)}`);
    const columns = [options.key, ...(retried ? [attempts] : []), ...(options.columns ?? [])];
    return this.execute<Row>(
      tx,
      `select ${[...new Set(columns)].join(', ')} from ${options.table} where ${due.join(' and ')}
        order by ${options.order ?? `${nextAttemptAt}, ${options.key}`} limit ${limit} for update skip locked`,
      [],
    );
  }

  private touch(assignments: string): string {
    return this.columns.updatedAt ? `${assignments}, ${this.columns.updatedAt} = now()` : assignments;
  }

  private fork(): EntityManager {
    return this.em.fork(this.options.quiet ? { freshEventManager: true } : {}) as EntityManager;
  }

  private execute<T = QueueRow>(tx: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
    return tx.getConnection().execute(sql, params, 'all', tx.getTransactionContext());
  }
}
