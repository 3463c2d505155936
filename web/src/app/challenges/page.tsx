import type { Metadata } from 'next';
import Link from 'next/link';
import { BrowseFilters } from '@/components/BrowseFilters';
import { Disclosure } from '@/components/Disclosure';
import { ChallengeCard, type ChallengeSummary } from '@/components/ChallengeCard';
import { Alert, EmptyState, humanize } from '@/components/ui';
import { BROWSE_STATUSES, CHALLENGE_TYPES, nextPageHref, parseBrowseQuery } from '@/lib/browse';
import { GatewayError, messageFor } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { currencyOptions } from '@/lib/money';
import { BrowseChallengesDoc } from '@/lib/operations';

export const metadata: Metadata = { title: 'Browse challenges' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 12;

export default async function BrowsePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseBrowseQuery(await searchParams);
  const { after, filter, errors, keep } = query;

  // One query: the API filters by currency and minimum prize, and pages with its own cursors.
  let nodes: ChallengeSummary[] = [];
  let nextHref: string | null = null;
  let failure: string | undefined;
  try {
    const { challenges } = await gql(BrowseChallengesDoc, { first: PAGE_SIZE, after, filter });
    nodes = challenges.edges.map((e) => e.node);
    nextHref = nextPageHref(keep, challenges.pageInfo);
  } catch (error) {
    if (!(error instanceof GatewayError) || error.code !== 'BAD_USER_INPUT') throw error;
    failure = messageFor(error);
  }
  const notApplied = errors.minPrize || errors.currency ? ' (the minimum prize is not applied: see the filters)' : '';

  return (
    <div className="stack">
      <h1>Browse challenges</h1>
      <Disclosure label="Filters" icon="filters" className="filters-disclosure" defaultOpen={Object.keys(errors).length > 0}>
      <BrowseFilters
        values={query}
        errors={errors}
        types={CHALLENGE_TYPES.map((t) => ({ value: t, label: humanize(t) }))}
        statuses={BROWSE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
        currencies={currencyOptions()}
      />
      </Disclosure>
      {failure && <Alert tone="danger">{failure}</Alert>}
      <p className="muted" role="status">
        {nodes.length === 0 ? 'No results' : `Showing ${nodes.length} challenge${nodes.length === 1 ? '' : 's'}${after ? ' (more results)' : ''}`}
        {filter.currency ? ` in ${filter.currency}` : ''}
        {notApplied}
      </p>
      {nodes.length === 0 ? (
        <EmptyState title="No challenges match">
          <p>
            Try fewer words or clear the filters. <Link href="/challenges">Clear filters</Link>
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
        {nextHref && <Link href={nextHref} rel="next">Next page</Link>}
      </nav>
    </div>
  );
}
