import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { advanceToFinalRoundAction, awardPrizesAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { JudgingRanking } from '@/components/JudgingBoard';
import { StatusFlash } from '@/components/StatusFlash';
import { NotAJudge } from '@/components/JudgesCard';
import { Alert, Card, DataTable, EmptyState, StatusBadge } from '@/components/ui';
import type { JudgingBoardQuery } from '@/gql/graphql';
import { GatewayError, messageFor } from '@/lib/errors';
import { flashMessage } from '@/lib/flash';
import { gql } from '@/lib/gateway';
import { agreementInWords } from '@/lib/judging';
import { JudgingBoardDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Judging board' };
export const dynamic = 'force-dynamic';

const RANKING_PAGE = 20;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * The judging board (the sponsor's owners and admins, and the challenge's judges): the round, each judge's progress,
 * how far the judges agree (Kendall's W, in words), and the ranking, 20 at a time by the API's cursor. Owners and
 * admins also choose finalists and award prizes from it.
 */
export default async function JudgingBoardPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const after = one(query.after).slice(0, 500) || undefined;
  const here = `/challenges/${encodeURIComponent(id)}/judging`;
  await requireViewer(here);
  let data: JudgingBoardQuery;
  try {
    data = await gql(JudgingBoardDoc, { challengeId: id, first: RANKING_PAGE, after });
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    if (error.code === 'BAD_USER_INPUT' && after) {
      return (
        <Alert tone="danger" title="This page of the ranking cannot be shown.">
          <p>{messageFor(error)}</p>
          <p><Link href={here}>Back to the top of the ranking</Link></p>
        </Alert>
      );
    }
    // Not a judge (yet: an invitation just accepted reaches the judging side a moment later): said, with the way on.
    if (error.code === 'FORBIDDEN') return <NotAJudge />;
    if (error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const c = data.challenge;
  const board = c.judging;
  if (!board) notFound();
  const isManager = c.viewerRoles.includes('OWNER') || c.viewerRoles.includes('ADMIN');
  const isJudge = c.viewerRoles.includes('JUDGE');
  if (!isManager && !isJudge) return <NotAJudge />;
  const judgingOpen = c.status === 'JUDGING' && !c.judgingClosed;
  const ranking = board.ranking;
  const rows = ranking.edges.map((e) => e.node);
  const toScore = board.round === 2 ? c.finalists.length : c.allSubmissions.totalCount;
  const agreement = agreementInWords(board.agreement);
  const firstRank = rows[0]?.rank ?? 0;
  const lastRank = rows[rows.length - 1]?.rank ?? 0;
  const pageLabel = rows.length ? `ranks ${firstRank} to ${lastRank} of ${ranking.totalCount}` : `none of ${ranking.totalCount}`;
  const nextHref = ranking.pageInfo.hasNextPage && ranking.pageInfo.endCursor ? `${here}?after=${encodeURIComponent(ranking.pageInfo.endCursor)}` : null;
  return (
    <div className="stack">
      <p><Link href={`/challenges/${c.id}`}>← Back to the challenge</Link>{judgingOpen && <> · <Link href={`/challenges/${c.id}/score`}>Score submissions</Link></>}</p>
      <h1>Judging board: {c.title}</h1>
      <div className="meta">
        <StatusBadge status={c.status} />
        <span>{board.round === 2 ? 'Final round' : 'Round 1'}</span>
        <span>Judging until <LocalDate iso={c.judgingDeadline} /></span>
      </div>
      <StatusFlash message={flashMessage(query.done)} />
      {c.judgingClosed && c.status === 'JUDGING' && (
        <Alert tone="warning" title="The judging deadline has passed.">
          The ranking is fixed: {c.guaranteed ? 'the places not awarded go to the best-ranked submissions by the challenge’s rules.' : 'prizes not awarded are refunded to the sponsor.'}
        </Alert>
      )}
      {c.status === 'OPEN' && board.round === 2 && c.finalRoundDeadline && (
        <Alert tone="info" title="The final round is open.">Finalists can resubmit until <LocalDate iso={c.finalRoundDeadline} />; then judging starts again.</Alert>
      )}
      <div className="grid-2">
        <Card aria-labelledby="agreement-title">
          <h2 id="agreement-title">Agreement: {agreement.level}</h2>
          <p>{agreement.sentence}</p>
        </Card>
        <Card aria-labelledby="judges-progress-title">
          <h2 id="judges-progress-title">Judges ({board.judgeCount})</h2>
          {board.judges.length === 0 ? (
            <p className="muted">No judge has accepted or scored yet.</p>
          ) : (
            <DataTable caption="Judges and their progress" captionHidden rows={board.judges} rowKey={(j) => j.user.id} columns={[
              { key: 'judge', label: 'Judge', render: (j) => j.user.displayName },
              { key: 'scored', label: 'Scored', numeric: true, render: (j) => `${j.scoredCount} of ${toScore}` },
            ]} />
          )}
        </Card>
      </div>
      <section className="stack" aria-labelledby="ranking-title">
        <h2 id="ranking-title">Ranking ({ranking.totalCount})</h2>
        <p className="muted">By the mean of the judges’ weighted scores out of 10; ties go to the submission with more judges’ scores, then to the earlier one.</p>
        {rows.length === 0 ? (
          <EmptyState title={after ? 'No more ranked submissions' : 'Nothing ranked yet'}>
            <p>A submission is ranked once a judge has scored it.{judgingOpen ? <> <Link href={`/challenges/${c.id}/score`}>Score submissions</Link>.</> : null}</p>
          </EmptyState>
        ) : (
          <JudgingRanking challengeId={c.id} rows={rows} prizes={c.prizes} pageLabel={pageLabel}
            canChooseFinalists={isManager && judgingOpen && board.round === 1} canAward={isManager && judgingOpen}
            finalistsAction={advanceToFinalRoundAction} awardAction={awardPrizesAction} />
        )}
        <nav className="pager" aria-label="Pagination">
          {after ? <Link href={here}>Back to the top of the ranking</Link> : <span />}
          {nextHref && <Link href={nextHref} rel="next">Next ranks</Link>}
        </nav>
      </section>
    </div>
  );
}
