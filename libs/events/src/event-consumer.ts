import type { EntityManager } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { queueName, SUBSCRIPTIONS, type EventEnvelope, type EventPayloads, type EventType } from './event-catalog';
import { readModelChannel } from './read-model-waits';

export type EventHandlers = {
  [T in EventType]?: (em: EntityManager, payload: EventPayloads[T], envelope: EventEnvelope<T>) => Promise<void>;
};

/**
 * One context's handlers from several sets (its notifications and its reputation both consume SubmissionCreated):
 * for an event more than one set handles, each runs in turn, in the order given, in the same transaction.
 */
export function combineEventHandlers(...sets: EventHandlers[]): EventHandlers {
  const combined: Record<string, (em: EntityManager, payload: unknown, envelope: EventEnvelope) => Promise<void>> = {};
  for (const set of sets) {
    for (const [type, handler] of Object.entries(set) as [EventType, (em: EntityManager, payload: unknown, envelope: EventEnvelope) => Promise<void>][]) {
      const before = combined[type];
      combined[type] = before
        ? async (em, payload, envelope) => {
            await before(em, payload, envelope);
            await handler(em, payload, envelope);
          }
        : handler;
    }
  }
  return combined as EventHandlers;
}

/** Jobs fetched and applied together (one transaction). */
const BATCH_SIZE = 50;

/**
 * Applies events to this context's read models, exactly once per event id: the `processed_event` row and the
 * change commit together, so a redelivered event is skipped.
 */
export async function startEventConsumers(options: {
  boss: PgBoss;
  consumer: string;
  em: EntityManager;
  handlers: EventHandlers;
  /** Called after a handler committed events of its own (so the outbox relay can be nudged). */
  afterApply?: () => void;
  pollingIntervalSeconds?: number;
}): Promise<EventConsumers> {
  const types = SUBSCRIPTIONS[options.consumer] ?? [];
  const workers = new Map<string, string>();
  for (const type of types) {
    const handler = options.handlers[type] as ((em: EntityManager, payload: unknown, envelope: EventEnvelope) => Promise<void>) | undefined;
    if (!handler) throw new Error(`${options.consumer} subscribes to ${type} but has no handler for it`);
    // pg-boss waits a polling interval after every fetch, full or not: a full batch asks for the next one at once,
    // so a burst (a contest's deadline rush) drains at processing speed, not at BATCH_SIZE per interval.
    // (The handler may run before `work` returns the id: a holder, not a const in its temporal dead zone.)
    const worker: { id?: string } = {};
    worker.id = await options.boss.work<EventEnvelope>(
      queueName(options.consumer, type),
      { batchSize: BATCH_SIZE, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
      async (jobs) => {
        // One transaction per batch, jobs applied in order: a failure rolls the batch back and pg-boss retries it.
        await options.em.fork().transactional(async (em) => {
          for (const job of jobs) {
            await applyOnceIn(em, job.data, handler);
            // Each event sees the database, not entities another event of the batch left in the identity map.
            await em.flush();
            em.clear();
          }
          // Delivered at commit to every process of this context: commands waiting for their read model re-check.
          await em.getConnection().execute(`select pg_notify(?, '')`, [readModelChannel(options.consumer)], 'run', em.getTransactionContext());
        });
        options.afterApply?.();
        if (jobs.length === BATCH_SIZE && worker.id) options.boss.notifyWorker(worker.id);
      },
    );
    workers.set(type, worker.id);
  }
  return {
    wake: (payload) => {
      for (const type of payload.split(',')) {
        const id = workers.get(type);
        if (id) options.boss.notifyWorker(id);
      }
    },
  };
}

export interface EventConsumers {
  /** Fetch now the jobs of these event types (comma-separated, a `jobWakeUps` payload) instead of at the next poll. */
  wake(payload: string): void;
}

export async function applyOnce(
  rootEm: EntityManager,
  envelope: EventEnvelope,
  handler: (em: EntityManager, payload: unknown, envelope: EventEnvelope) => Promise<void>,
): Promise<boolean> {
  return rootEm.fork().transactional((em) => applyOnceIn(em, envelope, handler));
}

/** Inside the caller's transaction: records the event id, and applies the event only if it was not recorded. */
async function applyOnceIn(
  em: EntityManager,
  envelope: EventEnvelope,
  handler: (em: EntityManager, payload: unknown, envelope: EventEnvelope) => Promise<void>,
): Promise<boolean> {
  const inserted: unknown[] = await em.getConnection().execute(
    `insert into processed_event (event_id, type) values (?, ?) on conflict do nothing returning event_id`,
    [envelope.eventId, envelope.type],
    'all',
    em.getTransactionContext(),
  );
  if (inserted.length === 0) return false;
  await handler(em, envelope.payload, envelope);
  return true;
}
