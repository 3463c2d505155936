import { ConflictError, FailedPreconditionError } from '@ideagora/subgraph-kit';

export class ChallengeNotJudgingError extends FailedPreconditionError {
  constructor(status: string) {
    // Shown to people as it is (the review page): the status in words, not its enum.
    super(`Prizes can be awarded only while the challenge is being judged; this one is ${status.toLowerCase().replace(/_/g, ' ')}.`);
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

export class TeamSplitNotAgreedError extends FailedPreconditionError {
  constructor() {
    super('The team has not agreed a split of its prizes');
  }
}

/** A community-choice prize is awarded by the public vote (VotingRankingFixed), never by the sponsor. */
export class CommunityChoicePrizeError extends FailedPreconditionError {
  override readonly field: string;
  constructor(rank: number, field: string) {
    super(`This prize is awarded by the public vote: prize ${rank} goes to the most-voted entries when voting ends, not to the sponsor’s choice`);
    this.field = field;
  }
}

export class JudgingClosedError extends FailedPreconditionError {
  constructor() {
    super('The judging deadline has passed: what is left is decided by the challenge’s rules, not by the sponsor');
  }
}

/** More awards of a prize than its places left, or a place the submission already holds: nothing was written. */
export class PrizePlacesConflictError extends ConflictError {
  override readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

export class IdempotencyKeyReusedError extends ConflictError {
  override readonly field = 'idempotencyKey';
  constructor() {
    super('This idempotencyKey was used for other awards of this challenge');
  }
}
