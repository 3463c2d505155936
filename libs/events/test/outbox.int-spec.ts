import { createSubgraphOrm, ensureDatabase, migrate } from '@ideagora/db';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import {
  applyOnce,
  EVENT_ENTITIES,
  EVENT_TABLES_MIGRATION,
  OutboxRelay,
  outboxInsertSql,
  publishEnvelope,
  recordEvent,
  startEventBus,
  startEventConsumers,
  SUBSCRIPTIONS,
  type EventEnvelope,
  type PgBoss,
} from '../src';

// Not @ideagora/testing: it depends on this library, and a test must not close a dependency cycle.
async function createTestDatabase(): Promise<string> {
  return ensureDatabase(process.env.IDEAGORA_TEST_PG_ADMIN_URL!, `ideagora_events_${randomUUID().slice(0, 8)}`);
}

async function eventually(fn: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('outbox, relay and idempotent consumers on real Postgres', () => {
  let url: string;
  let producer: MikroORM;
  let consumer: MikroORM;
  let boss: PgBoss;
  let relay: OutboxRelay;
  const applied: string[] = [];
  const memberships: { eventId: string; payload: unknown }[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
    // Two contexts: 'challenges' produces, 'submissions' consumes, each in its own schema.
    producer = await createSubgraphOrm({ url, schema: 'challenges', entities: EVENT_ENTITIES, migrations: [EVENT_TABLES_MIGRATION] });
    consumer = await createSubgraphOrm({ url, schema: 'submissions', entities: EVENT_ENTITIES, migrations: [EVENT_TABLES_MIGRATION] });
    await migrate(producer, 'challenges');
    await migrate(consumer, 'submissions');
    await consumer.em.getConnection().execute('create table seen (event_id uuid, challenge_id uuid)');
    await producer.em.getConnection().execute('create table membership_change (organization_id uuid, user_id uuid, role text, version int)');
    boss = await startEventBus({ url });
    relay = new OutboxRelay(producer.em as EntityManager, boss, 'challenges', 100);
    await startEventConsumers({
      boss,
      consumer: 'submissions',
      em: consumer.em as EntityManager,
      // Every event submissions subscribes to needs a handler: the others do nothing here.
      handlers: {
        ...Object.fromEntries(SUBSCRIPTIONS.submissions.map((type) => [type, async () => undefined])),
        ChallengeChanged: async (em, payload, envelope) => {
          applied.push(envelope.eventId);
          await em.getConnection().execute('insert into seen values (?, ?)', [envelope.eventId, payload.id], 'run', em.getTransactionContext());
        },
        MembershipChanged: async (_em, payload, envelope) => void memberships.push({ eventId: envelope.eventId, payload }),
      },
    });
  }, 60_000);

  afterAll(async () => {
    await relay?.stop();
    await boss?.stop({ graceful: false, wait: true, timeout: 2000 });
    await producer?.close();
    await consumer?.close();
  });

  const payload = (id: string) => ({ id, organizationId: randomUUID(), status: 'OPEN' as const, submissionDeadline: new Date().toISOString(), currency: 'USD', prizes: [], version: 1 });

  it('publishes nothing from a rolled-back transaction, and delivers a committed one once', async () => {
    const kept = randomUUID();
    const rolledBack = randomUUID();
    await expect(
      producer.em.fork().transactional(async (em) => {
        recordEvent(em as EntityManager, 'ChallengeChanged', payload(rolledBack));
        await em.flush();
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await producer.em.fork().transactional(async (em) => {
      recordEvent(em as EntityManager, 'ChallengeChanged', payload(kept));
    });
    expect(await relay.flush()).toBe(1);
    expect(await relay.flush()).toBe(0);
    await eventually(async () => {
      const rows: { challenge_id: string }[] = await consumer.em.getConnection().execute('select challenge_id from seen');
      expect(rows.map((r) => r.challenge_id)).toEqual([kept]);
    });
  });

  it('records an event written in the same SQL statement as its change (outboxInsertSql), all or nothing', async () => {
    const statement = `with changed as (insert into membership_change values (?, ?, 'ADMIN', 3) returning *),
      event as (${outboxInsertSql('MembershipChanged', 'changed', { organizationId: 'organization_id', userId: 'user_id', role: 'role', version: 'version', principal: "'USER'" })})
      select count(*)::int as n from changed`;
    const [organizationId, userId, eventId] = [randomUUID(), randomUUID(), randomUUID()];
    await producer.em.fork().execute(statement, [organizationId, userId, eventId]);
    expect(await relay.flush()).toBe(1);
    await eventually(async () =>
      expect(memberships.filter((m) => m.eventId === eventId)).toEqual([{ eventId, payload: { organizationId, userId, role: 'ADMIN', version: 3, principal: 'USER' } }]),
    );

    // The event cannot be stored (its id is taken): the change in the same statement is not stored either.
    const otherOrganization = randomUUID();
    await expect(producer.em.fork().execute(statement, [otherOrganization, userId, eventId])).rejects.toThrow(/duplicate key/);
    const rows = await producer.em.getConnection().execute('select count(*)::int as n from membership_change where organization_id = ?', [otherOrganization]);
    expect(rows[0].n).toBe(0);
    expect(await relay.flush()).toBe(0);
  });

  it('applies a redelivered event once', async () => {
    const envelope: EventEnvelope = { eventId: randomUUID(), type: 'ChallengeChanged', occurredAt: new Date().toISOString(), producer: 'test', payload: payload(randomUUID()) };
    await publishEnvelope(boss, envelope);
    await publishEnvelope(boss, envelope);
    await eventually(async () => expect(applied.filter((id) => id === envelope.eventId)).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 1500)); // give the duplicate every chance to be applied
    const rows = await consumer.em.getConnection().execute('select count(*)::int as n from seen where event_id = ?', [envelope.eventId]);
    expect(rows[0].n).toBe(1);
  });

  it('rolls back the inbox row when the handler fails, so a retry applies it', async () => {
    const envelope: EventEnvelope = { eventId: randomUUID(), type: 'ChallengeChanged', occurredAt: new Date().toISOString(), producer: 'test', payload: payload(randomUUID()) };
    const failing = async () => {
      throw new Error('transient');
    };
    await expect(applyOnce(consumer.em as EntityManager, envelope, failing)).rejects.toThrow('transient');
    let calls = 0;
    expect(await applyOnce(consumer.em as EntityManager, envelope, async () => void (calls += 1))).toBe(true);
    expect(await applyOnce(consumer.em as EntityManager, envelope, async () => void (calls += 1))).toBe(false);
    expect(calls).toBe(1);
  });
});
