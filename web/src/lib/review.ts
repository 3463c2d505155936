import { formatMoney } from './money';

/** The sponsor's review page: which list (all submissions or the judges' shortlist), and where in it. */
export type ReviewView = 'all' | 'shortlist';

export interface ReviewPosition {
  view: ReviewView;
  /** The API's keyset cursor (valid within its view's list). */
  after?: string;
}

export const REVIEW_PAGE_SIZE = 20;
/** Bodies longer than this are folded behind "Read the solution". */
export const LONG_BODY_CHARACTERS = 600;

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] : value) ?? '';

export function parseReviewPosition(params: Record<string, string | string[] | undefined>): ReviewPosition {
  const view: ReviewView = one(params.view) === 'shortlist' ? 'shortlist' : 'all';
  const after = one(params.after).slice(0, 500) || undefined;
  return { view, after };
}

/** `/challenges/<id>/review`, with `view=shortlist` and `after=<cursor>` when they apply. */
export function reviewHref(challengeId: string, { view, after }: ReviewPosition): string {
  const params = new URLSearchParams();
  if (view === 'shortlist') params.set('view', 'shortlist');
  if (after) params.set('after', after);
  const query = params.toString();
  return `/challenges/${encodeURIComponent(challengeId)}/review${query ? `?${query}` : ''}`;
}

/** The hidden fields a form on the review page sends so that its action can come back to the same page. */
export function positionFields({ view, after }: ReviewPosition): Record<string, string> {
  return { view, ...(after ? { after } : {}) };
}

/** What positionFields sent, read back by a server action (anything else is the first page of all submissions). */
export function positionFromForm(fd: FormData): ReviewPosition {
  const field = (name: string) => {
    const value = fd.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  return parseReviewPosition({ view: field('view'), after: field('after') });
}

export function isLongBody(body: string): boolean {
  return body.length > LONG_BODY_CHARACTERS;
}

/** "1. First prize — $1,000.00": how a prize is offered in an award form. */
export function prizeOptionLabel(prize: { rank: number; label: string; amount: { amountMinor: string; currency: string } }, locale = 'en-US'): string {
  let amount: string;
  try {
    amount = formatMoney(prize.amount.amountMinor, prize.amount.currency, locale);
  } catch {
    amount = `${prize.amount.amountMinor} ${prize.amount.currency} (minor units)`;
  }
  return `${prize.rank}. ${prize.label} — ${amount}`;
}

/**
 * The challenge's status as the review page shows it. The last award ends judging, but challenges learns it by event a
 * moment after the award (whose page reloads at once): a JUDGING challenge whose every prize has an award (payouts'
 * answer, in this very response) is shown AWARDED, with no "Finish judging" left to press.
 */
export function reviewStatus(status: string, prizes: readonly { award?: unknown; quantity?: number; awardedCount?: number }[]): string {
  return status === 'JUDGING' && prizes.length > 0 && prizes.every(prizeFullyAwarded) ? 'AWARDED' : status;
}

/** Whether every place of a prize is awarded (a prize of several places: its count; else its one award). */
export function prizeFullyAwarded(prize: { award?: unknown; quantity?: number; awardedCount?: number }): boolean {
  return prize.quantity !== undefined && prize.awardedCount !== undefined ? prize.awardedCount >= prize.quantity : Boolean(prize.award);
}
