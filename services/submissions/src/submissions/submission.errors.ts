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
    super("Only the sponsoring organization's owners and admins and the challenge's judges can read its submissions");
  }
}

export class SubmissionNotFoundError extends NotFoundError {
  constructor(submissionId: string) {
    super('Submission', submissionId);
  }
}

/** The shortlist is the sponsor's judges' tool: OWNERs and ADMINs of the sponsoring organization only. */
export class ShortlistForbiddenError extends ForbiddenError {
  constructor() {
    super("Only the sponsoring organization's owners and admins can change a challenge's shortlist");
  }
}

export class ShortlistClosedError extends FailedPreconditionError {
  constructor() {
    super('The shortlist can only change while a challenge is open or being judged.');
  }
}

/** Conflict of interest: a challenge's judge neither submits to it, nor accepts its terms, nor joins or creates a team. */
export class JudgeParticipationError extends ForbiddenError {
  constructor() {
    super('Judges cannot enter the challenge they judge');
  }
}

/** Round 2 (advanceToFinalRound): only the finalists' authors (a team's: its members) submit, new versions of their finalist submission. */
export class FinalRoundSubmissionError extends FailedPreconditionError {
  constructor() {
    super('In the final round only the finalists submit, new versions of their finalist submission.');
  }
}
