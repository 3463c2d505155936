import { FailedPreconditionError, ForbiddenError } from '@ideagora/subgraph-kit';

/** Scoring is open while the challenge is JUDGING and its judging deadline has not passed; round 2 scores finalists only. */
export class JudgingNotOpenError extends FailedPreconditionError {
  constructor(reason: 'status' | 'closed' | 'finalist') {
    super(
      reason === 'status'
        ? 'Submissions can only be scored while the challenge is being judged.'
        : reason === 'closed'
          ? 'The judging deadline has passed: scores are final.'
          : 'In the final round only the finalists are scored.',
    );
  }
}

/** Only an accepted judge of the challenge or the sponsor's OWNER/ADMIN scores. */
export class ScoreForbiddenError extends ForbiddenError {
  constructor() {
    super("Only the challenge's judges and the sponsoring organization's owners and admins can score its submissions");
  }
}
