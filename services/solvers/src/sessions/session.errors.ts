import { UnauthenticatedError } from '@ideagora/subgraph-kit';

/**
 * One answer for an unknown, a revoked and an expired refresh token, and for a session whose account is gone:
 * telling them apart would help only someone holding a stolen or made-up token.
 */
export class SessionEndedError extends UnauthenticatedError {
  constructor() {
    super('This session has ended. Log in again.');
  }
}
