import type { Metadata } from 'next';
import Link from 'next/link';
import { CursorPager } from '@/components/CursorPager';
import { Alert, Button, DataTable, EmptyState, TextField } from '@/components/ui';
import { GatewayError, messageFor } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { LeaderboardDoc } from '@/lib/operations';
import type { LeaderboardQuery } from '@/gql/graphql';
import { PROFILE_LIMITS } from '@/lib/profiles';

export const metadata: Metadata = { title: 'Leaderboard' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;

type Entry = LeaderboardQuery['leaderboard']['edges'][number]['node'];

/**
 * Solvers with a public profile, ranked by reputation score; a skill narrows the list (a GET form: works without
 * script, and the address can be shared). Pages of 25 by cursor, the rank continuing across pages.
 */
export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const skill = typeof query.skill === 'string' ? query.skill.trim().slice(0, PROFILE_LIMITS.skillMax) : '';
  const after = typeof query.after === 'string' && query.after ? query.after : undefined;
  let entries: Entry[] = [];
  let pageInfo: { hasNextPage: boolean; endCursor?: string | null } = { hasNextPage: false };
  let failure: string | undefined;
  try {
    const data = await gql(LeaderboardDoc, { first: PAGE_SIZE, after, skill: skill || null });
    entries = data.leaderboard.edges.map((e) => e.node);
    pageInfo = data.leaderboard.pageInfo;
  } catch (error) {
    if (!(error instanceof GatewayError) || error.code !== 'BAD_USER_INPUT') throw error;
    failure = error.errors[0]?.extensions?.field === 'after' ? 'This page link has expired. Start again from the first page.' : messageFor(error);
  }
  return (
    <div className="stack">
      <h1>Leaderboard</h1>
      <p className="muted">Solvers who share their profile, ranked by reputation: 100 points per prize won, 25 per finalist place, 5 per challenge entered.</p>
      <form method="get" action="/leaderboard" role="search" aria-label="Filter the leaderboard" className="inline-form">
        <TextField label="Skill" name="skill" defaultValue={skill} maxLength={PROFILE_LIMITS.skillMax} hint="One skill, such as Python or membranes; any case." />
        <Button type="submit" variant="secondary">Filter</Button>
        {skill && <Link href="/leaderboard">Show everyone</Link>}
      </form>
      {failure && <Alert tone="warning">{failure}</Alert>}
      {entries.length === 0 ? (
        !failure && (
          <EmptyState title={skill ? `Nobody with the skill “${skill}” yet` : 'Nobody on the leaderboard yet'}>
            <p>{skill ? 'Try another skill, or show everyone.' : 'Solvers appear here once they make their profile public.'}</p>
          </EmptyState>
        )
      ) : (
        <DataTable caption={skill ? `Leaderboard: ${skill}` : 'Leaderboard'} captionHidden rows={entries} rowKey={(e) => e.user.id} columns={[
          { key: 'rank', label: 'Rank', render: (e) => <span className="leaderboard-rank">{e.rank}</span> },
          { key: 'name', label: 'Solver', render: (e) => <Link href={`/u/${e.user.id}`}>{e.user.displayName}</Link> },
          { key: 'score', label: 'Score', numeric: true, render: (e) => e.reputation.score.toLocaleString('en-US') },
          { key: 'prizes', label: 'Prizes won', numeric: true, render: (e) => e.reputation.prizesWon.toLocaleString('en-US') },
        ]} />
      )}
      <CursorPager path="/leaderboard" params={{ skill: skill || undefined }} after={failure ? undefined : after} endCursor={pageInfo.endCursor} hasNextPage={pageInfo.hasNextPage} label="Pages of the leaderboard" />
    </div>
  );
}
