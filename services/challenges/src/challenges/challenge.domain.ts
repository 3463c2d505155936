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
  | 'cancellationRejected'
  | 'advanceToFinalRound'
  | 'judgingConcluded';

/**
 * DRAFT -publish-> OPEN -closeSubmissions | deadline-> JUDGING -all prizes awarded | finishJudging-> AWARDED -settled-> CLOSED;
 * (finishJudging: the sponsor decides the remaining prizes stay unawarded; payouts refunds their money.)
 * DRAFT, OPEN -cancel-> CANCELLED.
 * JUDGING -requestCancellation-> CANCELLING -confirmed by payouts-> CANCELLED, or -rejected (a prize was awarded
 * meanwhile)-> JUDGING. Awards are decided by payouts, which also answers the request under the same row lock, so
 * a cancellation and an award cannot both win.
 * JUDGING (round 1) -advanceToFinalRound-> OPEN (round 2, finalists only) -deadline at finalRoundDeadline-> JUDGING.
 * JUDGING -judgingConcluded (payouts decided what the judging deadline left)-> AWARDED.
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
  advanceToFinalRound: { from: [ChallengeStatus.JUDGING], to: ChallengeStatus.OPEN },
  judgingConcluded: { from: [ChallengeStatus.JUDGING], to: ChallengeStatus.AWARDED },
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
  advanceToFinalRound: 'advanced to a final round',
  judgingConcluded: 'concluded',
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
export function assertCanCancel(args: { status: ChallengeStatus; anyPrizeAwarded: boolean; guaranteed?: boolean; judgingClosed?: boolean }): ChallengeStatus {
  const next = nextStatus(args.status, args.status === ChallengeStatus.JUDGING ? 'requestCancellation' : 'cancel');
  if (args.guaranteed && args.status !== ChallengeStatus.DRAFT) {
    throw new FailedPreconditionError('A guaranteed challenge cannot be cancelled once published: its whole pool will be paid out');
  }
  if (args.judgingClosed) throw new JudgingClosedError('cancelled');
  if (args.anyPrizeAwarded) throw new FailedPreconditionError('A challenge cannot be cancelled once a prize is awarded');
  return next;
}

/** The judging deadline passed: what is left is decided by the rules, not by the sponsor. */
export class JudgingClosedError extends FailedPreconditionError {
  constructor(what: string) {
    super(`The judging deadline has passed: the challenge cannot be ${what} any more`);
  }
}

/**
 * JUDGING -> AWARDED by the sponsor. Not once the judging deadline passed (the rules decide), and a guaranteed
 * challenge only once every prize place is awarded.
 */
export function assertCanFinishJudging(args: { status: ChallengeStatus; judgingClosed: boolean; guaranteed: boolean; unawardedPlaces: number }): ChallengeStatus {
  const next = nextStatus(args.status, 'finishJudging');
  if (args.judgingClosed) throw new JudgingClosedError('finished by the sponsor');
  if (args.guaranteed && args.unawardedPlaces > 0) {
    throw new FailedPreconditionError(`A guaranteed challenge pays out every prize place: ${args.unawardedPlaces} still to award`);
  }
  return next;
}

export const MAX_FINALISTS = 50;
/** The final round's deadline and the judging deadline's distance from a submission deadline, at most. */
export const MAX_PERIOD_DAYS = 180;
export const DEFAULT_JUDGING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** JUDGING of round 1, not closed -> OPEN of round 2; once per challenge. */
export function assertCanAdvanceToFinalRound(args: { status: ChallengeStatus; round: number; judgingClosed: boolean }): ChallengeStatus {
  if (args.round !== 1) throw new FailedPreconditionError('The challenge is already in its final round');
  const next = nextStatus(args.status, 'advanceToFinalRound');
  if (args.judgingClosed) throw new JudgingClosedError('advanced to a final round');
  return next;
}

/** The default judging deadline: DEFAULT_JUDGING_DAYS after the submission deadline. */
export function defaultJudgingDeadline(submissionDeadline: Date): Date {
  return new Date(submissionDeadline.getTime() + DEFAULT_JUDGING_DAYS * DAY_MS);
}

/** After the submission deadline, and at most MAX_PERIOD_DAYS after it. */
export function isValidJudgingPeriod(submissionDeadline: Date, judgingDeadline: Date): boolean {
  const period = judgingDeadline.getTime() - submissionDeadline.getTime();
  return period > 0 && period <= MAX_PERIOD_DAYS * DAY_MS;
}

/** When the (current round's) submission deadline moves from `from` to `to`, the judging period is kept. */
export function movedJudgingDeadline(judgingDeadline: Date, from: Date, to: Date): Date {
  return new Date(judgingDeadline.getTime() + (to.getTime() - from.getTime()));
}

/** The submission deadline of the current round: the final round's in round 2. */
export function currentSubmissionDeadline(challenge: { round: number; submissionDeadline: Date; finalRoundDeadline?: Date | null }): Date {
  return challenge.round === 2 && challenge.finalRoundDeadline ? challenge.finalRoundDeadline : challenge.submissionDeadline;
}

/** The rubric when none was set: one criterion weighing everything. */
export const DEFAULT_RUBRIC: readonly { key: string; label: string; description: string; weightPercent: number }[] = [
  { key: 'overall', label: 'Overall', description: '', weightPercent: 100 },
];

/** The rubric is fixed at publication. */
export function assertCanSetRubric(status: ChallengeStatus): void {
  if (status !== ChallengeStatus.DRAFT) throw new FailedPreconditionError(`The rubric is fixed once the challenge is published (it is ${status})`);
}

/**
 * What updateChallenge can change. Prizes and currency never: the funding's amount derives from them. The judging
 * deadline also moves with the submission deadline (the judging period is kept), in DRAFT and OPEN.
 */
export type EditableField = 'title' | 'summary' | 'description' | 'terms' | 'type' | 'visibility' | 'submissionDeadline' | 'guaranteed' | 'judgingDeadline';

/**
 * DRAFT: every editable field. OPEN: the brief's text and the deadline (extended only): title, type, visibility and
 * terms are what solvers saw and accepted when they entered. Any other status: nothing.
 */
const EDITABLE: Partial<Record<ChallengeStatus, readonly EditableField[]>> = {
  [ChallengeStatus.DRAFT]: ['title', 'summary', 'description', 'terms', 'type', 'visibility', 'submissionDeadline', 'guaranteed', 'judgingDeadline'],
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
