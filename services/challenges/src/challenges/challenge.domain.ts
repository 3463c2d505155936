import { BadUserInputError, FailedPreconditionError } from '@ideagora/subgraph-kit';

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

/**
 * Who reads a challenge's entries (eYeka's three modes; enforced by submissions, which learns it from
 * ChallengeChanged). SEALED: the author, the sponsor's OWNER/ADMIN and the judges; GALLERY: everyone once submitted;
 * GALLERY_AFTER_CLOSE: sealed while OPEN, everyone once submissions closed.
 */
export enum SubmissionVisibility {
  SEALED = 'SEALED',
  GALLERY = 'GALLERY',
  GALLERY_AFTER_CLOSE = 'GALLERY_AFTER_CLOSE',
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

/**
 * DRAFT -> OPEN needs a SUCCEEDED funding, a deadline still in the future and, with voting, a voting window that has
 * not ended (one that has started opens at once).
 */
export function assertCanPublish(args: { status: ChallengeStatus; fundingSucceeded: boolean; submissionDeadline: Date; now: Date; votingEndsAt?: Date | null }): ChallengeStatus {
  const next = nextStatus(args.status, 'publish');
  if (!args.fundingSucceeded) throw new FailedPreconditionError('The challenge cannot be published before its prize pool is funded');
  if (args.submissionDeadline.getTime() <= args.now.getTime()) {
    throw new FailedPreconditionError('The submission deadline has passed: the challenge cannot be published');
  }
  if (args.votingEndsAt && args.votingEndsAt.getTime() <= args.now.getTime()) {
    throw new VotingEndedError();
  }
  return next;
}

/** Publishing a draft whose voting window already ended: the sponsor moves (or removes) the window first. */
export class VotingEndedError extends FailedPreconditionError {
  override readonly field = 'voting.endsAt';
  constructor() {
    super('The voting window has already ended: move it later (or remove it) before publishing');
  }
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
 * JUDGING -> AWARDED by the sponsor. Not once the judging deadline passed (the rules decide), not while a
 * community-choice prize waits for the vote, and a guaranteed challenge only once every prize place is awarded.
 */
export function assertCanFinishJudging(args: {
  status: ChallengeStatus;
  judgingClosed: boolean;
  guaranteed: boolean;
  unawardedPlaces: number;
  /** A community-choice prize waits for the vote, which has not closed yet. */
  communityChoicePending?: boolean;
}): ChallengeStatus {
  const next = nextStatus(args.status, 'finishJudging');
  if (args.judgingClosed) throw new JudgingClosedError('finished by the sponsor');
  if (args.communityChoicePending) {
    throw new FailedPreconditionError('The public vote has not ended: the community-choice prize is awarded when it does, so judging cannot be finished before');
  }
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
export type EditableField =
  | 'title'
  | 'summary'
  | 'description'
  | 'terms'
  | 'type'
  | 'visibility'
  | 'submissionDeadline'
  | 'guaranteed'
  | 'judgingDeadline'
  | 'submissionVisibility'
  | 'voting';

/**
 * DRAFT: every editable field. OPEN: the brief's text and the deadline (extended only): title, type, visibility and
 * terms are what solvers saw and accepted when they entered. Any other status: nothing.
 */
const EDITABLE: Partial<Record<ChallengeStatus, readonly EditableField[]>> = {
  [ChallengeStatus.DRAFT]: ['title', 'summary', 'description', 'terms', 'type', 'visibility', 'submissionDeadline', 'guaranteed', 'judgingDeadline', 'submissionVisibility', 'voting'],
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

// ---- entries: visibility, voting, community-choice prizes -------------------------------------------------------

export interface VotingWindow {
  startsAt: Date;
  endsAt: Date;
}

/** The binding terms the voting rules relate (a challenge as it would be after a create or an edit). */
export interface EntriesTerms {
  submissionVisibility: SubmissionVisibility;
  voting: VotingWindow | null;
  /** The current round's submission deadline. */
  submissionDeadline: Date;
  judgingDeadline: Date;
  prizes: readonly { communityChoice: boolean }[];
}

/** A broken voting rule: the input field it is about (as BAD_USER_INPUT names it) and why, in words. */
export interface EntriesRuleViolation {
  field: string;
  message: string;
}

/**
 * The first voting rule `terms` break, or null. Voting needs a gallery (`voting`); the window starts before it ends
 * (`voting.endsAt`) and ends by the judging deadline (`voting.endsAt`: the community's choice is known before
 * everything must be decided); in GALLERY_AFTER_CLOSE it starts once submissions close (`voting.startsAt`: the
 * entries are sealed before); a community-choice prize needs voting (`prizes[i].communityChoice`).
 */
export function entriesRuleViolation(terms: EntriesTerms): EntriesRuleViolation | null {
  const { voting } = terms;
  if (voting) {
    if (terms.submissionVisibility === SubmissionVisibility.SEALED) {
      return { field: 'voting', message: 'the public vote needs a public gallery: choose GALLERY or GALLERY_AFTER_CLOSE, or remove the voting window' };
    }
    if (voting.startsAt.getTime() >= voting.endsAt.getTime()) return { field: 'voting.endsAt', message: 'voting must end after it starts' };
    if (voting.endsAt.getTime() > terms.judgingDeadline.getTime()) {
      return { field: 'voting.endsAt', message: 'voting must end by the judging deadline, when every prize is decided' };
    }
    if (terms.submissionVisibility === SubmissionVisibility.GALLERY_AFTER_CLOSE && voting.startsAt.getTime() < terms.submissionDeadline.getTime()) {
      return { field: 'voting.startsAt', message: 'the entries are public only once submissions close: voting cannot start before the submission deadline' };
    }
  }
  const communityChoice = terms.prizes.findIndex((p) => p.communityChoice);
  if (communityChoice >= 0 && !voting) {
    return { field: `prizes[${communityChoice}].communityChoice`, message: 'a community-choice prize is awarded by the public vote: set a voting window' };
  }
  return null;
}

/**
 * createChallenge: BAD_USER_INPUT naming the rule's field. The window must also end in the future (an ended window
 * could never open).
 */
export function assertEntriesTerms(terms: EntriesTerms, now: Date): void {
  if (terms.voting && terms.voting.endsAt.getTime() <= now.getTime()) throw new BadUserInputError('voting.endsAt', 'must be in the future');
  const violation = entriesRuleViolation(terms);
  if (violation) throw new BadUserInputError(violation.field, violation.message);
}

/**
 * updateChallenge: the challenge as it would be after the edit must keep the voting rules. A rule is reported on
 * what the edit changed: the voting field when the window was given, else the mode, else the deadline that moved
 * (BAD_USER_INPUT, DRAFT). An OPEN challenge's window is fixed, so a deadline extension that would break it is
 * FAILED_PRECONDITION `submissionDeadline`. A window given must end in the future (`voting.endsAt`).
 */
export function assertEntriesTermsKept(args: {
  status: ChallengeStatus;
  after: EntriesTerms;
  changed: readonly EditableField[];
  now: Date;
}): void {
  const { after, changed } = args;
  if (changed.includes('voting') && after.voting && after.voting.endsAt.getTime() <= args.now.getTime()) {
    throw new BadUserInputError('voting.endsAt', 'must be in the future');
  }
  const violation = entriesRuleViolation(after);
  if (!violation) return;
  const onVoting = violation.field === 'voting' || violation.field.startsWith('voting.');
  if (args.status !== ChallengeStatus.DRAFT) {
    throw new EntriesTermsBrokenError('submissionDeadline', `the deadline cannot move there: ${violation.message} (the voting window is fixed once published)`);
  }
  if (violation.field.startsWith('prizes[')) {
    // Prizes are not edited: it is the window's removal that broke the rule.
    throw new BadUserInputError('voting', 'a community-choice prize is awarded by the public vote: the voting window cannot be removed');
  }
  if (!onVoting || changed.includes('voting')) throw new BadUserInputError(violation.field, violation.message);
  if (changed.includes('submissionVisibility')) throw new BadUserInputError('submissionVisibility', violation.message);
  const moved = changed.includes('judgingDeadline') && !changed.includes('submissionDeadline') ? 'judgingDeadline' : 'submissionDeadline';
  throw new BadUserInputError(moved, `${violation.message}; move the voting window in the same change`);
}

/** An OPEN challenge's deadline move that the fixed voting window forbids. */
export class EntriesTermsBrokenError extends FailedPreconditionError {
  constructor(
    override readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** The deadline job closes voting once its window ended, on a published challenge that is not being cancelled. */
export function isVotingDue(challenge: { status: ChallengeStatus; votingEndsAt?: Date | null; votingClosedAt?: Date | null }, now: Date): boolean {
  return (
    challenge.votingEndsAt != null &&
    challenge.votingClosedAt == null &&
    challenge.votingEndsAt.getTime() <= now.getTime() &&
    VOTING_CLOSES_IN.includes(challenge.status)
  );
}
export const VOTING_CLOSES_IN: readonly ChallengeStatus[] = [ChallengeStatus.OPEN, ChallengeStatus.JUDGING, ChallengeStatus.AWARDED, ChallengeStatus.CLOSED];

/** Public challenges are listed and readable by anyone once published; the rest only by the organization's members. */
export function isPublic(challenge: { visibility: ChallengeVisibility; publishedAt?: Date | null }): boolean {
  return challenge.visibility === ChallengeVisibility.PUBLIC && challenge.publishedAt != null;
}
