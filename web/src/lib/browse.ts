import type { ChallengeFilter, ChallengeSort, ChallengeStatus, ChallengeType } from '@/gql/graphql';
import { isSupportedCurrency, parseDecimalToMinor } from './money';

/**
 * The browse page's filters, read from the URL (a GET form, so it works without JavaScript and links are shareable).
 *
 * Minimum prize: amounts of different currencies cannot be compared (Ideagora has no exchange rates), and the API's
 * `minTotalPrizeMinor` compares raw minor units whatever the currency. So the minimum is typed in a currency the
 * reader chooses ("Prize currency"), converted exactly with that currency's exponent (JPY 0, USD 2, KWD 3), and sent
 * with `currency` in the same `ChallengeFilter`: the API lists only that currency's challenges, with normal cursor
 * paging.
 *
 * Defaults: open challenges, closing soonest first (what a solver can still enter). "Any status" is an explicit
 * choice (`status=ANY`), so an empty status means the default. Sorting by prize needs a currency (the API refuses it
 * without one: minor units of different currencies do not compare); without one the sort is not applied and the
 * currency field says why.
 */

export const CHALLENGE_TYPES: ChallengeType[] = ['IDEATION', 'THEORETICAL', 'REDUCTION_TO_PRACTICE', 'DESIGN'];
export const BROWSE_STATUSES: ChallengeStatus[] = ['OPEN', 'JUDGING', 'AWARDED', 'CLOSED'];
export const DEFAULT_STATUS: ChallengeStatus = 'OPEN';
/** The status select's value for "Any status". */
export const ANY_STATUS = 'ANY';
export const BROWSE_SORTS: { value: ChallengeSort; label: string }[] = [
  { value: 'DEADLINE_SOONEST', label: 'Closing soonest' },
  { value: 'NEWEST', label: 'Newest' },
  { value: 'PRIZE_HIGHEST', label: 'Highest prize' },
];
export const DEFAULT_SORT: ChallengeSort = 'DEADLINE_SOONEST';
/** Cards per browse page. */
export const PAGE_SIZE = 12;

export type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export interface FilterErrors {
  minPrize?: string;
  currency?: string;
}

const isSort = (value: string): value is ChallengeSort => BROWSE_SORTS.some((s) => s.value === value);

/**
 * Checks the minimum prize, its currency and the sort; the amount in minor units when both are usable. Sorting by
 * prize without a usable currency is an error on the currency (the sort then falls back to the default).
 */
