import { gatewaySchema, loadConfig } from '@ideagora/config';
import { resolveDatabase } from '@ideagora/db';
import { createLogger, EMBEDDED_POSTGRES_PORT, main } from '@ideagora/subgraph-kit';
import cluster from 'node:cluster';
import { startGateway } from './gateway.server';

const RESTART_DELAY_MS = 1_000;

main(async () => {
  const config = loadConfig(gatewaySchema);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  if (config.GATEWAY_WORKERS > 1 && cluster.isPrimary) {
    // The gateway's state is in Postgres (rate-limit counters; API keys, each process holding them in memory, told
    // of changes by notification), so N processes can share one port: the primary only forks, replaces a worker that
    // dies, and passes the stop signal on.
    let stopping = false;
    const fork = () => cluster.fork();
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker died; starting another');
      setTimeout(fork, RESTART_DELAY_MS);
    });
    for (let i = 0; i < config.GATEWAY_WORKERS; i += 1) fork();
    const shutdown = () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return;
  }
  // The rate-limit counters and the API keys live in Postgres, shared by every gateway process (DATABASE_URL;
  // embedded when unset).
  const database = await resolveDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, port: EMBEDDED_POSTGRES_PORT });
  const gateway = await startGateway(config, database.url, logger);
  logger.info({ url: gateway.url, pid: process.pid }, 'listening');
  const shutdown = () => {
    gateway
      .stop()
      .then(() => database.embedded?.stop())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
