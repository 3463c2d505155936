import { ConflictError, FailedPreconditionError, ForbiddenError, NotFoundError } from '@ideagora/subgraph-kit';
import { VOTES_PER_VOTER } from './vote.domain';

export class VotingClosedError extends FailedPreconditionError {
  constructor() {
    super('Voting is not open for this challenge');
  }
}

export class AccountTooNewToVoteError extends FailedPreconditionError {
  constructor(minAgeHours: number) {
    super(`Your account must be at least ${minAgeHours} hours old to vote`);
  }
}

export class OwnEntryVoteError extends ForbiddenError {
  constructor() {
    super("You cannot vote for your own or your team's entry");
  }
}

export class SponsorVoteError extends ForbiddenError {
  constructor() {
    super("Members of the sponsoring organization cannot vote in its challenges");
  }
}

export class AlreadyVotedError extends ConflictError {
  override readonly field = 'submissionId';
  constructor() {
    super('submissionId: you have already voted for this entry');
  }
}

export class VotesUsedUpError extends ConflictError {
  override readonly field = 'submissionId';
  constructor() {
    super(`submissionId: you have used your ${VOTES_PER_VOTER} votes in this challenge; withdraw one to vote for another entry`);
  }
}

export class VoteNotFoundError extends NotFoundError {
  constructor(submissionId: string) {
    super('Your vote for submission', submissionId);
  }
}
