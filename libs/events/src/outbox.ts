import type { EntityManager } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope, EventPayloads, EventType } from './event-catalog';
import { jobWakeUps, publishEnvelopes } from './event-bus';
import { OutboxEvent } from './outbox.entity';
import { WorkQueue } from './work-queue';

const BATCH_SIZE = 100;

/** Records an event in the unit of work: it commits (or not) with the change that caused it. */
export function recordEvent<T extends EventType>(em: EntityManager, type: T, payload: EventPayloads[T]): OutboxEvent {
  const event = em.create(OutboxEvent, { id: uuidv7(), type, payload, occurredAt: new Date() });
  em.persist(event);
  return event;
}

/**
 * Many events of one type in the caller's transaction, in one statement whatever their number (10,000 prize awards
 * of one awardPrizes call): what `recordEvent` does for each, without a unit-of-work entity per event (a flush of
 * those would cost a statement per few hundred). Ids are uuidv7 in the payloads' order (the relay
 * publishes by occurred_at, id: in that order). The relay picks them up at its next poll.
 */
export async function recordEvents<T extends EventType>(em: EntityManager, type: T, payloads: readonly EventPayloads[T][]): Promise<string[]> {
  if (payloads.length === 0) return [];
  const rows = payloads.map((payload) => ({ id: uuidv7(), payload }));
  await em
    .getConnection()
    .execute(
      `insert into outbox_event (id, type, payload, occurred_at)
       select r.id, ?, r.payload, now() from jsonb_to_recordset(?::jsonb) as r(id uuid, payload jsonb)`,
      [type, JSON.stringify(rows)],
      'run',
      em.getTransactionContext(),
    );
  return rows.map((r) => r.id);
}

/**
 * For a hot path written as one SQL statement (autocommit is then its transaction): a data-modifying CTE body that
 * records one `type` event for the single row of `source`, its payload built in SQL from that row
 * (`payload` maps each payload field to an SQL expression; the compiler checks none is missing). Parameters in
 * order: the event id. Call `OutboxRelay.nudge()` after the statement. `recordEvent` is the usual way.
 */
export function outboxInsertSql<T extends EventType>(type: T, source: string, payload: { [K in keyof EventPayloads[T]]-?: string }): string {
  if (!/^[a-z_]+$/.test(type.toLowerCase()) || !/^[a-z_]+$/.test(source)) throw new Error(`unsafe SQL name in outbox insert: ${type}, ${source}`);
  const fields = Object.entries(payload as Record<string, string>).map(([key, sql]) => `'${key}', ${sql}`);
  return `insert into outbox_event (id, type, payload, occurred_at)
           select ?::uuid, '${type}', jsonb_build_object(${fields.join(', ')}), now() from ${source}`;
}

type OutboxRow = {
  id: string;
  type: EventType;
  payload: EventPayloads[EventType];
  occurred_at: Date;
};

/**
 * Moves committed outbox rows to the event bus: a work queue over outbox_event, a batch locked, published and marked
 * in one transaction (an error leaves the batch for the next run). Delivery is at least once: a crash between
 * publishing and marking the row re-publishes it, and consumers drop the duplicate by event id.
 */
export class OutboxRelay extends WorkQueue<OutboxRow> {
  constructor(em: EntityManager, boss: PgBoss, producer: string, pollMs: number, onError: (error: unknown) => void = () => undefined) {
    super(
      em,
      {
        mode: 'batch',
        name: 'outbox relay',
        table: 'outbox_event',
        key: 'id',
        pending: 'published_at is null',
        order: 'occurred_at, id',
        columns: ['type', 'payload', 'occurred_at'],
        batchSize: BATCH_SIZE,
        pollMs,
        // The relay's own commits must not nudge the relay again.
        quiet: true,
        describe: (row) => ({ eventId: row.id }),
        done: 'published_at = now()',
        handle: async (tx, rows) => {
          const envelopes: EventEnvelope[] = rows.map((row) => ({
            eventId: row.id,
            type: row.type,
            occurredAt: new Date(row.occurred_at).toISOString(),
            producer,
            payload: row.payload,
          }));
          await publishEnvelopes(boss, envelopes);
          // Delivered at this commit, after pg-boss stored the jobs: the consumers fetch them now, not at their next poll.
          for (const { channel, payload } of jobWakeUps(rows.map((r) => r.type))) {
            await tx.getConnection().execute(`select pg_notify(?, ?)`, [channel, payload], 'run', tx.getTransactionContext());
          }
        },
      },
      { warn: () => undefined, error: (fields) => onError((fields as { err?: unknown }).err) },
    );
  }

  /** Publishes everything pending now; returns how many events were published. */
  flush(): Promise<number> {
    return this.drain();
  }
}

export function newEventId(): string {
  return uuidv7();
}
