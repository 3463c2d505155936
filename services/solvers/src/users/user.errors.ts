import { ConflictError, UnauthenticatedError } from '@ideagora/subgraph-kit';

export class EmailTakenError extends ConflictError {
  override readonly field = 'email';
  constructor() {
    super('An account with this email already exists');
  }
}

/** Same message whether the email exists or not, so logIn does not reveal accounts. */
export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super('Invalid email or password');
  }
}
