import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { IDENTITY_HEADER, verifyIdentity, type Identity } from '@ideagora/auth';
import { countStatements, totalScopedStatements } from '@ideagora/db';
import express, { type Express, type Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createErrorFormatter } from './errors';
import type { Logger } from './logger';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  port: number;
  identitySecret: string;
  logger: Logger;
  createContext: (identity: Identity, req: Request) => Promise<TContext> | TContext;
  /** Extra routes (e.g. webhooks) mounted before the GraphQL endpoint; they do their own authentication. */
  extraRoutes?: (app: Express) => void;
}

export interface RunningSubgraphServer {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/**
 * Serves a subgraph at /graphql. Every GraphQL request, `_service` and `_entities` included, must carry the
 * identity the gateway signed for this subgraph; without it the answer is HTTP 401 and nothing executes.
 */
export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningSubgraphServer> {
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    csrfPrevention: true,
    introspection: true, // only the gateway can reach it (signed identity); composition reads schema.graphql
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(options.logger),
    // No cache hints are used: without the cache-control plugin, no resolver is wrapped to collect them.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/internal/metrics', (_req, res) => {
    res.type('text/plain').send(`# TYPE sql_statements_in_requests_total counter\nsql_statements_in_requests_total{service="${options.name}"} ${totalScopedStatements()}\n`);
  });
  options.extraRoutes?.(app);

  const identities = new WeakMap<Request, Identity>();
  app.use(
    '/graphql',
    async (req, res, next) => {
      const header = req.headers[IDENTITY_HEADER];
      if (typeof header !== 'string') {
        res.status(401).json({ errors: [{ message: 'Missing gateway identity', extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      try {
        identities.set(req, await verifyIdentity(header, options.name, options.identitySecret));
      } catch {
        res.status(401).json({ errors: [{ message: 'Invalid gateway identity', extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      // Count the SQL statements this request issues (metrics and N+1 tests).
      countStatements(() => next());
    },
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => options.createContext(identities.get(req) as Identity, req),
    }),
  );

  const server = createServer(app);
  server.keepAliveTimeout = 65_000; // longer than the gateway's idle socket timeout
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${options.host}:${address.port}/graphql`;
  return {
    url,
    server,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
    },
  };
}
