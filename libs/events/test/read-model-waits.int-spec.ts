import { createSubgraphOrm, ensureDatabase, migrate } from '@ideagora/db';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ContextListener,
  EVENT_ENTITIES,
  jobWakeUps,
  jobsChannel,
  OutboxRelay,
  recordEvent,
  SUBSCRIPTIONS,
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

describe('read-model waits and job wake-ups (LISTEN/NOTIFY) on real Postgres', () => {
  let url: string;
  let orm: MikroORM;
  let boss: PgBoss;
  let notifier: Client;
  const started: { waits: ReadModelWaits; listener: ContextListener }[] = [];

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
      // Every event submissions subscribes to needs a handler: the others do nothing here.
      handlers: {
        ...Object.fromEntries(SUBSCRIPTIONS.submissions.map((type) => [type, async () => undefined])),
        ChallengeChanged: async (em, payload) => {
          await em.getConnection().execute('insert into known_challenge values (?)', [payload.id], 'run', em.getTransactionContext());
        },
      },
    });
    notifier = new Client({ connectionString: url });
    await notifier.connect();
  }, 60_000);

  afterAll(async () => {
    for (const { waits, listener } of started) {
      waits.stop();
      await listener.stop();
    }
    await notifier?.end();
    await boss?.stop({ graceful: false, wait: true, timeout: 2000 });
    await orm?.close();
  });

  async function waits(options: Partial<ReadModelWaitsOptions>, reconnectMs = 1000): Promise<ReadModelWaits & { listener: ContextListener }> {
    const listener = new ContextListener({ url, context: 'submissions', reconnectMs, onError: () => undefined });
    const w = new ReadModelWaits({ listener, context: 'submissions', maxWaitMs: 20_000, maxWaiters: 10, fallbackMs: NO_FALLBACK, ...options });
    await listener.start();
    started.push({ waits: w, listener });
    return Object.assign(w, { listener });
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
    expect(w.listener.listening).toBe(false); // nothing to listen for
    let reads = 0;
    await w.until(async () => ++reads, () => true);
    expect(reads).toBe(1);
  });

  it('releases every waiter when stopped', async () => {
    const w = await waits({ maxWaitMs: 30_000 });
    expect(w.listener.listening).toBe(true);
    const waiting = [timed(w.until(async () => 'a', () => true)), timed(w.until(async () => 'b', () => true))];
    await new Promise((r) => setTimeout(r, 100));
    w.stop();
    const released = await Promise.all(waiting);
    expect(released.map((r) => r.value)).toEqual(['a', 'b']);
    expect(Math.max(...released.map((r) => r.ms))).toBeLessThan(5_000);
    // Stopped: a new command does not wait either.
    expect((await timed(w.until(async () => 'c', () => true))).ms).toBeLessThan(1_000);
  });

  it('listens again after its connection was killed, and a waiter meanwhile is woken by the re-check', async () => {
    const w = await waits({}, 100);
    await notifier.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'ideagora-submissions-listener' and datname = current_database()`);
    const deadline = Date.now() + 10_000;
    while (w.listener.listening && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    while (!w.listener.listening && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(w.listener.listening).toBe(true);
    let ready = false;
    const waiting = w.until(async () => ready, (r) => !r);
    await new Promise((r) => setTimeout(r, 100));
    ready = true;
    await notify();
    expect(await waiting).toBe(true);
  });

  it('wakes the consumers the relay published for, at once rather than at their next poll (hot-path events excepted)', async () => {
    expect(jobWakeUps(['SubmissionCreated'])).toEqual([]);
    expect(jobWakeUps(['ChallengeChanged', 'SubmissionCreated'])).toEqual([
      { channel: jobsChannel('submissions'), payload: 'ChallengeChanged' },
      { channel: jobsChannel('payouts'), payload: 'ChallengeChanged' },
      { channel: jobsChannel('solvers'), payload: 'ChallengeChanged' },
    ]);
    // Payouts' consumer here polls every 60 s: only the relay's wake-up can make it apply the event sooner.
    const producer = await createSubgraphOrm({ url, schema: 'challenges', entities: EVENT_ENTITIES, migrations: [EVENT_TABLES_MIGRATION] });
    const consumer = await createSubgraphOrm({ url, schema: 'payouts', entities: EVENT_ENTITIES, migrations: [EVENT_TABLES_MIGRATION] });
    const listener = new ContextListener({ url, context: 'payouts' });
    try {
      await migrate(producer, 'challenges');
      await migrate(consumer, 'payouts');
      const applied: string[] = [];
      const consumers = await startEventConsumers({
        boss,
        consumer: 'payouts',
        em: consumer.em as EntityManager,
        pollingIntervalSeconds: 60,
        // Every event payouts subscribes to needs a handler: the others do nothing here.
        handlers: {
          ...Object.fromEntries(SUBSCRIPTIONS.payouts.map((type) => [type, async () => undefined])),
          ChallengeChanged: async (_em, payload) => void applied.push(payload.id),
        },
      });
      listener.on(jobsChannel('payouts'), (types) => consumers.wake(types));
      await listener.start();
      await new Promise((r) => setTimeout(r, 500)); // the workers' first fetch (at start) is behind them
      const challengeId = randomUUID();
      await producer.em.fork().transactional(async (em) => {
        recordEvent(em as EntityManager, 'ChallengeChanged', {
          id: challengeId,
          organizationId: randomUUID(),
          status: 'OPEN',
          submissionDeadline: new Date().toISOString(),
          currency: 'USD',
          prizes: [],
          version: 1,
        });
      });
      const start = Date.now();
      await new OutboxRelay(producer.em as EntityManager, boss, 'challenges', 60_000).flush();
      while (!applied.includes(challengeId) && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 20));
      expect(applied).toContain(challengeId);
      expect(Date.now() - start).toBeLessThan(10_000);
    } finally {
      await listener.stop();
      await producer.close();
      await consumer.close();
    }
  });
});
