import { outsideStatementScope } from '@ideagora/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope, EventPayloads, EventType } from './event-catalog';
import { publishEnvelope } from './event-bus';
import { OutboxEvent } from './outbox.entity';

/** Records an event in the unit of work: it commits (or not) with the change that caused it. */
export function recordEvent<T extends EventType>(em: EntityManager, type: T, payload: EventPayloads[T]): OutboxEvent {
  const event = em.create(OutboxEvent, { id: uuidv7(), type, payload, occurredAt: new Date() });
  em.persist(event);
  return event;
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly em: EntityManager,
    private readonly boss: PgBoss,
    private readonly producer: string,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Called after a commit that recorded events, so delivery does not wait for the next poll. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes everything pending now; returns how many events were published. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < 100) return total;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    // A nudge comes from inside a request: detach the timer from that request's async context.
    this.timer = outsideStatementScope(() => setTimeout(() => {
      this.running = this.flush()
        .then(() => undefined, (error) => this.onError(error))
        .finally(() => {
          this.running = undefined;
          const next = this.again ? 0 : this.pollMs;
          this.again = false;
          this.schedule(next);
        });
    }, delay));
  }

  private async publishBatch(): Promise<number> {
    // A fresh event manager: the relay's own commits must not nudge the relay again.
    const em = this.em.fork({ freshEventManager: true });
    return em.transactional(async (tx) => {
      const rows: OutboxRow[] = await tx.getConnection().execute(
        `select id, type, payload, occurred_at from outbox_event where published_at is null
         order by occurred_at, id limit 100 for update skip locked`,
        [],
        'all',
        tx.getTransactionContext(),
      );
      if (rows.length === 0) return 0;
      for (const row of rows) {
        const envelope: EventEnvelope = {
          eventId: row.id,
          type: row.type,
          occurredAt: new Date(row.occurred_at).toISOString(),
          producer: this.producer,
          payload: row.payload,
        };
        await publishEnvelope(this.boss, envelope);
      }
      await tx.getConnection().execute(
        `update outbox_event set published_at = now() where id = any(?::uuid[])`,
        [`{${rows.map((r) => r.id).join(',')}}`], // a Postgres array literal: knex would expand a JS array
        'run',
        tx.getTransactionContext(),
      );
      return rows.length;
    });
  }
}

export function newEventId(): string {
  return uuidv7();
}
