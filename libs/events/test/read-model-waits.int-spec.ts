import { createSubgraphOrm, ensureDatabase, migrate } from '@ideagora/db';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  EVENT_ENTITIES,
  EVENT_TABLES_MIGRATION,
  publishEnvelope,
  readModelChannel,
  ReadModelWaits,
  startEventBus,
  startEventConsumers,
  type EventEnvelope,
  type PgBoss,
  type ReadModelWaitsOptions,
} from '../src';

/** Long enough that only a notification (never the fallback timer) can explain a prompt wake-up. */
const NO_FALLBACK = 60_000;

describe('read-model waits (LISTEN/NOTIFY) on real Postgres', () => {
  let url: string;
  let orm: MikroORM;
  let boss: PgBoss;
  let notifier: Client;
  const started: ReadModelWaits[] = [];

  beforeAll(async () => {
    url = await ensureDatabase(process.env.IDEAGORA_TEST_PG_ADMIN_URL!, `ideagora_waits_${randomUUID().slice(0, 8)}`);
    orm = await createSubgraphOrm({ url, schema: 'submissions', entities: EVENT_ENTITIES, migrations: [EVENT_TABLES_MIGRATION] });
    await migrate(orm, 'submissions');
    await orm.em.getConnection().execute('create table known_challenge (id uuid primary key)');
    boss = await startEventBus({ url });
    await startEventConsumers({
      boss,
      consumer: 'submissions',
      em: orm.em as EntityManager,
      handlers: {
        ChallengeChanged: async (em, payload) => {
          await em.getConnection().execute('insert into known_challenge values (?)', [payload.id], 'run', em.getTransactionContext());
        },
        MembershipChanged: async () => undefined,
      },
    });
    notifier = new Client({ connectionString: url });
    await notifier.connect();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(started.map((w) => w.stop()));
    await notifier?.end();
    await boss?.stop({ graceful: false, wait: true, timeout: 2000 });
    await orm?.close();
  });

  async function waits(options: Partial<ReadModelWaitsOptions>): Promise<ReadModelWaits> {
    const w = new ReadModelWaits({ url, context: 'submissions', maxWaitMs: 20_000, maxWaiters: 10, fallbackMs: NO_FALLBACK, ...options });
    await w.start();
    started.push(w);
    return w;
  }
  const notify = () => notifier.query(`select pg_notify($1, '')`, [readModelChannel('submissions')]);
  const timed = async <T>(promise: Promise<T>): Promise<{ value: T; ms: number }> => {
    const start = Date.now();
    const value = await promise;
    return { value, ms: Date.now() - start };
  };

  it('reads once and goes on when the read model is not behind', async () => {
    const w = await waits({});
    let reads = 0;
    const { value } = await timed(w.until(async () => ++reads, () => false));
    expect(value).toBe(1);
    expect(reads).toBe(1);
  });

  it('re-checks when a notification arrives, not before, and returns what it then read', async () => {
    const w = await waits({});
    let ready = false;
    let reads = 0;
    const waiting = timed(w.until(async () => (reads += 1, ready), (r) => !r));
    await new Promise((r) => setTimeout(r, 300));
    expect(reads).toBe(1); // no notification yet, no fallback: nothing re-read
    ready = true;
    await notify();
    const { value, ms } = await waiting;
    expect(value).toBe(true);
    expect(reads).toBe(2);
    expect(ms).toBeLessThan(5_000);
    expect(w.waiting).toBe(0);
  });

  it('wakes when the event consumer applies an event (its pg_notify is delivered at commit)', async () => {
    const w = await waits({});
    const challengeId = randomUUID();
    const known = async () => (await orm.em.fork().getConnection().execute('select 1 from known_challenge where id = ?', [challengeId])).length > 0;
    const waiting = timed(w.until(known, (k) => !k));
    const envelope: EventEnvelope = {
      eventId: randomUUID(),
      type: 'ChallengeChanged',
      occurredAt: new Date().toISOString(),
      producer: 'test',
      payload: { id: challengeId, organizationId: randomUUID(), status: 'OPEN', submissionDeadline: new Date().toISOString(), currency: 'USD', prizes: [], version: 1 },
    };
    await publishEnvelope(boss, envelope);
    const { value, ms } = await waiting;
    expect(value).toBe(true);
    expect(ms).toBeLessThan(10_000); // the fallback is a minute: only the notification can have woken it
  });

  it('gives up after the bound and returns the last read (the command then answers as it would have)', async () => {
    const w = await waits({ maxWaitMs: 400, fallbackMs: 100 });
    let reads = 0;
    const { value, ms } = await timed(w.until(async () => ++reads, () => true));
    expect(ms).toBeGreaterThanOrEqual(380);
    expect(ms).toBeLessThan(3_000);
    expect(value).toBe(reads);
    expect(reads).toBeGreaterThanOrEqual(3); // the fallback timer re-checked without any notification
  });

  it('answers at once beyond the cap of concurrent waiters', async () => {
    const w = await waits({ maxWaiters: 2, maxWaitMs: 3_000 });
    const behind = () => w.until(async () => 'unknown', () => true);
    const first = timed(behind());
    const second = timed(behind());
    await new Promise((r) => setTimeout(r, 50));
    expect(w.waiting).toBe(2);
    const third = await timed(behind());
    expect(third.ms).toBeLessThan(1_000);
    expect(w.refusedAtCap).toBe(1);
    expect((await first).ms).toBeGreaterThanOrEqual(2_900);
    expect((await second).ms).toBeGreaterThanOrEqual(2_900);
    expect(w.waiting).toBe(0);
  });

  it('never waits with a bound of 0', async () => {
    const w = await waits({ maxWaitMs: 0 });
    expect(w.listening).toBe(false);
    let reads = 0;
    await w.until(async () => ++reads, () => true);
    expect(reads).toBe(1);
  });

  it('releases every waiter when stopped', async () => {
    const w = await waits({ maxWaitMs: 30_000 });
    expect(w.listening).toBe(true);
    const waiting = [timed(w.until(async () => 'a', () => true)), timed(w.until(async () => 'b', () => true))];
    await new Promise((r) => setTimeout(r, 100));
    await w.stop();
    const released = await Promise.all(waiting);
    expect(released.map((r) => r.value)).toEqual(['a', 'b']);
    expect(Math.max(...released.map((r) => r.ms))).toBeLessThan(5_000);
    expect(w.listening).toBe(false);
    // Stopped: a new command does not wait either.
    expect((await timed(w.until(async () => 'c', () => true))).ms).toBeLessThan(1_000);
  });

  it('listens again after its connection was killed, and a waiter meanwhile is woken by the re-check', async () => {
    const w = await waits({ reconnectMs: 100, onError: () => undefined });
    await notifier.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'ideagora-submissions-read-model-waits' and datname = current_database()`);
    const deadline = Date.now() + 10_000;
    while (w.listening && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    while (!w.listening && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(w.listening).toBe(true);
    let ready = false;
    const waiting = w.until(async () => ready, (r) => !r);
    await new Promise((r) => setTimeout(r, 100));
    ready = true;
    await notify();
    expect(await waiting).toBe(true);
  });
});
