import type { EntityManager } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { queueName, SUBSCRIPTIONS, type EventEnvelope, type EventPayloads, type EventType } from './event-catalog';

export type EventHandlers = {
  [T in EventType]?: (em: EntityManager, payload: EventPayloads[T], envelope: EventEnvelope<T>) => Promise<void>;
};

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
}): Promise<void> {
  const types = SUBSCRIPTIONS[options.consumer] ?? [];
  for (const type of types) {
    const handler = options.handlers[type] as ((em: EntityManager, payload: unknown, envelope: EventEnvelope) => Promise<void>) | undefined;
    if (!handler) throw new Error(`${options.consumer} subscribes to ${type} but has no handler for it`);
    await options.boss.work<EventEnvelope>(
      queueName(options.consumer, type),
      { batchSize: 20, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
      async (jobs) => {
        // Jobs of one batch are applied in order; a failure fails the batch and pg-boss retries it.
        for (const job of jobs) {
          await applyOnce(options.em, job.data, handler);
        }
        options.afterApply?.();
      },
    );
  }
}

export async function applyOnce(
  rootEm: EntityManager,
  envelope: EventEnvelope,
  handler: (em: EntityManager, payload: unknown, envelope: EventEnvelope) => Promise<void>,
): Promise<boolean> {
  return rootEm.fork().transactional(async (em) => {
    const inserted: unknown[] = await em.getConnection().execute(
      `insert into processed_event (event_id, type) values (?, ?) on conflict do nothing returning event_id`,
      [envelope.eventId, envelope.type],
      'all',
      em.getTransactionContext(),
    );
    if (inserted.length === 0) return false;
    await handler(em, envelope.payload, envelope);
    return true;
  });
}
