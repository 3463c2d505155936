import type { ChallengeFilter, ChallengeStatus, ChallengeType } from '@/gql/graphql';
import { isSupportedCurrency, parseDecimalToMinor } from './money';

/**
 * The browse page's filters, read from the URL (a GET form, so it works without JavaScript and links are shareable).
 *
 * Minimum prize: amounts of different currencies cannot be compared (Ideagora has no exchange rates), and the API's
 * `minTotalPrizeMinor` compares raw minor units whatever the currency. So the minimum is typed in a currency the
 * reader chooses ("Prize currency"), converted exactly with that currency's exponent (JPY 0, USD 2, KWD 3), and sent
 * with `currency` in the same `ChallengeFilter`: the API lists only that currency's challenges, with normal cursor
 * paging.
 */

export const CHALLENGE_TYPES: ChallengeType[] = ['IDEATION', 'THEORETICAL', 'REDUCTION_TO_PRACTICE', 'DESIGN'];
export const BROWSE_STATUSES: ChallengeStatus[] = ['OPEN', 'JUDGING', 'AWARDED', 'CLOSED'];

export type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export interface FilterErrors {
  minPrize?: string;
  currency?: string;
}

/** Checks the minimum prize and its currency; the amount in minor units when both are usable. */
export function checkMinimumPrize(minPrize: string, currency: string): { amountMinor?: string; errors: FilterErrors } {
  const errors: FilterErrors = {};
  if (currency && !isSupportedCurrency(currency)) errors.currency = 'Choose a currency from the list';
  if (!minPrize.trim()) return { errors };
  if (!currency) {
    errors.currency = 'Choose the currency of the minimum prize';
    return { errors };
  }
  if (errors.currency) return { errors };
  const parsed = parseDecimalToMinor(minPrize, currency, { allowZero: true });
  if (!parsed.ok) return { errors: { minPrize: parsed.error } };
  return { amountMinor: parsed.amountMinor, errors };
}

export interface BrowseQuery {
  q: string;
  type: string;
  status: string;
  /** Upper-cased ISO 4217 code, or '' for any currency. */
  currency: string;
  minPrize: string;
  after?: string;
  /** The API filter: `currency` only when it is a supported code, `minTotalPrizeMinor` only with a valid currency. */
  filter: ChallengeFilter;
  errors: FilterErrors;
  /** The URL parameters to keep when paging. */
  keep: URLSearchParams;
}

export function parseBrowseQuery(params: SearchParams): BrowseQuery {
  const q = one(params.q).slice(0, 200);
  const type = one(params.type);
  const status = one(params.status);
  const currency = one(params.currency).trim().toUpperCase().slice(0, 3);
  const minPrize = one(params.minPrize).slice(0, 40);
  const after = one(params.after) || undefined;

  const filter: ChallengeFilter = {};
  if (q.trim()) filter.search = q.trim();
  if (CHALLENGE_TYPES.includes(type as ChallengeType)) filter.type = type as ChallengeType;
  if (BROWSE_STATUSES.includes(status as ChallengeStatus)) filter.status = status as ChallengeStatus;
  const { amountMinor, errors } = checkMinimumPrize(minPrize, currency);
  if (currency && !errors.currency) filter.currency = currency;
  if (amountMinor !== undefined) filter.minTotalPrizeMinor = amountMinor;

  const keep = new URLSearchParams();
  if (q) keep.set('q', q);
  if (type) keep.set('type', type);
  if (status) keep.set('status', status);
  if (currency) keep.set('currency', currency);
  if (minPrize) keep.set('minPrize', minPrize);
  return { q, type, status, currency, minPrize, after, filter, errors, keep };
}

/** The link to the next page (same filters, `after` = the API's end cursor), or null on the last page. */
export function nextPageHref(keep: URLSearchParams, pageInfo: { hasNextPage: boolean; endCursor?: string | null }): string | null {
  if (!pageInfo.hasNextPage || !pageInfo.endCursor) return null;
  return `/challenges?${new URLSearchParams([...keep, ['after', pageInfo.endCursor]])}`;
}
