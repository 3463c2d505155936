import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { GatewayConfig } from '@ideagora/config';
import { variableErrorFieldsPlugin } from '@ideagora/subgraph-kit';
import express from 'express';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createClientErrorFormatter, jsonBodyErrors, useStrictScalars } from './client-errors';
import { createGatewayContext, type GatewayContext } from './gateway.context';
import { IdentityDataSource } from './identity.data-source';

export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

export interface RunningGateway {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  const development = config.NODE_ENV === 'development';
  const urls: Record<string, string> = {
    solvers: config.SOLVERS_URL,
    challenges: config.CHALLENGES_URL,
    submissions: config.SUBMISSIONS_URL,
    payouts: config.PAYOUTS_URL,
  };
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) => {
      const url = urls[name];
      if (!url) throw new Error(`No URL configured for subgraph ${name}`);
      return new IdentityDataSource(name, url, config.GATEWAY_IDENTITY_SECRET, config.GATEWAY_IDENTITY_TTL_SECONDS);
    },
  });
  useStrictScalars(gateway);

  const server = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    introspection: development,
    includeStacktraceInErrorResponses: development,
    plugins: [development ? ApolloServerPluginLandingPageLocalDefault({ embed: false }) : ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), variableErrorFieldsPlugin()],
    formatError: createClientErrorFormatter({ production: config.NODE_ENV === 'production', logger }),
    logger: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
  });
  await server.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  const allowedOrigins = new Set(config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean));
  app.use('/graphql', (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && allowedOrigins.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, apollo-require-preflight');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, { context: ({ req }) => createGatewayContext(req.headers, config.AUTH_TOKEN_SECRET) }),
  );
  app.use(jsonBodyErrors(logger));

  const http = createServer(app);
  http.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => http.listen(config.PORT, config.HOST, resolve));
  const address = http.address() as AddressInfo;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${address.port}/graphql`;
  return {
    url,
    server: http,
    stop: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await server.stop();
    },
  };
}
