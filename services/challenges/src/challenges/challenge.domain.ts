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
  /** Being cancelled while judging: waits for payouts to confirm that no prize was awarded meanwhile. */
  CANCELLING = 'CANCELLING',
  CANCELLED = 'CANCELLED',
}

/**
 * Orders of the `challenges` listing, each keyset-paginated with the id as the tie-break (challenge.listing.ts).
 * PRIZE_HIGHEST compares minor units, so it needs a currency filter: amounts in different currencies do not compare
 * (Ideagora has no exchange rates).
 */
export enum ChallengeSort {
  NEWEST = 'NEWEST',
  DEADLINE_SOONEST = 'DEADLINE_SOONEST',
  PRIZE_HIGHEST = 'PRIZE_HIGHEST',
}

export type ChallengeAction =
  | 'publish'
  | 'closeSubmissions'
  | 'deadlinePassed'
  | 'allPrizesAwarded'
  | 'finishJudging'
  | 'settled'
  | 'cancel'
  | 'requestCancellation'
  | 'cancellationConfirmed'
  | 'cancellationRejected';

/**
 * DRAFT -publish-> OPEN -closeSubmissions | deadline-> JUDGING -all prizes awarded | finishJudging-> AWARDED -settled-> CLOSED;
 * (finishJudging: the sponsor decides the remaining prizes stay unawarded; payouts refunds their money.)
 * DRAFT, OPEN -cancel-> CANCELLED.
 * JUDGING -requestCancellation-> CANCELLING -confirmed by payouts-> CANCELLED, or -rejected (a prize was awarded
 * meanwhile)-> JUDGING. Awards are decided by payouts, which also answers the request under the same row lock, so
 * a cancellation and an award cannot both win.
 */
const TRANSITIONS: Record<ChallengeAction, { from: readonly ChallengeStatus[]; to: ChallengeStatus }> = {
  publish: { from: [ChallengeStatus.DRAFT], to: ChallengeStatus.OPEN },
  closeSubmissions: { from: [ChallengeStatus.OPEN], to: ChallengeStatus.JUDGING },
  deadlinePassed: { from: [ChallengeStatus.OPEN], to: ChallengeStatus.JUDGING },
  allPrizesAwarded: { from: [ChallengeStatus.JUDGING], to: ChallengeStatus.AWARDED },
  finishJudging: { from: [ChallengeStatus.JUDGING], to: ChallengeStatus.AWARDED },
  settled: { from: [ChallengeStatus.AWARDED], to: ChallengeStatus.CLOSED },
  cancel: { from: [ChallengeStatus.DRAFT, ChallengeStatus.OPEN], to: ChallengeStatus.CANCELLED },
  requestCancellation: { from: [ChallengeStatus.JUDGING], to: ChallengeStatus.CANCELLING },
  cancellationConfirmed: { from: [ChallengeStatus.CANCELLING], to: ChallengeStatus.CANCELLED },
  cancellationRejected: { from: [ChallengeStatus.CANCELLING], to: ChallengeStatus.JUDGING },
};

