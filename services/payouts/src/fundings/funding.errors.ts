import { FailedPreconditionError } from '@ideagora/subgraph-kit';

export class ChallengeNotFundableError extends FailedPreconditionError {
  constructor(status: string) {
    super(`Only a DRAFT challenge can be funded (this one is ${status})`);
  }
}

export class AlreadyFundedError extends FailedPreconditionError {
  constructor() {
    super('This challenge is already funded');
  }
}

export class PaymentProviderUnavailableError extends FailedPreconditionError {
  constructor() {
    super('The payment provider is unavailable: nothing was charged, try again in a moment');
  }
}

export class PaymentRefusedError extends FailedPreconditionError {
  constructor(reason: string) {
    super(`The payment provider refused this funding: ${reason}`);
  }
}
