import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** The contract's error codes (docs/partner-api/operations.graphql). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'FAILED_PRECONDITION'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

/** A failure the caller can act on. Anything else that escapes a resolver is a bug and is masked. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly field?: string;
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'You must be signed in') {
    super(message);
  }
}
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(what: string, id?: string) {
    super(id ? `${what} ${id} was not found` : `${what} was not found`);
  }
}
export class BadUserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    override readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}
export class FailedPreconditionError extends DomainError {
  readonly code = 'FAILED_PRECONDITION';
}
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
}

const PASSTHROUGH_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * The one place errors become GraphQL errors: domain errors keep their code (and field);
 * GraphQL's own request errors pass; everything else is logged and masked, so no SQL or stack leaks.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    // Apollo Server 5 wraps graphql-js's request errors (validation, coercion) around another GraphQLError: still
    // the request's fault, not a bug; so is a variable or literal that does not coerce because a scalar's parser
    // threw (its TypeError is the original; such errors come before execution, so they have no path). An Error of
    // our own code thrown while resolving a field is a bug, whatever code it claims.
    const requestError = !original || original instanceof GraphQLError || formatted.path === undefined;
    if (requestError && typeof code === 'string' && PASSTHROUGH_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    logger.error({ err: original ?? error, path: formatted.path }, 'unexpected error in resolver');
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
