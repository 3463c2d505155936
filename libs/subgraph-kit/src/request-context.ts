import type { Identity } from '@ideagora/auth';
import { UnauthenticatedError } from './errors';

/** The caller's user id, or UNAUTHENTICATED. */
export function requireUser(identity: Identity): string {
  if (!identity.userId) throw new UnauthenticatedError();
  return identity.userId;
}
