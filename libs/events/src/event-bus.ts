import PgBoss from 'pg-boss';
import { queueName, SUBSCRIPTIONS, type EventEnvelope, type EventType } from './event-catalog';

export const EVENT_BUS_SCHEMA = 'pgboss';

export interface EventBusOptions {
  url: string;
  /** Every process that publishes or consumes: declare queues and subscriptions for the whole topology. */
  onError?: (error: Error) => void;
  poolMax?: number;
  /** Publishers outside the subgraphs (tests, seed) can skip declaring queues: the subgraphs do it. */
  declareTopology?: boolean;
}

/**
 * The durable transport between contexts: pg-boss on the same Postgres, in its own `pgboss` schema.
 * `publish` fans an event out to one queue per consuming context.
 */
export async function startEventBus(options: EventBusOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: EVENT_BUS_SCHEMA,
    max: options.poolMax ?? 4,
    application_name: 'ideagora-events',
  });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  if (options.declareTopology !== false) await declareTopology(boss);
  return boss;
}

async function declareTopology(boss: PgBoss): Promise<void> {
  for (const [consumer, types] of Object.entries(SUBSCRIPTIONS)) {
    for (const type of types) {
      const name = queueName(consumer, type);
      // Several processes start at once: creating the same queue concurrently can fail once; it then exists.
      for (let attempt = 0; ; attempt += 1) {
        try {
          if (!(await boss.getQueue(name))) {
            await boss.createQueue(name, { name, retryLimit: 20, retryDelay: 1, retryBackoff: true, policy: 'standard' });
          }
          await boss.subscribe(type, name);
          break;
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
        }
      }
    }
  }
}

export async function publishEnvelope(boss: PgBoss, envelope: EventEnvelope): Promise<void> {
  await boss.publish(envelope.type, envelope as unknown as object);
}

/**
 * Publishes a batch of events in one statement: one job per (event, consuming context) queue, inserted together.
 * The fan-out comes from SUBSCRIPTIONS, the same table the queues and pg-boss subscriptions are declared from, so
 * it equals `publish` without one subscription lookup and one insert per event and queue.
 */
export async function publishEnvelopes(boss: PgBoss, envelopes: EventEnvelope[]): Promise<void> {
  const jobs = envelopes.flatMap((envelope) =>
    Object.entries(SUBSCRIPTIONS)
      .filter(([, types]) => types.includes(envelope.type))
      .map(([consumer]) => ({ name: queueName(consumer, envelope.type), data: envelope as unknown as object })),
  );
  if (jobs.length > 0) await boss.insert(jobs);
}

/** The channel on which a consumer's workers are told that jobs were published for them (see `jobWakeUps`). */
export function jobsChannel(consumer: string): string {
  return `ideagora_jobs_${consumer}`;
}

/**
 * Events of the hot write path (a contest's deadline rush): their consumers take them on the polling interval, in
 * batches, rather than being woken for every relay batch.
 */
const POLLED_ONLY: ReadonlySet<EventType> = new Set<EventType>(['SubmissionCreated']);

/**
 * The wake-ups a relay batch sends (channel, comma-separated types) so the consumers fetch at once instead of at
 * their next poll (pg-boss polls every 0.5 s at the most often): a shorter trip for events commands wait for.
 */
export function jobWakeUps(types: readonly EventType[]): { channel: string; payload: string }[] {
  const prompt = new Set(types.filter((type) => !POLLED_ONLY.has(type)));
  return Object.entries(SUBSCRIPTIONS).flatMap(([consumer, subscribed]) => {
    const woken = subscribed.filter((type) => prompt.has(type));
    return woken.length > 0 ? [{ channel: jobsChannel(consumer), payload: woken.join(',') }] : [];
  });
}

export type { PgBoss };
export type { EventType };

const publishers = new Map<string, Promise<PgBoss>>();

/**
 * Publishes one event from outside a context's outbox (tests, and the demo seed until payouts emits its own).
 * One bus connection per database is kept until `stopEventPublishers()`.
 */
export async function publishEvent<T extends EventType>(url: string, type: T, payload: import('./event-catalog').EventPayloads[T]): Promise<string> {
  const { randomUUID } = await import('node:crypto');
  let boss = publishers.get(url);
  if (!boss) {
    boss = startEventBus({ url, poolMax: 2, declareTopology: false });
    publishers.set(url, boss);
  }
  const eventId = randomUUID();
  await publishEnvelope(await boss, { eventId, type, occurredAt: new Date().toISOString(), producer: 'external', payload });
  return eventId;
}

export async function stopEventPublishers(): Promise<void> {
  const all = [...publishers.values()];
  publishers.clear();
  await Promise.all(all.map(async (boss) => (await boss).stop({ graceful: false, wait: true, timeout: 2000 })));
}
