import { ConflictError, FailedPreconditionError } from '@ideagora/subgraph-kit';

export class ChallengeNotJudgingError extends FailedPreconditionError {
  constructor(status: string) {
    super(`Prizes are awarded while the challenge is JUDGING (this one is ${status})`);
  }
}

export class SubmissionOfAnotherChallengeError extends FailedPreconditionError {
  constructor() {
    super('This submission was made to another challenge');
  }
}

export class ChallengeNotFundedError extends FailedPreconditionError {
  constructor() {
    super('The challenge’s prize pool is not in escrow');
  }
}

export class PrizeAlreadyAwardedError extends ConflictError {
  constructor(rank: number) {
    super(`Prize ${rank} of this challenge is already awarded`);
  }
}
