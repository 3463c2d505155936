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
 */
export function requestDeadlinePlugin<TContext extends BaseContext>(timeoutMs: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const deadline = Date.now() + timeoutMs;
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (Date.now() > deadline) throw new TimeoutError(`The request ran past its deadline of ${timeoutMs} ms`);
            },
          };
        },
      };
    },
  };
}