export function checkMinimumPrize(minPrize: string, currency: string, sort = ''): { amountMinor?: string; errors: FilterErrors } {
  const errors: FilterErrors = {};
  if (currency && !isSupportedCurrency(currency)) errors.currency = 'Choose a currency from the list';
  if (sort === 'PRIZE_HIGHEST' && !currency) errors.currency = 'Choose a currency to sort by prize';
  if (!minPrize.trim()) return { errors };
  if (!currency) {
    errors.currency ??= 'Choose the currency of the minimum prize';
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
  /** The status select's value: a status, or ANY_STATUS; DEFAULT_STATUS when the URL has none. */
  status: string;
  /** The sort select's value; DEFAULT_SORT when the URL has none or an unknown one. */
  sort: string;
  /** Upper-cased ISO 4217 code, or '' for any currency. */
  currency: string;
  minPrize: string;
  after?: string;
  /** The page number the URL claims (a label only: `after` is where the page starts), 1 without `after`. */
  page: number | null;
  /** The API filter: `currency` only when it is a supported code, `minTotalPrizeMinor` only with a valid currency. */
  filter: ChallengeFilter;
  /** The API sort: DEFAULT_SORT when PRIZE_HIGHEST lacks a currency. */
  apiSort: ChallengeSort;
  errors: FilterErrors;
  /** The URL parameters to keep when paging. */
  keep: URLSearchParams;
}

export function parseBrowseQuery(params: SearchParams): BrowseQuery {
  const q = one(params.q).slice(0, 200);
  const type = one(params.type);
  const statusParam = one(params.status);
  const sortParam = one(params.sort);
  const currency = one(params.currency).trim().toUpperCase().slice(0, 3);
  const minPrize = one(params.minPrize).slice(0, 40);
  const after = one(params.after) || undefined;
  const pageParam = one(params.page);

  const status = statusParam === ANY_STATUS || BROWSE_STATUSES.includes(statusParam as ChallengeStatus) ? statusParam : DEFAULT_STATUS;
  const sort = isSort(sortParam) ? sortParam : DEFAULT_SORT;
  const filter: ChallengeFilter = {};
  if (q.trim()) filter.search = q.trim();
  if (CHALLENGE_TYPES.includes(type as ChallengeType)) filter.type = type as ChallengeType;
  if (status !== ANY_STATUS) filter.status = status as ChallengeStatus;
  const { amountMinor, errors } = checkMinimumPrize(minPrize, currency, sort);
  if (currency && !errors.currency) filter.currency = currency;
  if (amountMinor !== undefined) filter.minTotalPrizeMinor = amountMinor;
  const apiSort = sort === 'PRIZE_HIGHEST' && !filter.currency ? DEFAULT_SORT : sort;
  const claimed = /^[1-9][0-9]{0,5}$/.test(pageParam) ? Number(pageParam) : null;
  const page = after ? claimed : 1;

  const keep = new URLSearchParams();
  if (q) keep.set('q', q);
  if (type) keep.set('type', type);
  if (statusParam) keep.set('status', statusParam);
  if (sortParam) keep.set('sort', sortParam);
  if (currency) keep.set('currency', currency);
  if (minPrize) keep.set('minPrize', minPrize);
  return { q, type, status, sort, currency, minPrize, after, page, filter, apiSort, errors, keep };
}

const browseHref = (keep: URLSearchParams, page: number, after?: string) =>
  `/challenges${page === 1 || !after ? (keep.size ? `?${keep}` : '') : `?${new URLSearchParams([...keep, ['after', after], ['page', String(page)]])}`}`;

/** The link to the next page (same filters, `after` = the API's end cursor), or null on the last page. */
export function nextPageHref(keep: URLSearchParams, pageInfo: { hasNextPage: boolean; endCursor?: string | null }, page: number | null = null): string | null {
  if (!pageInfo.hasNextPage || !pageInfo.endCursor) return null;
  const params = new URLSearchParams([...keep, ['after', pageInfo.endCursor]]);
  if (page !== null) params.set('page', String(page + 1));
  return `/challenges?${params}`;
}

export interface Pager {
  /** The page shown, when known (a URL edited by hand may not say). */
  current: number | null;
  /** Pages in all (from totalCount). */
  pages: number;
  /** Numbered links, keyset underneath: page 1 and the pages pageCursors opens (at most 10). */
  links: { page: number; href: string; current: boolean }[];
  previous: string | null;
  next: string | null;
}

/**
 * Numbered pages over keyset cursors: page 1 has no cursor, page k (2 to 10) starts after the API's pageCursors[k - 2];
 * beyond page 10 the reader continues with Next (the page number travels in the URL as a label). The current page
 * is the one whose cursor the URL holds, else the page the URL claims.
 */
export function buildPager(query: Pick<BrowseQuery, 'keep' | 'after' | 'page'>, total: number, pageCursors: string[], pageInfo: { hasNextPage: boolean; endCursor?: string | null }): Pager {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const found = query.after ? pageCursors.indexOf(query.after) : -1;
  const current = !query.after ? 1 : found >= 0 ? found + 2 : query.page;
  const links = [1, ...pageCursors.map((_, i) => i + 2)].map((page) => ({
    page,
    href: browseHref(query.keep, page, page === 1 ? undefined : pageCursors[page - 2]),
    current: page === current,
  }));
  const previousLink = current !== null && current > 1 ? links.find((l) => l.page === current - 1) : undefined;
  return { current, pages, links, previous: previousLink?.href ?? null, next: nextPageHref(query.keep, pageInfo, current) };
}
