import { gatewaySchema, loadConfig } from '@ideagora/config';
import { createLogger, main } from '@ideagora/subgraph-kit';
import { startGateway } from './gateway.server';

main(async () => {
  const config = loadConfig(gatewaySchema);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const gateway = await startGateway(config, logger);
  logger.info({ url: gateway.url }, 'listening');
  const shutdown = () => {
    gateway.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
