import type { ApolloGateway } from '@apollo/gateway';
import { DateTimeISO } from '@ideagora/subgraph-kit';
import type { ErrorRequestHandler } from 'express';
import { GraphQLError, isScalarType, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/**
 * The gateway's API schema treats custom scalars as opaque: a malformed DateTimeISO would pass it and fail the
 * subgraph's variable coercion. Giving the API schema the subgraphs' own strict scalar refuses it here, at the
 * gateway's variable coercion, as BAD_USER_INPUT (named by `variableErrorFieldsPlugin`), before any fetch.
 */
export function useStrictScalars(gateway: ApolloGateway): void {
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    const type = apiSchema.getType(DateTimeISO.name);
    if (isScalarType(type)) Object.assign(type, { parseValue: DateTimeISO.parseValue, parseLiteral: DateTimeISO.parseLiteral });
  });
}

// Internals that must not reach a client in any mode: RemoteGraphQLDataSource's `response` (the subgraph's URL,
// status and body), the subgraph's name, and Apollo's `exception`.
const INTERNAL_EXTENSIONS = new Set(['response', 'serviceName', 'exception']);

/**
 * The gateway's formatError. In every mode: no subgraph URL, HTTP status, body or name; INTERNAL_SERVER_ERROR (or no
 * code) is a bug, logged here and answered "Internal server error". In production, nothing but message, code and
 * field (no stack trace, no other extension).
 */
export function createClientErrorFormatter(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
    const internal = code === 'INTERNAL_SERVER_ERROR';
    if (internal) options.logger.error({ err: error, path: formatted.path, extensions: formatted.extensions }, 'internal error answered to a client');
    const field = formatted.extensions?.field;
    const retryAfterSeconds = formatted.extensions?.retryAfterSeconds; // RATE_LIMITED: when to try again
    const extensions: Record<string, unknown> = options.production
      ? { code, ...(field ? { field } : {}), ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}) }
      : { ...Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !INTERNAL_EXTENSIONS.has(key))), code };
    return { message: internal ? 'Internal server error' : formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  };
}

// A subgraph's own errors are already safe to show (its formatter masks everything unexpected); these two are not
// answers about the request but about the subgraph.
const NOT_PASSED_ON = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

/**
 * A subgraph that answers with an HTTP error status (Apollo Server answers 400 to a request whose variables do
 * not coerce, or that fails validation, e.g. an operation limit): its first GraphQL error reaches the client with
 * its code and field; anything else (no JSON, no code, an internal error) is an internal error. Replaces
 * RemoteGraphQLDataSource's "400: Bad Request" error, which carried the subgraph's URL, status and body in
 * `extensions.response`.
 */
export function errorFromSubgraphResponse(body: unknown): GraphQLError {
  const first = typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors) ? (body as { errors: unknown[] }).errors[0] : undefined;
  if (typeof first === 'object' && first !== null) {
    const { message, extensions } = first as { message?: unknown; extensions?: { code?: unknown; field?: unknown } };
    const code = extensions?.code;
    if (typeof message === 'string' && typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code) && !NOT_PASSED_ON.has(code)) {
      const field = typeof extensions?.field === 'string' ? extensions.field : undefined;
      return new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } });
    }
  }
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/**
 * Express's body parser fails before Apollo Server sees the request (a body over the limit, malformed JSON): answer
 * in GraphQL's JSON shape, never Express's HTML error page.
 */
export function jsonBodyErrors(logger: Logger): ErrorRequestHandler {
  return (error: { status?: unknown; type?: unknown; limit?: unknown }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error.status === 'number' ? error.status : 500;
    if (status < 400 || status >= 500) {
      logger.error({ err: error }, 'request failed before GraphQL');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      return;
    }
    const message = error.type === 'entity.too.large' ? `Request body exceeds the limit of ${String(error.limit)} bytes` : error.type === 'entity.parse.failed' ? 'Malformed JSON body' : 'Bad request';
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  };
}
