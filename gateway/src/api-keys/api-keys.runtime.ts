import type { GatewayConfig } from '@ideagora/config';
import { EventParticipant } from '@ideagora/subgraph-kit';
import type { Logger } from 'pino';
import { recordApiKeyUses, ApiKeyUsageReporter } from './api-key-usage.reporter';
import { API_KEY_EVENT_HANDLERS } from './api-key-changed.handler';
import { GATEWAY_MIGRATIONS } from './api-key.migrations';
import { ApiKeyRegistry } from './api-key.registry';
import { ApiKeyStore } from './api-key.store';

/** The gateway's Postgres schema, its name as an event producer and consumer, and its LISTEN channels' context. */
export const GATEWAY_CONTEXT = 'gateway';

export interface ApiKeys {
  registry: ApiKeyRegistry;
  /** First at shutdown: requests waiting for a key not heard of yet answer now. */
  releaseWaits(): void;
  /** Last: the final usage report (published at once), then the relay, listener, bus and pool. */
  stop(): Promise<void>;
}

/**
 * The gateway as a small event participant (issue 16), owned by one gateway process (startGateway): schema `gateway`
 * (the events tables and `api_key`), the consumer `gateway` (ApiKeyChanged), the outbox relay of its own events
 * (ApiKeysUsed), its LISTEN connection; the registry loaded before the process serves, and the usage reporter.
 */
export async function startApiKeys(options: { config: GatewayConfig; databaseUrl: string; logger: Logger }): Promise<ApiKeys> {
  const { config, logger } = options;
  const participant = await EventParticipant.open({
    url: options.databaseUrl,
    context: GATEWAY_CONTEXT,
    entities: [],
    migrations: GATEWAY_MIGRATIONS,
    logger,
    outboxPollMs: config.OUTBOX_POLL_MS,
    readModelWaitMs: config.READ_MODEL_WAIT_MS,
    readModelMaxWaiters: config.READ_MODEL_MAX_WAITERS,
    // A few small statements, none on a request's path: a small pool, and no statement may run long.
    poolMax: 4,
    statementTimeoutMs: 10_000,
    idleInTransactionTimeoutMs: 60_000,
  });
  try {
    const registry = new ApiKeyRegistry(new ApiKeyStore(participant.orm.em), participant.readModelWaits, logger);
    registry.listenTo(participant.listener);
    await participant.start(API_KEY_EVENT_HANDLERS);
    // After the listener started: a change committed meanwhile is both loaded here and notified.
    await registry.load();
    const reporter = new ApiKeyUsageReporter(registry, recordApiKeyUses(participant.orm.em), config.API_KEY_USAGE_FLUSH_MS, logger);
    reporter.start();
    logger.info({ keys: registry.size }, 'api keys loaded');
    return {
      registry,
      releaseWaits: () => participant.readModelWaits.stop(),
      stop: async () => {
        registry.stop();
        try {
          await reporter.stop();
        } catch (err) {
          logger.error({ err }, 'api keys: the last usage report failed (lost: the uses since the previous report)');
        }
        // Published now rather than by the next gateway process's relay.
        await participant.relay.flush().catch((err: unknown) => logger.warn({ err }, 'outbox not flushed at stop; left for the next relay'));
        await participant.stop();
      },
    };
  } catch (error) {
    participant.readModelWaits.stop();
    await participant.stop().catch(() => undefined);
    throw error;
  }
}
