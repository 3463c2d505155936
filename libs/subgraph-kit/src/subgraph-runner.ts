import type { BaseContext } from '@apollo/server';
import { loadConfig, subgraphSchema, type SubgraphConfig, type SubgraphName } from '@ideagora/config';
import type { Identity } from '@ideagora/auth';
import { resolveDatabase, type MigrationList } from '@ideagora/db';
import type { EventHandlers, OutboxRelay, PgBoss, ReadModelWaits } from '@ideagora/events';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import { EventParticipant } from './event-participant';
import type { FederatedSchema } from './federated-schema';
import { createLogger, type Logger } from './logger';
import { startSubgraphServer, type RunningSubgraphServer } from './subgraph-server';

export interface SubgraphRuntime<TOwn = unknown> {
  config: SubgraphConfig;
  logger: Logger;
  orm: MikroORM;
  boss: PgBoss;
  relay: OutboxRelay;
  /** Read-your-writes: commands that read another context's facts wait here for an event in flight. */
  readModelWaits: ReadModelWaits;
  /** What this subgraph built for itself at start (`SubgraphDefinition.own`): its settings, clients, work queues. */
  own: TOwn;
}

/** A background worker owned by the runtime: started after the event consumers, stopped at shutdown. */
export interface BackgroundWorker {
  start(): void;
  stop(): Promise<void>;
}

/**
 * A subgraph. `TOwn` is what it builds for itself once per process (`own`): every collaborator a request, an event
 * handler, a route or a worker needs is reached through `runtime.own`, never through a module singleton.
 */
export interface SubgraphDefinition<TContext extends BaseContext, TOwn = undefined> {
  name: SubgraphName;
  entities: EntityClass<unknown>[];
  migrations: MigrationList;
  buildSchema(): Promise<FederatedSchema>;
  /**
   * Built once at start, before anything runs: this subgraph's own settings and clients, its work queues and other
   * workers (constructed, not started), the nudges its services receive. Throwing stops the process.
   */
  own?(runtime: SubgraphRuntime<undefined>): TOwn | Promise<TOwn>;
  /** One per request: a forked EntityManager, services and DataLoaders. */
  createContext(args: { identity: Identity; em: EntityManager; runtime: SubgraphRuntime<TOwn> }): TContext;
  /** The events this context consumes (a function of the runtime when handlers need what it owns). */
  eventHandlers?: EventHandlers | ((runtime: SubgraphRuntime<TOwn>) => EventHandlers);
  /** Called after a batch of events was applied and committed (e.g. to nudge a dispatcher of what handlers queued). */
  afterEventsApplied?(runtime: SubgraphRuntime<TOwn>): void;
  /** Routes beside /graphql (e.g. webhooks), which do their own authentication. */
  extraRoutes?(app: Express, runtime: SubgraphRuntime<TOwn>): void;
  /** The workers the runtime starts (in this order, after the event consumers) and stops (in reverse) at shutdown. */
  workers?(runtime: SubgraphRuntime<TOwn>): BackgroundWorker[];
  /** Other background work (scheduled jobs); returns how to stop it. */
  onStart?(runtime: SubgraphRuntime<TOwn>): Promise<(() => Promise<void>) | void>;
  /** The server listens at `url` (its /graphql; the port is chosen at listen time when PORT is 0), before it is announced. */
  onListening?(runtime: SubgraphRuntime<TOwn>, url: string): void;
}

/** Default port of the embedded Postgres `npm start` and a lone subgraph share. */
export const EMBEDDED_POSTGRES_PORT = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);

export async function runSubgraph<TContext extends BaseContext, TOwn = undefined>(definition: SubgraphDefinition<TContext, TOwn>): Promise<RunningSubgraphServer> {
  const config = loadConfig(subgraphSchema);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const database = await resolveDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, port: EMBEDDED_POSTGRES_PORT });

  const participant = await EventParticipant.open({
    url: database.url,
    context: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    logger,
    outboxPollMs: config.OUTBOX_POLL_MS,
    readModelWaitMs: config.READ_MODEL_WAIT_MS,
    readModelMaxWaiters: config.READ_MODEL_MAX_WAITERS,
    statementTimeoutMs: config.SUBGRAPH_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.SUBGRAPH_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  const { orm, boss, relay, readModelWaits } = participant;
  const base: SubgraphRuntime<undefined> = { config, logger, orm, boss, relay, readModelWaits, own: undefined };
  const runtime: SubgraphRuntime<TOwn> = { ...base, own: definition.own ? await definition.own(base) : (undefined as TOwn) };

  const handlers = typeof definition.eventHandlers === 'function' ? definition.eventHandlers(runtime) : definition.eventHandlers;
  await participant.start(handlers, () => definition.afterEventsApplied?.(runtime));
  const workers = definition.workers?.(runtime) ?? [];
  for (const worker of workers) worker.start();
  const stopOnStart = await definition.onStart?.(runtime);
  const stopBackground = async () => {
    await stopOnStart?.();
    // In reverse: a worker that nudges another stops before it.
    for (const worker of [...workers].reverse()) await worker.stop();
  };

  const { schema } = await definition.buildSchema();
  const server = await startSubgraphServer<TContext>({
    name: definition.name,
    schema,
    host: config.HOST,
    port: config.PORT,
    identitySecret: config.GATEWAY_IDENTITY_SECRET,
    requestTimeoutMs: config.SUBGRAPH_REQUEST_TIMEOUT_MS,
    mutationTimeoutMs: config.SUBGRAPH_MUTATION_TIMEOUT_MS,
    logger,
    createContext: (identity) => definition.createContext({ identity, em: orm.em.fork(), runtime }),
    extraRoutes: definition.extraRoutes ? (app) => definition.extraRoutes!(app, runtime) : undefined,
  });
  definition.onListening?.(runtime, server.url);
  // The harness and `npm start` read this line to learn the port.
  logger.info({ url: server.url }, 'listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Each step on its own: one failing must not leave the embedded Postgres running.
    const steps: [string, () => Promise<unknown>][] = [
      // First: waiting requests answer now, so the http server's drain does not wait for their bound.
      ['read-model waits', async () => readModelWaits.stop()],
      ['http server', () => server.stop()],
      ['background jobs', stopBackground],
      // The relay, the LISTEN connection, the bus and the pool (each step on its own, logged there).
      ['event participant', () => participant.stop()],
      ['embedded postgres', async () => database.embedded?.stop()],
    ];
    let failed = false;
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (err) {
        failed = true;
        logger.error({ err }, `error while stopping the ${name}`);
      }
    }
    process.exit(failed ? 1 : 0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return server;
}

/** Entry-point helper: logs start-up failures (e.g. invalid configuration) and exits non-zero. */
export function main(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof Error && error.stack && process.env.NODE_ENV !== 'production') console.error(error.stack);
    process.exit(1);
  });
}
