import type { Metadata } from 'next';
import Link from 'next/link';
import { BrowseFilters } from '@/components/BrowseFilters';
import { ChallengeCard, type ChallengeSummary } from '@/components/ChallengeCard';
import { Alert, EmptyState, humanize } from '@/components/ui';
import { BROWSE_STATUSES, CHALLENGE_TYPES, collectPage, parseBrowseQuery, type CollectedPage } from '@/lib/browse';
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { currencyOptions } from '@/lib/money';
import { BrowseChallengesDoc } from '@/lib/operations';

export const metadata: Metadata = { title: 'Browse challenges' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 12;
// With a currency chosen, the web keeps that currency's challenges itself: at most 4 API pages of 50 per browse page.
const SCAN_BATCH = 50;
const SCAN_BATCHES = 4;

export default async function BrowsePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseBrowseQuery(await searchParams);
  const { after, filter, onlyCurrency, errors, keep } = query;

  let result: CollectedPage<ChallengeSummary> | undefined;
  let failure: string | undefined;
  try {
    result = await collectPage(
      async (cursor, first) => (await gql(BrowseChallengesDoc, { first, after: cursor, filter })).challenges,
      onlyCurrency
        ? { after, pageSize: PAGE_SIZE, accept: (c) => c.totalPrize.currency === onlyCurrency, batchSize: SCAN_BATCH, maxBatches: SCAN_BATCHES }
        : { after, pageSize: PAGE_SIZE },
    );
  } catch (error) {
    if (!(error instanceof GatewayError) || error.code !== 'BAD_USER_INPUT') throw error;
    failure = error.message;
  }
  const nodes = result?.nodes ?? [];
  const nextHref = result?.nextCursor ? `/challenges?${new URLSearchParams([...keep, ['after', result.nextCursor]])}` : null;
  const notApplied = errors.minPrize || errors.currency ? ' (the minimum prize is not applied: see the filters)' : '';

  return (
    <div className="stack">
      <h1>Browse challenges</h1>
      <BrowseFilters
        values={query}
        errors={errors}
        types={CHALLENGE_TYPES.map((t) => ({ value: t, label: humanize(t) }))}
        statuses={BROWSE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
        currencies={currencyOptions()}
      />
      {failure && <Alert tone="danger">{failure}</Alert>}
      <p className="muted" role="status">
        {nodes.length === 0 ? 'No results' : `Showing ${nodes.length} challenge${nodes.length === 1 ? '' : 's'}${after ? ' (more results)' : ''}`}
        {onlyCurrency ? ` in ${onlyCurrency}` : ''}
        {notApplied}
      </p>
      {nodes.length === 0 ? (
        <EmptyState title={result?.scanLimited ? 'None in the challenges looked at so far' : 'No challenges match'}>
          <p>
            {result?.scanLimited ? 'Older challenges may still match: use “Search further”. ' : 'Try fewer words or clear the filters. '}
            <Link href="/challenges">Clear filters</Link>
          </p>
        </EmptyState>
      ) : (
        <ul className="grid-cards" aria-label="Challenges">
          {nodes.map((c) => (
            <li key={c.id}><ChallengeCard challenge={c} headingLevel={2} /></li>
          ))}
        </ul>
      )}
      <nav className="pager" aria-label="Pagination">
        {after ? <Link href={`/challenges?${keep}`}>First page</Link> : <span />}
        {nextHref && <Link href={nextHref} rel="next">{result?.scanLimited && nodes.length < PAGE_SIZE ? 'Search further' : 'Next page'}</Link>}
      </nav>
    </div>
  );
}
