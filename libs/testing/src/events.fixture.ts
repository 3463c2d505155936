import { publishEvent, type EventPayloads, type EventType } from '@ideagora/events';

/** Publishes an event as another context would (e.g. FundingSucceeded before payouts emits it itself). */
export function publishTestEvent<T extends EventType>(databaseUrl: string, type: T, payload: EventPayloads[T]): Promise<string> {
  return publishEvent(databaseUrl, type, payload);
}
