import { createSubgraphOrm, migrate, type MigrationList } from '@ideagora/db';
import {
  ContextListener,
  EVENT_ENTITIES,
  EVENT_TABLES_MIGRATION,
  jobsChannel,
  OutboxRelay,
  ReadModelWaits,
  startEventBus,
  startEventConsumers,
  type EventHandlers,
  type PgBoss,
} from '@ideagora/events';
import type { EntityClass } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from './logger';

export interface EventParticipantOptions {
  /** Connection string of the database that holds the context's schema and the event bus. */
  url: string;
  /** The context: its Postgres schema, the producer of its events, its consumer's name, its LISTEN channels. */
  context: string;
  /** Beside the outbox and inbox (EVENT_ENTITIES, EVENT_TABLES_MIGRATION, always included). */
  entities: EntityClass<unknown>[];
  migrations: MigrationList;
  logger: Logger;
  outboxPollMs: number;
  readModelWaitMs: number;
  readModelMaxWaiters: number;
  poolMax?: number;
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

/**
 * What takes part in events, for one process of one context (a subgraph, or the gateway's API key registry): its
 * schema migrated, its ORM, the event bus, the outbox relay (nudged after every commit), the one LISTEN connection
 * and the read-model waits on it. Opened by the process's runtime, which owns and stops it; no module singleton.
 */
export class EventParticipant {
  private constructor(
    private readonly options: EventParticipantOptions,
    readonly orm: MikroORM,
    readonly boss: PgBoss,
    readonly relay: OutboxRelay,
    readonly listener: ContextListener,
    readonly readModelWaits: ReadModelWaits,
  ) {}

  /** Migrates the context's schema and opens everything; nothing is consumed or listened to before `start`. */
  static async open(options: EventParticipantOptions): Promise<EventParticipant> {
    const { context, logger } = options;
    const ormOptions = {
      url: options.url,
      schema: context,
      entities: [...EVENT_ENTITIES, ...options.entities] as EntityClass<unknown>[],
      migrations: [EVENT_TABLES_MIGRATION, ...options.migrations],
      poolMax: options.poolMax,
    };
    // Migrations on their own connections, without the statement timeout (an index build may take minutes).
    const migrating = await createSubgraphOrm(ormOptions);
    try {
      const applied = await migrate(migrating, context);
      if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    } finally {
      await migrating.close(true);
    }
    const orm = await createSubgraphOrm({
      ...ormOptions,
      statementTimeoutMs: options.statementTimeoutMs,
      idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs,
    });
    const boss = await startEventBus({ url: options.url, onError: (err) => logger.error({ err }, 'event bus error') });
    const relay = new OutboxRelay(orm.em, boss, context, options.outboxPollMs, (err) => logger.error({ err }, 'outbox relay error'));
    // Publish right after a commit instead of waiting for the next poll.
    orm.em.getEventManager().registerSubscriber({
      afterTransactionCommit: () => relay.nudge(),
      afterFlush: () => relay.nudge(),
    });
    relay.start();
    // One LISTEN connection per process: read-model changes wake waiting commands, published jobs wake the consumers.
    const listener = new ContextListener({ url: options.url, context, onError: (err) => logger.warn({ err }, 'listener connection error') });
    const readModelWaits = new ReadModelWaits({
      listener,
      context,
      maxWaitMs: options.readModelWaitMs,
      maxWaiters: options.readModelMaxWaiters,
    });
    return new EventParticipant(options, orm, boss, relay, listener, readModelWaits);
  }

  /**
   * Starts the context's consumer (a handler for every event SUBSCRIPTIONS gives it; `afterApply` after each batch
   * committed) and then the LISTEN connection: every handler of the listener must be registered before this.
   */
  async start(handlers?: EventHandlers, afterApply?: () => void): Promise<void> {
    if (handlers) {
      const consumers = await startEventConsumers({
        boss: this.boss,
        consumer: this.options.context,
        em: this.orm.em,
        handlers,
        afterApply: () => {
          this.relay.nudge();
          afterApply?.();
        },
      });
      this.listener.on(jobsChannel(this.options.context), (types) => consumers.wake(types));
    }
    await this.listener.start();
  }

  /**
   * The last steps of a shutdown, each on its own (one failing must not stop the others): the relay, the LISTEN
   * connection, the bus, the pool. Release the read-model waits first (`readModelWaits.stop()`), before the
   * process's server drains. Throws after all steps when one failed.
   */
  async stop(): Promise<void> {
    const steps: [string, () => Promise<unknown>][] = [
      ['outbox relay', () => this.relay.stop()],
      ['listener', () => this.listener.stop()],
      ['event bus', () => this.boss.stop({ graceful: true, wait: true, timeout: 5000 })],
      ['database pool', () => this.orm.close()],
    ];
    const failed: string[] = [];
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (err) {
        failed.push(name);
        this.options.logger.error({ err }, `error while stopping the ${name}`);
      }
    }
    if (failed.length > 0) throw new Error(`could not stop the ${failed.join(', ')}`);
  }
}
