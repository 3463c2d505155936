import { NotFoundError } from '@ideagora/subgraph-kit';

/** Unknown, or not visible to the caller: the same answer, so drafts do not leak. */
export class ChallengeNotFoundError extends NotFoundError {
  constructor(id?: string) {
    super('Challenge', id);
  }
}
