import type { ChallengeStatusName } from '@ideagora/events';
import { BadUserInputError, isUuid } from '@ideagora/subgraph-kit';

/** Every kind of notification; the GraphQL enum `NotificationKind` and the table's check list the same values. */
export const NOTIFICATION_KINDS = [
  'NEW_SUBMISSION',
  'NEW_QUESTION',
  'QUESTION_ANSWERED',
  'DEADLINE_CHANGED',
  'SUBMISSIONS_CLOSED',
  'FINALISTS_CHOSEN',
  'RESULTS_PUBLISHED',
  'PRIZE_AWARDED',
  'PAYOUT_PAID',
  'PAYOUT_FAILED',
  'PAYOUT_REVERSED',
  'INVITATION',
  'TEAM_SPLIT_PROPOSED',
] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/**
 * Mailed unless the user chose otherwise: every kind but NEW_SUBMISSION (a sponsor of a busy contest would get a
 * mail per entry; the notification centre collapses them instead).
 */
export const DEFAULT_MAIL_KINDS: readonly NotificationKindName[] = NOTIFICATION_KINDS.filter((kind) => kind !== 'NEW_SUBMISSION');

/** markNotificationsRead takes at most this many ids (a page is at most 100). */
export const MAX_MARKED_IDS = 100;

/** The mail kinds as chosen: known kinds, each once, in the enum's order. */
export function normalizeMailKinds(kinds: readonly string[]): NotificationKindName[] {
  if (!Array.isArray(kinds)) throw new BadUserInputError('mailKinds', 'is required');
  const unknown = kinds.find((kind) => !(NOTIFICATION_KINDS as readonly string[]).includes(kind));
  if (unknown !== undefined) throw new BadUserInputError('mailKinds', 'lists an unknown kind');
  return NOTIFICATION_KINDS.filter((kind) => kinds.includes(kind));
}

export type MarkReadTarget = { all: true } | { ids: string[] };

/**
 * Exactly one of `ids` (1 to MAX_MARKED_IDS) and `all: true`, else BAD_USER_INPUT. Ids that are not uuids are kept:
 * they are nobody's notification, answered NOT_FOUND `ids` like another user's.
 */
export function markReadTarget(input: { ids?: readonly string[] | null; all?: boolean | null }): MarkReadTarget {
  const hasIds = input.ids !== null && input.ids !== undefined;
  const all = input.all === true;
  if (hasIds === all) throw new BadUserInputError(hasIds ? 'all' : 'ids', 'give exactly one of ids and all: true');
  if (all) return { all: true };
  const ids = [...new Set(input.ids!.map((id) => id.toLowerCase()))];
  if (ids.length === 0) throw new BadUserInputError('ids', 'must list at least one id');
  if (ids.length > MAX_MARKED_IDS) throw new BadUserInputError('ids', `at most ${MAX_MARKED_IDS} ids at once`);
  return { ids };
}

/** Whether every id names a notification (uuids only: a forged id names none). */
export function wellFormedIds(ids: readonly string[]): boolean {
  return ids.every(isUuid);
}

/** What solvers' challenge view holds of a challenge, and what a ChallengeChanged says now. */
export interface ChallengeFacts {
  status: ChallengeStatusName;
  round: number;
  /** The current round's submission deadline. */
  deadline: Date;
}

/** The deadline of the round a ChallengeChanged is in: round 2 has its own. */
export function currentDeadline(event: { submissionDeadline: string; round?: number; finalRoundDeadline?: string | null }): Date {
  return new Date((event.round ?? 1) >= 2 && event.finalRoundDeadline ? event.finalRoundDeadline : event.submissionDeadline);
}

/** The statuses a challenge is awarded from (a skipped version between them too). */
const RESULTS_FROM: readonly ChallengeStatusName[] = ['OPEN', 'JUDGING', 'CANCELLING'];

export type ChallengeNews = 'DEADLINE_CHANGED' | 'SUBMISSIONS_CLOSED' | 'RESULTS_PUBLISHED';

/**
 * What the participants are told of a challenge's change, from the view held before (null: never heard of, so no
 * change can be told) to the newer version: the deadline of an open round moved; an open round closed (OPEN ->
 * JUDGING; round 2's close too); the results are out (-> AWARDED, from judging, a rejected cancellation, or a
 * version skipped in between: only the latest news then). Everything else (publication, cancellation, the final
 * round's start, told by FINALISTS_CHOSEN) is nothing to tell here.
 */
export function challengeNews(prior: ChallengeFacts | null, next: ChallengeFacts): ChallengeNews | null {
  if (!prior) return null;
  if (next.status === 'AWARDED') return RESULTS_FROM.includes(prior.status) ? 'RESULTS_PUBLISHED' : null;
  if (prior.status === 'OPEN' && next.status === 'JUDGING') return 'SUBMISSIONS_CLOSED';
  if (prior.status === 'OPEN' && next.status === 'OPEN' && prior.round === next.round && prior.deadline.getTime() !== next.deadline.getTime()) {
    return 'DEADLINE_CHANGED';
  }
  return null;
}