const ACTION_NAMES: Record<ChallengeAction, string> = {
  publish: 'published',
  closeSubmissions: 'closed for submissions',
  deadlinePassed: 'moved to judging',
  allPrizesAwarded: 'marked as awarded',
  finishJudging: 'finished (judging is not open)',
  settled: 'closed',
  cancel: 'cancelled',
  requestCancellation: 'cancelled',
  cancellationConfirmed: 'cancelled',
  cancellationRejected: 'returned to judging',
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

/**
 * Read-your-writes: publishing a DRAFT that the manager may publish, before its deadline, is refused only for want of
 * a SUCCEEDED funding, which reaches this context by event (Stripe's webhook -> payouts -> FundingSucceeded): the
 * command waits for it, bounded. Whether a funding is on its way cannot be told from here, so a draft never funded
 * waits the whole bound before FAILED_PRECONDITION (see docs/ARCHITECTURE.md, "Read your writes").
 */
export function isPublishAwaitingFunding(args: { status: ChallengeStatus; canManage: boolean; fundingSucceeded: boolean; submissionDeadline: Date; now: Date }): boolean {
  return args.status === ChallengeStatus.DRAFT && args.canManage && !args.fundingSucceeded && args.submissionDeadline.getTime() > args.now.getTime();
}

/**
 * DRAFT, OPEN -> CANCELLED; JUDGING -> CANCELLING (payouts confirms); never once a prize is known to be awarded.
 * (No prize can be awarded before JUDGING: payouts awards only what it knows to be judging.)
 */
export function assertCanCancel(args: { status: ChallengeStatus; anyPrizeAwarded: boolean }): ChallengeStatus {
  const next = nextStatus(args.status, args.status === ChallengeStatus.JUDGING ? 'requestCancellation' : 'cancel');
  if (args.anyPrizeAwarded) throw new FailedPreconditionError('A challenge cannot be cancelled once a prize is awarded');
  return next;
}

/** What updateChallenge can change. Prizes and currency never: the funding's amount derives from them. */
export type EditableField = 'title' | 'summary' | 'description' | 'terms' | 'type' | 'visibility' | 'submissionDeadline';

/**
 * DRAFT: every editable field. OPEN: the brief's text and the deadline (extended only): title, type, visibility and
 * terms are what solvers saw and accepted when they entered. Any other status: nothing.
 */
const EDITABLE: Partial<Record<ChallengeStatus, readonly EditableField[]>> = {
  [ChallengeStatus.DRAFT]: ['title', 'summary', 'description', 'terms', 'type', 'visibility', 'submissionDeadline'],
  [ChallengeStatus.OPEN]: ['summary', 'description', 'submissionDeadline'],
};

/** The challenge's status allows no edit at all. */
export class ChallengeNotEditableError extends FailedPreconditionError {
  constructor(readonly status: ChallengeStatus) {
    super(`A ${status} challenge cannot be edited`);
  }
}

/** A field that is fixed in the challenge's status (title, type, visibility and terms once published). */
export class FieldNotEditableError extends FailedPreconditionError {
  constructor(
    override readonly field: EditableField,
    readonly status: ChallengeStatus,
  ) {
    super(`${field} cannot be changed once the challenge is published (it is ${status})`);
  }
}

/** An OPEN challenge's deadline moves only later: solvers plan around it. */
export class DeadlineNotExtendedError extends FailedPreconditionError {
  override readonly field = 'submissionDeadline';
  constructor(reason: 'earlier' | 'passed') {
    super(
      reason === 'passed'
        ? 'submissionDeadline: the deadline has passed, so the challenge is closing for judging; it cannot be extended any more'
        : 'submissionDeadline: the deadline of an OPEN challenge can only be extended (later than the current one), never shortened',
    );
  }
}

/**
 * Whether `changed` (the fields whose value actually differs) may change in this status; FAILED_PRECONDITION naming
 * the field otherwise. An OPEN challenge's deadline can only move later, and not once it has passed.
 */
export function assertCanEdit(args: { status: ChallengeStatus; changed: readonly EditableField[]; currentDeadline: Date; newDeadline?: Date; now: Date }): void {
  const editable = EDITABLE[args.status];
  if (!editable) throw new ChallengeNotEditableError(args.status);
  for (const field of args.changed) if (!editable.includes(field)) throw new FieldNotEditableError(field, args.status);
  if (args.status === ChallengeStatus.OPEN && args.changed.includes('submissionDeadline') && args.newDeadline) {
    if (args.currentDeadline.getTime() <= args.now.getTime()) throw new DeadlineNotExtendedError('passed');
    if (args.newDeadline.getTime() <= args.currentDeadline.getTime()) throw new DeadlineNotExtendedError('earlier');
  }
}

/** Public challenges are listed and readable by anyone once published; the rest only by the organization's members. */
export function isPublic(challenge: { visibility: ChallengeVisibility; publishedAt?: Date | null }): boolean {
  return challenge.visibility === ChallengeVisibility.PUBLIC && challenge.publishedAt != null;
}
