import type { ChallengeFilter, ChallengeStatus, ChallengeType } from '@/gql/graphql';
import { isSupportedCurrency, parseDecimalToMinor } from './money';

/**
 * The browse page's filters, read from the URL (a GET form, so it works without JavaScript and links are shareable).
 *
 * Minimum prize: amounts of different currencies cannot be compared (Ideagora has no exchange rates), and the API's
 * `minTotalPrizeMinor` compares raw minor units whatever the currency. So the minimum is typed in a currency the
 * reader chooses ("Prize currency"), converted exactly with that currency's exponent (JPY 0, USD 2, KWD 3), and
 * only challenges in that currency are listed. The API has no currency filter: the web keeps the challenges of the
 * chosen currency itself, scanning a bounded number of API pages per browse page (see collectPage).
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
  /** What the API can filter on. */
  filter: ChallengeFilter;
  /** Keep only challenges in this currency (the API cannot filter by currency); null for any. */
  onlyCurrency: string | null;
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
  if (amountMinor !== undefined) filter.minTotalPrizeMinor = amountMinor;
  const onlyCurrency = currency && !errors.currency ? currency : null;

  const keep = new URLSearchParams();
  if (q) keep.set('q', q);
  if (type) keep.set('type', type);
  if (status) keep.set('status', status);
  if (currency) keep.set('currency', currency);
  if (minPrize) keep.set('minPrize', minPrize);
  return { q, type, status, currency, minPrize, after, filter, onlyCurrency, errors, keep };
}

export interface PageOf<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface CollectedPage<N> {
  nodes: N[];
  /** Cursor to continue after (the last challenge looked at), or null when there is nothing more. */
  nextCursor: string | null;
  /** True when the scan stopped at its limit before filling the page: there may be more further on. */
  scanLimited: boolean;
}

/**
 * Fills one browse page with the challenges `accept` keeps, reading API pages of `batchSize` from `after`, at most
 * `maxBatches` of them. Keyset paging stays exact: the next cursor is the one of the last challenge looked at, so
 * nothing is skipped or shown twice.
 */
export async function collectPage<N>(
  fetchPage: (after: string | undefined, first: number) => Promise<PageOf<N>>,
  options: { after?: string; pageSize: number; accept?: (node: N) => boolean; batchSize?: number; maxBatches?: number },
): Promise<CollectedPage<N>> {
  const { pageSize, accept = () => true, batchSize = pageSize, maxBatches = 1 } = options;
  const nodes: N[] = [];
  let cursor = options.after;
  for (let batch = 0; batch < maxBatches; batch++) {
    const page = await fetchPage(cursor, batchSize);
    for (let i = 0; i < page.edges.length; i++) {
      const edge = page.edges[i];
      if (!accept(edge.node)) continue;
      nodes.push(edge.node);
      if (nodes.length === pageSize) {
        const more = i < page.edges.length - 1 || page.pageInfo.hasNextPage;
        return { nodes, nextCursor: more ? edge.cursor : null, scanLimited: false };
      }
    }
    const last = page.edges.at(-1)?.cursor ?? page.pageInfo.endCursor ?? undefined;
    if (!page.pageInfo.hasNextPage || !last) return { nodes, nextCursor: null, scanLimited: false };
    cursor = last;
  }
  return { nodes, nextCursor: cursor ?? null, scanLimited: true };
}
