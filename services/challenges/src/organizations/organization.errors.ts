import { NotFoundError } from '@ideagora/subgraph-kit';

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
