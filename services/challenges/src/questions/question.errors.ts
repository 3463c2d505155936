import { FailedPreconditionError, ForbiddenError, NotFoundError, RateLimitedError } from '@ideagora/subgraph-kit';

/** Unknown, or on a challenge the caller cannot see: the same answer. */
export class ChallengeQuestionNotFoundError extends NotFoundError {
  constructor(id?: string) {
    super('ChallengeQuestion', id);
  }
}

/** The sponsor's members answer questions; they do not ask them. */
export class SponsorCannotAskError extends ForbiddenError {
  constructor() {
    super("Members of the sponsoring organization cannot ask questions about its challenges");
  }
}

export class QuestionsClosedError extends FailedPreconditionError {
  constructor() {
    super('Questions can be asked while a challenge is open.');
  }
}

export class NotAnswerableError extends FailedPreconditionError {
  constructor() {
    super('Questions can be answered while a challenge is open or being judged.');
  }
}

export class CannotAnswerError extends ForbiddenError {
  constructor() {
    super('Only an OWNER or ADMIN of the organization can answer questions about its challenges');
  }
}

export class TooManyQuestionsError extends RateLimitedError {
  constructor(limit: number) {
    super(`You can ask at most ${limit} questions about a challenge in 24 hours. Try again later.`);
  }
}
