import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from './event-catalog';
import type { EventHandlers } from './event-consumer';

type AnyHandler = (em: EntityManager, payload: unknown, envelope: EventEnvelope) => Promise<void>;

/**
 * One context's handlers from several of its folders (e.g. solvers' mail and reputation both consume PrizeAwarded):
 * for an event type handled by more than one, each runs in turn, in the order given, in the same transaction (so the
 * event is applied by all of them or, on a failure, by none).
 */
export function mergeEventHandlers(...maps: EventHandlers[]): EventHandlers {
  const merged: Record<string, AnyHandler> = {};
  for (const map of maps) {
    for (const [type, handler] of Object.entries(map) as [string, AnyHandler][]) {
      const before = merged[type];
      merged[type] = before
        ? async (em, payload, envelope) => {
            await before(em, payload, envelope);
            await handler(em, payload, envelope);
          }
        : handler;
    }
  }
  return merged as EventHandlers;
}
