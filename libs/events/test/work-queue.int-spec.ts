import { createSubgraphOrm, ensureDatabase, migrate } from '@ideagora/db';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { EVENT_ENTITIES, EVENT_TABLES_MIGRATION, WorkQueue, type RetryPolicy, type WorkQueueOptions } from '../src';

// Not @ideagora/testing: it depends on this library, and a test must not close a dependency cycle.
async function createTestDatabase(): Promise<string> {
  return ensureDatabase(process.env.IDEAGORA_TEST_PG_ADMIN_URL!, `ideagora_queue_${randomUUID().slice(0, 8)}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Job = { id: string; attempts: number; payload: string };

/** Collects log lines (the queue's own, not a mock of our code). */
function recordingLogger() {
  const lines: { level: 'warn' | 'error'; fields: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    warn: (fields: object, message: string) => void lines.push({ level: 'warn', fields: fields as Record<string, unknown>, message }),
    error: (fields: object, message: string) => void lines.push({ level: 'error', fields: fields as Record<string, unknown>, message }),
  };
}

describe('work queue over a table of ours, on real Postgres', () => {
  let orm: MikroORM;
  const em = () => orm.em.fork() as EntityManager;
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);
  const policy: RetryPolicy = { baseMs: 1000, capMs: 8000, maxAttempts: 4 };

  /** A fresh table per test: `job` rows, done when `done_at` is set. */
  let table: string;
  const add = async (count: number, payload = 'ok'): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const [i, id] of ids.entries()) await sql(`insert into ${table} (id, payload, seq) values (?, ?, ?)`, [id, payload, i]);
    return ids;
  };
  const row = async (id: string) =>
    (
      await sql<{ done: boolean; attempts: number; last_error: string | null; wait_ms: number; outcome: string | null }>(
        `select done_at is not null as done, attempts, last_error, outcome,
                round(extract(epoch from (next_attempt_at - now())) * 1000)::int as wait_ms from ${table} where id = ?`,
        [id],
      )
    )[0];
  const makeDue = (id: string) => sql(`update ${table} set next_attempt_at = now() where id = ?`, [id]);

  const lockedQueue = (handle: (tx: EntityManager, job: Job) => Promise<void>, overrides: Partial<WorkQueueOptions<Job>> = {}) => {
    const logger = recordingLogger();
    const queue = new WorkQueue<Job>(
      orm.em as EntityManager,
      {
        mode: 'locked',
        name: 'test job',
        table,
        key: 'id',
        pending: 'done_at is null',
        order: 'seq, id',
        columns: ['payload'],
        batchSize: 5,
        pollMs: 60_000,
        retry: policy,
        describe: (job) => ({ jobId: job.id }),
        messages: { retry: 'job failed; will retry', giveUp: 'job failed; giving up' },
        done: 'done_at = now()',
        handle,
        ...overrides,
      } as WorkQueueOptions<Job>,
      logger,
    );
    return { queue, logger };
  };

  beforeAll(async () => {
    orm = await createSubgraphOrm({ url: await createTestDatabase(), schema: 'challenges', entities: EVENT_ENTITIES, migrations: [EVENT_TABLES_MIGRATION] });
    await migrate(orm, 'challenges');
  }, 60_000);
  afterAll(async () => {
    await orm?.close();
  });
  beforeEach(async () => {
    table = `job_${randomUUID().slice(0, 8)}`;
    await sql(`create table ${table} (
      id uuid primary key, payload text not null, seq int not null, done_at timestamptz, outcome text, touched int not null default 0,
      attempts int not null default 0, next_attempt_at timestamptz not null default now(), last_error text)`);
  });

  it('handles each due row once, in order, and says when a full batch may have left more', async () => {
    const ids = await add(7);
    const seen: string[] = [];
    const { queue } = lockedQueue(async (_tx, job) => void seen.push(job.id));
    expect(await queue.runOnce()).toBe(true); // 5 of 7: run again
    expect(await queue.runOnce()).toBe(false);
    expect(await queue.runOnce()).toBe(false);
    expect(seen).toEqual(ids);
    expect((await row(ids[6])).done).toBe(true);
  });

  it('lets two workers share the queue: skip locked, no row handled twice', async () => {
    const ids = await add(8);
    const seen: string[] = [];
    const slow = async (_tx: EntityManager, job: Job) => {
      seen.push(job.id);
      await sleep(40);
    };
    const [a, b] = [lockedQueue(slow).queue, lockedQueue(slow).queue];
    await Promise.all([a.drain(), b.drain()]);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(seen).toHaveLength(8);
  });

  it('records a failure under the lock, undoes the handler’s writes, retries on the backoff schedule and gives up at the limit', async () => {
    const [id] = await add(1);
    let calls = 0;
    const { queue, logger } = lockedQueue(async (tx, job) => {
      calls += 1;
      await tx.getConnection().execute(`update ${table} set touched = touched + 1 where id = ?`, [job.id], 'run', tx.getTransactionContext());
      throw new Error(`boom ${calls}`);
    });
    await queue.runOnce();
    let state = await row(id);
    expect(state).toMatchObject({ done: false, attempts: 1, last_error: 'boom 1' });
    expect(state.wait_ms).toBeGreaterThan(800);
    expect(state.wait_ms).toBeLessThanOrEqual(1000);
    expect((await sql<{ touched: number }>(`select touched from ${table} where id = ?`, [id]))[0].touched).toBe(0); // rolled back to the savepoint
    await queue.runOnce(); // not due yet
    expect(calls).toBe(1);
    const waits: number[] = [];
    for (let attempt = 2; attempt <= 4; attempt += 1) {
      await makeDue(id);
      await queue.runOnce();
      state = await row(id);
      waits.push(Math.round(state.wait_ms / 1000) * 1000);
    }
    expect(state).toMatchObject({ attempts: 4, last_error: 'boom 4' });
    expect(waits.slice(0, 2)).toEqual([2000, 4000]);
    await makeDue(id);
    await queue.runOnce(); // given up: left in the table with its last error
    expect(calls).toBe(4);
    expect(logger.lines.map((l) => [l.level, l.message, l.fields['attempts']])).toEqual([
      ['warn', 'job failed; will retry', 1],
      ['warn', 'job failed; will retry', 2],
      ['warn', 'job failed; will retry', 3],
      ['error', 'job failed; giving up', 4],
    ]);
    expect(logger.lines[0].fields).toMatchObject({ jobId: id, retryInMs: 1000 });
  });

  it('finishes a row without retry when the error is classified so (the Stripe "mismatch"), keeping the error', async () => {
    const [id] = await add(1);
    const { queue } = lockedQueue(
      async () => {
        throw new Error('contradicts our records');
      },
      { classify: (error) => ((error as Error).message.startsWith('contradicts') ? { finish: `done_at = now(), outcome = 'mismatch'` } : { retry: true }) },
    );
    await queue.runOnce();
    expect(await row(id)).toMatchObject({ done: true, outcome: 'mismatch', attempts: 0, last_error: 'contradicts our records' });
  });

  it('leases a claimed row while the work runs outside the transaction, and claims it again once the lease ends', async () => {
    const [id] = await add(1);
    const logger = recordingLogger();
    let performed = 0;
    let crash = true;
    const leased = () =>
      new WorkQueue<Job, string>(
        orm.em as EntityManager,
        {
          mode: 'leased',
          name: 'leased job',
          table,
          key: 'id',
          pending: 'done_at is null',
          columns: ['payload'],
          batchSize: 5,
          pollMs: 60_000,
          retry: policy,
          leaseSeconds: 1,
          describe: (job) => ({ jobId: job.id }),
          messages: { retry: 'leased job failed' },
          prepare: async (_tx, job) => ({ work: job.payload }),
          perform: async (payload, job) => {
            performed += 1;
            // Outside any transaction: the claim has committed, the row is free but not due.
            expect(await row(job.id)).toMatchObject({ done: false });
            expect((await row(job.id)).wait_ms).toBeGreaterThan(500);
            if (crash) return; // a crash mid-work: nothing recorded
            await sql(`update ${table} set done_at = now(), outcome = ? where id = ?`, [payload, job.id]);
          },
        },
        logger,
      );
    const first = leased();
    await first.runOnce();
    expect(performed).toBe(1);
    await leased().runOnce(); // another worker: leased, not due
    expect(performed).toBe(1);
    await sleep(1100);
    crash = false;
    await leased().runOnce();
    expect(performed).toBe(2);
    expect(await row(id)).toMatchObject({ done: true, outcome: 'ok', attempts: 0 });
  });

  it('works up to `concurrency` leased items at once in one process, each once, within one batch', async () => {
    const ids = await add(11);
    let inFlight = 0;
    let mostInFlight = 0;
    const performed: string[] = [];
    const queue = new WorkQueue<Job, string>(
      orm.em as EntityManager,
      {
        mode: 'leased',
        name: 'concurrent job',
        table,
        key: 'id',
        pending: 'done_at is null',
        columns: ['payload'],
        batchSize: 8,
        concurrency: 4,
        pollMs: 60_000,
        retry: policy,
        leaseSeconds: 60,
        describe: (job) => ({ jobId: job.id }),
        messages: { retry: 'concurrent job failed' },
        prepare: async (_tx, job) => ({ work: job.payload }),
        perform: async (_payload, job) => {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await sleep(100); // a remote call: the lane waits
          performed.push(job.id);
          await sql(`update ${table} set done_at = now() where id = ?`, [job.id]);
          inFlight -= 1;
        },
      },
      recordingLogger(),
    );
    expect(await queue.runOnce()).toBe(true); // a full batch of 8: more may wait
    expect(performed).toHaveLength(8);
    expect(mostInFlight).toBe(4);
    expect(await queue.runOnce()).toBe(false); // the last 3
    expect([...performed].sort()).toEqual([...ids].sort());
    expect(await queue.runOnce()).toBe(false);
    expect(performed).toHaveLength(11);
  });

  it('runs at once when nudged, not at the next poll, and not before it is started', async () => {
    const seen: string[] = [];
    const { queue } = lockedQueue(async (_tx, job) => void seen.push(job.id));
    const [early, late] = await add(2);
    // Due in two seconds: the run at start takes the early one only.
    await sql(`update ${table} set next_attempt_at = now() + interval '2 seconds' where id = ?`, [late]);
    queue.nudge(); // not started: nothing runs
    await sleep(300);
    expect(seen).toEqual([]);
    queue.start(); // a first run at start
    for (let i = 0; i < 50 && seen.length < 1; i += 1) await sleep(20);
    expect(seen).toEqual([early]);
    try {
      await sleep(2500);
      expect(seen).toEqual([early]); // due now, but the poll is a minute away
      const nudgedAt = Date.now();
      queue.nudge();
      for (let i = 0; i < 100 && seen.length < 2; i += 1) await sleep(10);
      expect(seen).toEqual([early, late]);
      expect(Date.now() - nudgedAt).toBeLessThan(1000);
    } finally {
      await queue.stop();
    }
  });
});
