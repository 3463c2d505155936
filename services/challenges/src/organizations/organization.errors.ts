import { NotFoundError } from '@ideagora/subgraph-kit';

export class OrganizationNotFoundError extends NotFoundError {
  constructor(id?: string) {
    super('Organization', id);
  }
}
