import { FailedPreconditionError, ForbiddenError, NotFoundError } from '@ideagora/subgraph-kit';

/** Unknown, or not the viewer's: the same answer. */
export class ChallengeInvitationNotFoundError extends NotFoundError {
  override readonly field = 'invitationId';
  constructor(id?: string) {
    super('ChallengeInvitation', id);
  }
}

/** Only a PENDING invitation can be answered (an EXPIRED one included). */
export class InvitationNotPendingError extends FailedPreconditionError {
  constructor(status: string) {
    super(`This invitation is ${status}: only a pending invitation can be answered`);
  }
}

export class TooManyJudgesError extends FailedPreconditionError {
  constructor(max: number) {
    super(`A challenge can have at most ${max} judge invitations`);
  }
}

/** A solver of the challenge cannot judge it. */
export class SubmitterCannotJudgeError extends FailedPreconditionError {
  constructor() {
    super('You have submitted to this challenge, so you cannot judge it');
  }
}

export class NotChallengeManagerError extends ForbiddenError {
  constructor() {
    super('Only an OWNER or ADMIN of the organization can manage the invitations of this challenge');
  }
}
