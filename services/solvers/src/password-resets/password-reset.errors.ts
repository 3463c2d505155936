import { DomainError } from '@ideagora/subgraph-kit';

/**
 * One answer for an unknown, a used and an expired token: telling them apart would help only someone guessing.
 * BAD_USER_INPUT on `token`, with a message written for the person holding the link (no field prefix).
 */
export class InvalidResetTokenError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  override readonly field = 'token';
  constructor() {
    super('This reset link is invalid or has expired.');
  }
}
