import type { EntityManager } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope, EventPayloads, EventType } from './event-catalog';
import { jobWakeUps, publishEnvelopes } from './event-bus';
import { OutboxEvent } from './outbox.entity';
import { Poller } from './poller';

const BATCH_SIZE = 100;

/** Records an event in the unit of work: it commits (or not) with the change that caused it. */
export function recordEvent<T extends EventType>(em: EntityManager, type: T, payload: EventPayloads[T]): OutboxEvent {
  const event = em.create(OutboxEvent, { id: uuidv7(), type, payload, occurredAt: new Date() });
  em.persist(event);
  return event;
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

interface OutboxRow {
  id: string;
  type: EventType;
  payload: EventPayloads[EventType];
  occurred_at: Date;
}

/**
 * Moves committed outbox rows to the event bus. Delivery is at least once: a crash between publishing and
 * marking the row re-publishes it, and consumers drop the duplicate by event id.
 */
export class OutboxRelay {
  private readonly poller: Poller;

  constructor(
    private readonly em: EntityManager,
    private readonly boss: PgBoss,
    private readonly producer: string,
    pollMs: number,
    onError: (error: unknown) => void = () => undefined,
  ) {
    this.poller = new Poller(async () => (await this.publishBatch()) === BATCH_SIZE, pollMs, onError);
  }

  start(): void {
    this.poller.start();
  }

  /** Called after a commit that recorded events, so delivery does not wait for the next poll. */
  nudge(): void {
    this.poller.nudge();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Publishes everything pending now; returns how many events were published. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < BATCH_SIZE) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    // A fresh event manager: the relay's own commits must not nudge the relay again.
    const em = this.em.fork({ freshEventManager: true });
    return em.transactional(async (tx) => {
      const rows: OutboxRow[] = await tx.getConnection().execute(
        `select id, type, payload, occurred_at from outbox_event where published_at is null
         order by occurred_at, id limit ${BATCH_SIZE} for update skip locked`,
        [],
        'all',
        tx.getTransactionContext(),
      );
      if (rows.length === 0) return 0;
      const envelopes: EventEnvelope[] = rows.map((row) => ({
        eventId: row.id,
        type: row.type,
        occurredAt: new Date(row.occurred_at).toISOString(),
        producer: this.producer,
        payload: row.payload,
      }));
      await publishEnvelopes(this.boss, envelopes);
      await tx.getConnection().execute(
        `update outbox_event set published_at = now() where id = any(?::uuid[])`,
        [`{${rows.map((r) => r.id).join(',')}}`], // a Postgres array literal: knex would expand a JS array
        'run',
        tx.getTransactionContext(),
      );
      // Delivered at this commit, after pg-boss stored the jobs: the consumers fetch them now, not at their next poll.
      for (const { channel, payload } of jobWakeUps(rows.map((r) => r.type))) {
        await tx.getConnection().execute(`select pg_notify(?, ?)`, [channel, payload], 'run', tx.getTransactionContext());
      }
      return rows.length;
    });
  }
}

export function newEventId(): string {
  return uuidv7();
}
