import { FailedPreconditionError } from '@ideagora/subgraph-kit';

/** What kind of work a challenge asks for. GraphQL name: `ChallengeType` (the object type is `Challenge`). */
export enum ChallengeKind {
  IDEATION = 'IDEATION',
  THEORETICAL = 'THEORETICAL',
  REDUCTION_TO_PRACTICE = 'REDUCTION_TO_PRACTICE',
  DESIGN = 'DESIGN',
}

export enum ChallengeVisibility {
  PUBLIC = 'PUBLIC',
  INVITE_ONLY = 'INVITE_ONLY',
}

/** Values match `ChallengeStatusName` in the event catalog. */
export enum ChallengeStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  JUDGING = 'JUDGING',
  AWARDED = 'AWARDED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export type ChallengeAction = 'publish' | 'closeSubmissions' | 'deadlinePassed' | 'allPrizesAwarded' | 'finishJudging' | 'settled' | 'cancel';

/**
 * DRAFT -publish-> OPEN -closeSubmissions | deadline-> JUDGING -all prizes awarded | finishJudging-> AWARDED -settled-> CLOSED;
 * (finishJudging: the sponsor decides the remaining prizes stay unawarded; payouts refunds their money.)
 * DRAFT, OPEN, JUDGING -cancel-> CANCELLED.
 */
const TRANSITIONS: Record<ChallengeAction, { from: readonly ChallengeStatus[]; to: ChallengeStatus }> = {
  publish: { from: [ChallengeStatus.DRAFT], to: ChallengeStatus.OPEN },
  closeSubmissions: { from: [ChallengeStatus.OPEN], to: ChallengeStatus.JUDGING },
  deadlinePassed: { from: [ChallengeStatus.OPEN], to: ChallengeStatus.JUDGING },
  allPrizesAwarded: { from: [ChallengeStatus.JUDGING], to: ChallengeStatus.AWARDED },
  finishJudging: { from: [ChallengeStatus.JUDGING], to: ChallengeStatus.AWARDED },
  settled: { from: [ChallengeStatus.AWARDED], to: ChallengeStatus.CLOSED },
  cancel: { from: [ChallengeStatus.DRAFT, ChallengeStatus.OPEN, ChallengeStatus.JUDGING], to: ChallengeStatus.CANCELLED },
};

const ACTION_NAMES: Record<ChallengeAction, string> = {
  publish: 'published',
  closeSubmissions: 'closed for submissions',
  deadlinePassed: 'moved to judging',
  allPrizesAwarded: 'marked as awarded',
  finishJudging: 'finished (judging is not open)',
  settled: 'closed',
  cancel: 'cancelled',
};

export class InvalidTransitionError extends FailedPreconditionError {
  constructor(
    readonly status: ChallengeStatus,
    readonly action: ChallengeAction,
  ) {
    super(`A ${status} challenge cannot be ${ACTION_NAMES[action]}`);
  }
}

export function canTransition(status: ChallengeStatus, action: ChallengeAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after `action`, or FAILED_PRECONDITION when the current status does not allow it. */
export function nextStatus(status: ChallengeStatus, action: ChallengeAction): ChallengeStatus {
  if (!canTransition(status, action)) throw new InvalidTransitionError(status, action);
  return TRANSITIONS[action].to;
}

/** DRAFT -> OPEN needs a SUCCEEDED funding and a deadline still in the future. */
export function assertCanPublish(args: { status: ChallengeStatus; fundingSucceeded: boolean; submissionDeadline: Date; now: Date }): ChallengeStatus {
  const next = nextStatus(args.status, 'publish');
  if (!args.fundingSucceeded) throw new FailedPreconditionError('The challenge cannot be published before its prize pool is funded');
  if (args.submissionDeadline.getTime() <= args.now.getTime()) {
    throw new FailedPreconditionError('The submission deadline has passed: the challenge cannot be published');
  }
  return next;
}

/** DRAFT, OPEN, JUDGING -> CANCELLED, but not once any prize is awarded. */
export function assertCanCancel(args: { status: ChallengeStatus; anyPrizeAwarded: boolean }): ChallengeStatus {
  const next = nextStatus(args.status, 'cancel');
  if (args.anyPrizeAwarded) throw new FailedPreconditionError('A challenge cannot be cancelled once a prize is awarded');
  return next;
}

/** Public challenges are listed and readable by anyone once published; the rest only by the organization's members. */
export function isPublic(challenge: { visibility: ChallengeVisibility; publishedAt?: Date | null }): boolean {
  return challenge.visibility === ChallengeVisibility.PUBLIC && challenge.publishedAt != null;
}
