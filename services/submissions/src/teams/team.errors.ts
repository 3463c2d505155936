import { ConflictError, FailedPreconditionError, ForbiddenError, NotFoundError } from '@ideagora/subgraph-kit';

/**
 * A team is private: to anyone but its members (and the sponsor's OWNERs/ADMINs, who read but do not act) it does not
 * exist. Outsiders acting on a team (invite, propose, agree, leave, submit as it) get NOT_FOUND.
 */
export class TeamNotFoundError extends NotFoundError {
  override readonly field = 'teamId';
  constructor(teamId: string) {
    super('Team', teamId);
  }
}

/** The sponsor's judges see a team but are not in it. */
export class NotATeamMemberError extends ForbiddenError {
  constructor() {
    super('Only members of the team can do this');
  }
}

/** One team per (challenge, member), and not after a solo submission (challenge_participant). */
export class AlreadyParticipatingError extends ConflictError {
  constructor(reason: 'team' | 'solo' | 'either') {
    super(
      reason === 'team'
        ? 'You are already in a team for this challenge'
        : reason === 'solo'
          ? 'You already submitted to this challenge alone: you cannot join a team for it'
          : 'You already take part in this challenge (alone or in a team)',
    );
  }
}

/** A team member submitting without teamId. */
export class SubmitAsTeamError extends ConflictError {
  override readonly field = 'teamId';
  constructor() {
    super('teamId: you are in a team for this challenge: submit as your team');
  }
}

export class SplitNotAgreedError extends FailedPreconditionError {
  constructor() {
    super('Every member must agree to the prize split before the team can submit');
  }
}

export class StaleSplitVersionError extends ConflictError {
  override readonly field = 'splitVersion';
  constructor(current: number, given: number) {
    super(`splitVersion: version ${given} is not the current split (version ${current}); agree to the current one`);
  }
}

export class TeamFullError extends FailedPreconditionError {
  constructor(max: number) {
    super(`A team has at most ${max} members, counting pending invitations`);
  }
}

export class TeamInvitationNotFoundError extends NotFoundError {
  override readonly field = 'invitationId';
  constructor(invitationId: string) {
    super('Team invitation', invitationId);
  }
}

/** Accepting an invitation past its expiry (14 days). */
export class TeamInvitationExpiredError extends FailedPreconditionError {
  constructor() {
    super('This invitation has expired: ask the team for a new one');
  }
}

/** Answering an invitation already answered (accepted or declined). */
export class TeamInvitationAnsweredError extends ConflictError {
  constructor() {
    super('This invitation has already been answered');
  }
}

export class AlreadyTeamMemberError extends ConflictError {
  override readonly field = 'email';
  constructor() {
    super('email: this person is already a member of the team');
  }
}

export class LastMemberLeavingError extends FailedPreconditionError {
  constructor() {
    super('The last member cannot leave a team that has submitted');
  }
}

export class TeamChangeClosedError extends FailedPreconditionError {
  constructor() {
    super('A team and its prize split are fixed once the challenge stops taking submissions');
  }
}
