import type { Metadata } from 'next';
import Link from 'next/link';
import { BrowseFilters } from '@/components/BrowseFilters';
import { Disclosure } from '@/components/Disclosure';
import { ChallengeCard, type ChallengeSummary } from '@/components/ChallengeCard';
import { Alert, EmptyState, humanize } from '@/components/ui';
import { ANY_STATUS, BROWSE_SORTS, BROWSE_STATUSES, buildPager, CHALLENGE_TYPES, PAGE_SIZE, parseBrowseQuery, type Pager } from '@/lib/browse';
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { currencyOptions } from '@/lib/money';
import { BrowseChallengesDoc, ChallengeCurrenciesDoc } from '@/lib/operations';

export const metadata: Metadata = { title: 'Browse challenges' };
export const dynamic = 'force-dynamic';

export default async function BrowsePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseBrowseQuery(await searchParams);
  const { after, filter, errors, apiSort } = query;

  // One query: the page, its count, the cursors of its numbered pages and the currencies to offer.
  let nodes: ChallengeSummary[] = [];
  let total = 0;
  let pager: Pager | null = null;
  let currencies: string[] = [];
  let failure: string | undefined;
  try {
    const data = await gql(BrowseChallengesDoc, { first: PAGE_SIZE, after, filter, sort: apiSort });
    nodes = data.challenges.edges.map((e) => e.node);
    total = data.challenges.totalCount;
    pager = buildPager(query, total, data.challenges.pageCursors, data.challenges.pageInfo);
    currencies = data.challengeCurrencies;
  } catch (error) {
    if (!(error instanceof GatewayError) || error.code !== 'BAD_USER_INPUT') throw error;
    failure = error.errors[0]?.extensions?.field === 'after' ? 'This page link has expired. Start again from the first page.' : 'These filters could not be applied. Change them and search again.';
    currencies = (await gql(ChallengeCurrenciesDoc)).challengeCurrencies; // the filters stay usable: the API's list alone
  }
  const notApplied = [
    errors.minPrize || (errors.currency && query.minPrize) ? 'the minimum prize' : null,
    query.sort === 'PRIZE_HIGHEST' && apiSort !== 'PRIZE_HIGHEST' ? 'the prize order' : null,
  ].filter(Boolean);
  const now = Date.now();

  return (
    <div className="stack">
      <h1>Browse challenges</h1>
      <Disclosure label="Filters" icon="filters" className="filters-disclosure" defaultOpen={Object.keys(errors).length > 0}>
      <BrowseFilters
        values={query}
        errors={errors}
        types={CHALLENGE_TYPES.map((t) => ({ value: t, label: humanize(t) }))}
        statuses={[...BROWSE_STATUSES.map((s) => ({ value: s, label: humanize(s) })), { value: ANY_STATUS, label: 'Any status' }]}
        sorts={BROWSE_SORTS}
        currencies={currencyOptions('en', currencies)}
      />
      </Disclosure>
      {failure && <Alert tone="danger">{failure} <Link href="/challenges">First page</Link></Alert>}
      <div className="results-summary">
        <p className="muted" role="status">
          {failure ? '' : total === 0 ? 'No challenges' : `${total.toLocaleString('en-US')} ${total === 1 ? 'challenge' : 'challenges'}`}
          {!failure && filter.currency ? ` in ${filter.currency}` : ''}
          {notApplied.length > 0 ? ` (${notApplied.join(' and ')} not applied: see the filters)` : ''}
        </p>
        {pager && pager.pages > 1 && pager.current !== null && <p className="muted">Page {pager.current} of {pager.pages}</p>}
      </div>
      {nodes.length === 0 ? (
        !failure && (
          <EmptyState title="No challenges match">
            <p>
              Try fewer words or another status. <Link href="/challenges?status=ANY">Show every challenge</Link>
            </p>
          </EmptyState>
        )
      ) : (
        <ul className="grid-cards" aria-label="Challenges">
          {nodes.map((c) => (
            <li key={c.id}><ChallengeCard challenge={c} headingLevel={2} now={now} /></li>
          ))}
        </ul>
      )}
      {pager && (pager.pages > 1 || pager.next) && (
        <nav className="pager" aria-label="Pagination">
          {pager.previous ? <Link href={pager.previous} rel="prev">Previous</Link> : <span />}
          <ol className="page-links">
            {pager.links.map((link) => (
              <li key={link.page}>
                <Link href={link.href} aria-current={link.current ? 'page' : undefined} aria-label={`Page ${link.page}`}>{link.page}</Link>
              </li>
            ))}
          </ol>
          {pager.next ? <Link href={pager.next} rel="next">Next page</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
