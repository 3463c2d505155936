import { FailedPreconditionError, ForbiddenError, NotFoundError } from '@ideagora/subgraph-kit';

export class ChallengeNotFoundError extends NotFoundError {
  constructor(challengeId: string) {
    super('Challenge', challengeId);
  }
}

export class ChallengeNotOpenError extends FailedPreconditionError {
  constructor(reason: 'status' | 'deadline') {
    super(reason === 'status' ? 'The challenge is not open for submissions' : 'The submission deadline has passed');
  }
}

/** Conflict of interest: neither submitting nor accepting the terms. */
export class OwnChallengeParticipationError extends ForbiddenError {
  constructor() {
    super('Members of the sponsoring organization cannot take part in its challenges');
  }
}

export class TermsNotAcceptedError extends FailedPreconditionError {
  constructor() {
    super("Accept the challenge's terms before submitting.");
  }
}

export class SubmissionsSealedError extends ForbiddenError {
  constructor() {
    super("Only the sponsoring organization's owners and admins can read a challenge's submissions");
  }
}
