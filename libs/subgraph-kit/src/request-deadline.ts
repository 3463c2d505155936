import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { DomainError } from './errors';

/** The contract's error for work stopped at its deadline. */
export class TimeoutError extends DomainError {
  readonly code = 'TIMEOUT';
}

/**
 * Stops a request's execution at its deadline: every field that would start resolving after it fails with TIMEOUT
 * instead (the error bubbles up through non-null parents, so the siblings are not resolved either), and the answer
 * goes out. A statement already running in Postgres finishes first; nothing new starts.
 *
 * A mutation has its own, longer deadline (a bounded write such as 10,000 awards in one transaction must be allowed
 * to finish), checked only before each mutation field starts: once a mutation has committed, its payload is always
 * resolved and answered, never replaced by TIMEOUT.
 */
export function requestDeadlinePlugin<TContext extends BaseContext>(timeoutMs: number, mutationTimeoutMs = timeoutMs): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = Date.now();
      return {
        async executionDidStart({ operation }) {
          const mutation = operation.operation === 'mutation';
          const limit = mutation ? mutationTimeoutMs : timeoutMs;
          const deadline = started + limit;
          return {
            willResolveField({ info }) {
              if (mutation && info.path.prev !== undefined) return;
              if (Date.now() > deadline) throw new TimeoutError(`The request ran past its deadline of ${limit} ms`);
            },
          };
        },
      };
    },
  };
}
