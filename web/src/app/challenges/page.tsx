import type { Metadata } from 'next';
import Link from 'next/link';
import type { ChallengeFilter, ChallengeStatus, ChallengeType } from '@/gql/graphql';
import { ChallengeCard } from '@/components/ChallengeCard';
import { Alert, Button, EmptyState, Select, TextField } from '@/components/ui';
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { parseDecimalToMinor } from '@/lib/money';
import { BrowseChallengesDoc } from '@/lib/operations';

export const metadata: Metadata = { title: 'Browse challenges' };
export const dynamic = 'force-dynamic';

const TYPES: ChallengeType[] = ['IDEATION', 'THEORETICAL', 'REDUCTION_TO_PRACTICE', 'DESIGN'];
const STATUSES: ChallengeStatus[] = ['OPEN', 'JUDGING', 'AWARDED', 'CLOSED'];
const PAGE_SIZE = 12;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const label = (v: string) => v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' ');

export default async function BrowsePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const q = one(params.q).slice(0, 200);
  const type = one(params.type);
  const status = one(params.status);
  const minPrize = one(params.minPrize);
  const after = one(params.after) || undefined;

  const filter: ChallengeFilter = {};
  if (q.trim()) filter.search = q.trim();
  if (TYPES.includes(type as ChallengeType)) filter.type = type as ChallengeType;
  if (STATUSES.includes(status as ChallengeStatus)) filter.status = status as ChallengeStatus;
  // The minimum prize is entered in whole currency units (USD-style, 2 decimals) and compared in minor units.
  let minError: string | undefined;
  if (minPrize.trim()) {
    const parsed = parseDecimalToMinor(minPrize, 'USD');
    if (parsed.ok) filter.minTotalPrizeMinor = parsed.amountMinor;
    else minError = parsed.error;
  }

  let data;
  let failure: string | undefined;
  try {
    data = await gql(BrowseChallengesDoc, { first: PAGE_SIZE, after, filter });
  } catch (error) {
    if (!(error instanceof GatewayError) || error.code !== 'BAD_USER_INPUT') throw error;
    failure = error.message;
  }
  const nodes = data?.challenges.edges.map((e) => e.node) ?? [];
  const pageInfo = data?.challenges.pageInfo;
  const keep = new URLSearchParams();
  if (q) keep.set('q', q);
  if (type) keep.set('type', type);
  if (status) keep.set('status', status);
  if (minPrize) keep.set('minPrize', minPrize);
  const nextHref = pageInfo?.hasNextPage && pageInfo.endCursor ? `/challenges?${new URLSearchParams([...keep, ['after', pageInfo.endCursor]])}` : null;

  return (
    <div className="stack">
      <h1>Browse challenges</h1>
      <form method="get" action="/challenges" className="filters" role="search" aria-label="Filter challenges">
        <TextField label="Search" name="q" type="search" defaultValue={q} placeholder="e.g. desalination membrane" />
        <Select label="Type" name="type" defaultValue={type} options={[{ value: '', label: 'Any type' }, ...TYPES.map((t) => ({ value: t, label: label(t) }))]} />
        <Select label="Status" name="status" defaultValue={status} options={[{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: label(s) }))]} />
        <TextField label="Minimum prize" name="minPrize" inputMode="decimal" defaultValue={minPrize} error={minError} hint="In the challenge's currency" />
        <Button type="submit">Search</Button>
      </form>
      {failure && <Alert tone="danger">{failure}</Alert>}
      <p className="muted" role="status">{nodes.length === 0 ? 'No results' : `Showing ${nodes.length} challenge${nodes.length === 1 ? '' : 's'}${after ? ' (more results)' : ''}`}</p>
      {nodes.length === 0 ? (
        <EmptyState title="No challenges match">
          <p>Try fewer words or clear the filters. <Link href="/challenges">Clear filters</Link></p>
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
