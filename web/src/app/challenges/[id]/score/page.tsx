import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { scoreSubmissionAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { ScoringForm } from '@/components/ScoringForm';
import { NotAJudge } from '@/components/JudgesCard';
import { Alert, EmptyState, StatusBadge } from '@/components/ui';
import type { ScoringQuery } from '@/gql/graphql';
import { GatewayError, messageFor } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { ScoringDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Score submissions' };
export const dynamic = 'force-dynamic';

/** How many submissions one visit of the scoring page holds (the next batch follows by the API's cursor). */
const SCORING_BATCH = 50;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * The scoring page of a judge (or of the sponsor's owners and admins): the submissions still to score by default
 * (`?show=all`: every one, to revise), one at a time with the keyboard (ScoringForm).
 */
export default async function ScorePage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const showAll = one(query.show) === 'all';
  const after = one(query.after).slice(0, 500) || undefined;
  const here = `/challenges/${encodeURIComponent(id)}/score`;
  await requireViewer(`${here}${showAll ? '?show=all' : ''}`);
  let data: ScoringQuery;
  try {
    data = await gql(ScoringDoc, { challengeId: id, first: SCORING_BATCH, after, unscoredOnly: !showAll });
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    if (error.code === 'BAD_USER_INPUT' && after) {
      return (
        <Alert tone="danger" title="This batch of submissions cannot be shown.">
          <p>{messageFor(error)}</p>
          <p><Link href={here}>Back to the first submissions to score</Link></p>
        </Alert>
      );
    }
    // Not a judge (yet: an invitation just accepted reaches the judging side a moment later): said, with the way on.
    if (error.code === 'FORBIDDEN') return <NotAJudge />;
    if (error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const c = data.challenge;
  const judge = c.viewerRoles.some((r) => r === 'JUDGE' || r === 'OWNER' || r === 'ADMIN');
  if (!judge) return <NotAJudge />;
  const board = `/challenges/${c.id}/judging`;
  const open = c.status === 'JUDGING' && !c.judgingClosed;
  // In the final round only the finalists are scored.
  const total = c.round === 2 ? c.finalists.length : c.allToScore.totalCount;
  const submissions = c.submissions.edges.map((e) => e.node).filter((s) => c.round !== 2 || s.finalist);
  const { pageInfo } = c.submissions;
  const moreHref = pageInfo.hasNextPage && pageInfo.endCursor ? `${here}?${new URLSearchParams({ ...(showAll ? { show: 'all' } : {}), after: pageInfo.endCursor })}` : undefined;
  return (
    <div className="stack">
      <p><Link href={`/challenges/${c.id}`}>← Back to the challenge</Link> · <Link href={board}>Judging board</Link></p>
      <h1>Score: {c.title}</h1>
      <div className="meta">
        <StatusBadge status={c.status} />
        {c.round === 2 && <span>Final round: finalists only</span>}
        <span>Judging until <LocalDate iso={c.judgingDeadline} /></span>
      </div>
      {!open ? (
        <EmptyState title={c.judgingClosed ? 'The judging deadline has passed' : c.status === 'OPEN' ? 'Submissions are still open' : 'Judging is over'}>
          <p>
            {c.judgingClosed ? 'Scores can no longer be given or changed: the ranking is fixed.' : c.status === 'OPEN' ? 'Scoring starts when submissions close.' : 'Scores can no longer be given or changed.'}{' '}
            <Link href={board}>See the judging board</Link>.
          </p>
        </EmptyState>
      ) : (
        <>
          <nav aria-label="Which submissions">
            <ul className="tabs">
              <li><Link href={here} aria-current={showAll ? undefined : 'page'}>Still to score ({c.unscored.totalCount})</Link></li>
              <li><Link href={`${here}?show=all`} aria-current={showAll ? 'page' : undefined}>All submissions ({total})</Link></li>
            </ul>
          </nav>
          <ScoringForm key={`${showAll}-${after ?? ''}`} criteria={c.rubric.criteria} submissions={submissions} total={total}
            scoredAtStart={total - c.unscored.totalCount} action={scoreSubmissionAction} moreHref={moreHref} boardHref={board} />
        </>
      )}
    </div>
  );
}
