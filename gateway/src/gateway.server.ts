import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import type { GatewayConfig } from '@ideagora/config';
import { OPERATION_LIMITS, operationLimitsPlugin, stringifyWithinLimit, variableErrorFieldsPlugin } from '@ideagora/subgraph-kit';
import express from 'express';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { startApiKeys } from './api-keys/api-keys.runtime';
import { createClientErrorFormatter, jsonBodyErrors, useStrictScalars } from './client-errors';
import { mountFilesProxy } from './files.proxy';
import { createGatewayContext, type GatewayContext } from './gateway.context';
import { IdentityDataSource } from './identity.data-source';
import { valueCompletionErrorsPlugin } from './value-completion.plugin';
import { rateLimitPlugin } from './rate-limits/rate-limit.plugin';
import { RateLimitStore } from './rate-limits/rate-limit.store';

export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

export interface RunningGateway {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig, databaseUrl: string, logger: Logger): Promise<RunningGateway> {
  const development = config.NODE_ENV === 'development';
  // First: the gateway's schema is migrated there (the rate-limit table beside it is made by RateLimitStore).
  const apiKeys = await startApiKeys({ config, databaseUrl, logger });
  const rateLimits = await RateLimitStore.start({ databaseUrl, scale: config.RATE_LIMIT_SCALE, logger });
  if (config.RATE_LIMIT_SCALE !== 1) logger.warn({ scale: config.RATE_LIMIT_SCALE }, 'rate limits scaled up (RATE_LIMIT_SCALE): for tests and benchmarks only');
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
      const limits = { timeoutMs: config.GATEWAY_SUBGRAPH_TIMEOUT_MS, maxResponseBytes: OPERATION_LIMITS.maxResponseBytes };
      const revoked = (ids: string[]) => apiKeys.registry.revoke(ids);
      return new IdentityDataSource(name, url, config.GATEWAY_IDENTITY_SECRET, config.GATEWAY_IDENTITY_TTL_SECONDS, limits, config.GATEWAY_MUTATION_TIMEOUT_MS, revoked);
    },
  });
  useStrictScalars(gateway);

  const server = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    introspection: development,
    includeStacktraceInErrorResponses: development,
    hideSchemaDetailsFromClientErrors: config.NODE_ENV === 'production', // no "Did you mean ..." field suggestions
    stringifyResult: stringifyWithinLimit(OPERATION_LIMITS.maxResponseBytes),
    // main.ts's shutdown calls stop() below, which stops this server and then flushes the API keys' last uses and
    // closes the registry. Apollo's own handlers (installed unless NODE_ENV=test) would stop the server and re-raise
    // SIGTERM, killing the process before that flush.
    stopOnTerminationSignals: false,
    plugins: [
      development ? ApolloServerPluginLandingPageLocalDefault({ embed: false }) : ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      operationLimitsPlugin<GatewayContext>(OPERATION_LIMITS, {
        exemptIntrospection: development, // introspection: development only
        onCost: (cost, context) => (context.operationCost = cost),
      }),
      variableErrorFieldsPlugin(),
      valueCompletionErrorsPlugin(),
      rateLimitPlugin(rateLimits),
    ],
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
  // The client's address (req.ip) for the per-address limits: X-Forwarded-For is believed only from these peers.
  const trustedProxies = config.TRUSTED_PROXIES.split(',').map((p) => p.trim()).filter(Boolean);
  app.set('trust proxy', trustedProxies.length > 0 ? trustedProxies : false);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  const allowedOrigins = new Set(config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean));
  // The filesystem storage's signed file URLs (FILES_PUBLIC_URL = this origin's /files), carried to submissions.
  mountFilesProxy(app, { submissionsUrl: config.SUBMISSIONS_URL, allowedOrigins, logger });
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
    expressMiddleware(server, { context: ({ req }) => createGatewayContext(req.headers, config.AUTH_TOKEN_SECRET, req.ip ?? null, apiKeys.registry) }),
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
      // Requests waiting for a key not heard of yet answer now, so the drain does not wait for their bound.
      apiKeys.releaseWaits();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      try {
        await server.stop();
        await rateLimits.stop();
      } finally {
        // The last usage report goes out even when a step before failed.
        await apiKeys.stop();
      }
    },
  };
}
