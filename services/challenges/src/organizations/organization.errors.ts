import { ConflictError, FailedPreconditionError, NotFoundError } from '@ideagora/subgraph-kit';

export class OrganizationNotFoundError extends NotFoundError {
  constructor(id?: string) {
    super('Organization', id);
  }
}

/** No pending invitation of the viewer to this organization (or no such organization): the same answer. */
export class InvitationNotFoundError extends NotFoundError {
  constructor() {
    super('Invitation');
  }
}

/** addOrganizationMember naming a user id that no account has (the read model of solvers' users does not know it). */
export class UserNotFoundError extends NotFoundError {
  override readonly field = 'userId';
  constructor(id: string) {
    super('User', id);
  }
}

/** An invitation past its `expiresAt` cannot be accepted (it can still be declined). */
export class InvitationExpiredError extends FailedPreconditionError {
  override readonly field = 'organizationId';
  constructor() {
    super('This invitation has expired. Ask the organization to invite you again.');
  }
}

/** updateOrganization: another organization has this slug (the unique index decides between two at once). */
export class SlugTakenError extends ConflictError {
  override readonly field = 'slug';
  constructor(slug: string) {
    super(`The address ${slug} is taken by another organization; choose another one.`);
  }
}
