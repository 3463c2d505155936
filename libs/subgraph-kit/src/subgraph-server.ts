import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { IDENTITY_HEADER, verifyIdentity, type Identity } from '@ideagora/auth';
import { countStatements, totalScopedStatements } from '@ideagora/db';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createErrorFormatter } from './errors';
import type { Logger } from './logger';
import { OPERATION_LIMITS, operationLimitsPlugin, stringifyWithinLimit } from './operation-limits';
import { metricsAllowed } from './ops-identity';
import { requestDeadlinePlugin } from './request-deadline';
import { responseExtensionsPlugin } from './response-extensions';
import { variableErrorFieldsPlugin } from './variable-errors';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  port: number;
  identitySecret: string;
  /** A request's deadline (TIMEOUT after it); 10 s when not given. */
  requestTimeoutMs?: number;
  /** A mutation's deadline, checked before each mutation field starts; the request deadline when not given. */
  mutationTimeoutMs?: number;
  logger: Logger;
  createContext: (identity: Identity) => Promise<TContext> | TContext;
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
    hideSchemaDetailsFromClientErrors: true, // no "Did you mean ...": the gateway has validated what it sends
    stringifyResult: stringifyWithinLimit(OPERATION_LIMITS.maxResponseBytes),
    formatError: createErrorFormatter(options.logger),
    // The runtime's shutdown (runSubgraph) stops this server among its other steps. Apollo's own handlers (installed
    // unless NODE_ENV=test) would stop it and then re-raise SIGTERM, killing the process before the workers, the relay
    // and the event bus had stopped.
    stopOnTerminationSignals: false,
    // No cache hints are used, so no cache-control plugin. The deadline plugin does wrap each resolver with a clock
    // check (about 0.4 µs a field, docs/ARCHITECTURE.md "Operation limits and deadlines").
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      operationLimitsPlugin(),
      requestDeadlinePlugin(options.requestTimeoutMs ?? 10_000, options.mutationTimeoutMs ?? options.requestTimeoutMs ?? 10_000),
      variableErrorFieldsPlugin(),
      // A context's `responseExtensions` (e.g. revoked API keys, for the gateway) into the answer's extensions.
      responseExtensionsPlugin(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/internal/metrics', async (req, res) => {
    if (!(await metricsAllowed(req.headers, options.name, options.identitySecret))) return void sendJson(res, 401, unauthenticated('Metrics need an ops identity'));
    res.type('text/plain').send(`# TYPE sql_statements_in_requests_total counter\nsql_statements_in_requests_total{service="${options.name}"} ${totalScopedStatements()}\n`);
  });
  options.extraRoutes?.(app);

  const handleGraphQL = graphqlHandler(apollo, options);
  // /graphql is served by a plain Node handler: it is the hot path (every gateway fetch), and Express's router,
  // body parser and content negotiation cost more than the GraphQL work of a small entity fetch.
  const server = createServer((req, res) => {
    if (req.url === '/graphql' || req.url?.startsWith('/graphql?')) void handleGraphQL(req, res);
    else app(req, res);
  });
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

const MAX_BODY_BYTES = 2 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const unauthenticated = (message: string) => ({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });

/** Reads a request body up to `limit` bytes; undefined when it is larger. */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Too large: answer now; Node discards the rest of the body once the response is sent (the socket stays
      // usable, and the client is not reset in the middle of sending).
      req.off('data', onData);
      chunks.length = 0;
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The /graphql endpoint: identity first (nothing is parsed or executed without it), then Apollo Server's own HTTP
 * handling (CSRF prevention, GET and POST, status codes), inside a scope that counts the request's SQL statements.
 */
function graphqlHandler<TContext extends BaseContext>(apollo: ApolloServer<TContext>, options: SubgraphServerOptions<TContext>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const header = req.headers[IDENTITY_HEADER];
      if (typeof header !== 'string') return sendJson(res, 401, unauthenticated('Missing gateway identity'));
      let identity: Identity;
      try {
        identity = await verifyIdentity(header, options.name, options.identitySecret);
      } catch {
        return sendJson(res, 401, unauthenticated('Invalid gateway identity'));
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown;
      if (req.method === 'POST') {
        const text = await readBody(req, MAX_BODY_BYTES);
        if (text === undefined) return sendJson(res, 413, { errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }] });
        if ((headers.get('content-type') ?? '').startsWith('application/json')) {
          try {
            body = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            return sendJson(res, 400, { errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }] });
          }
        } else body = text;
      }
      const search = req.url!.includes('?') ? req.url!.slice(req.url!.indexOf('?')) : '';
      const response = await countStatements(() =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
          context: async () => options.createContext(identity),
        }),
      );
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      options.logger.error({ err: error }, 'graphql request failed outside execution');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    }
  };
}
