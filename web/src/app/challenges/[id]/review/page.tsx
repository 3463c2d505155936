import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { awardPrizeAction, challengeTransitionAction, shortlistSubmissionAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { ActionButton } from '@/components/forms';
import { Money } from '@/components/Money';
import { ReviewSubmissionCard } from '@/components/ReviewSubmission';
import { StatusFlash } from '@/components/StatusFlash';
import { Alert, Card, EmptyState, FigureTable, StatusBadge } from '@/components/ui';
import type { ChallengeReviewQuery, CommunityVotesQuery } from '@/gql/graphql';
import { GatewayError, messageFor } from '@/lib/errors';
import { flashMessage } from '@/lib/flash';
import { gql } from '@/lib/gateway';
import { TOP_VOTED_COUNT } from '@/lib/gallery';
import { ChallengeReviewDoc, CommunityVotesDoc } from '@/lib/operations';
import { parseReviewPosition, prizeFullyAwarded, prizeOptionLabel, REVIEW_PAGE_SIZE, reviewHref, reviewStatus, type ReviewView } from '@/lib/review';
import { requireViewer } from '@/lib/viewer';
import { CommunityVotesCard } from './CommunityVotesCard';
import { QuestionsCard } from './QuestionsCard';

export const metadata: Metadata = { title: 'Review submissions' };
export const dynamic = 'force-dynamic';

/**
 * The sponsor's review page at contest scale: all submissions or the judges' shortlist, 20 at a time with the API's
 * keyset cursor, each card with its shortlist button and, while judging, a form awarding any unawarded prize to it.
 */
export default async function ReviewPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const position = parseReviewPosition(query);
  const { view, after } = position;
  await requireViewer(reviewHref(id, position));
  let data: ChallengeReviewQuery;
  try {
    data = await gql(ChallengeReviewDoc, { challengeId: id, first: REVIEW_PAGE_SIZE, after, shortlistedOnly: view === 'shortlist' });
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    // A cursor the API refuses (edited by hand, or from the other list): say so, with the way back.
    if (error.code === 'BAD_USER_INPUT' && after) return <BadCursor challengeId={id} view={view} message={messageFor(error)} />;
    if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_USER_INPUT') notFound();
    throw error;
  }
  const c = data.challenge;
  const community = await communityVotes(c);
  // Every status-dependent part of the page reads this one value (see reviewStatus).
  const status = reviewStatus(c.status, c.prizes);
  const submissions = c.submissions.edges.map((e) => e.node);
  const { pageInfo } = c.submissions;
  const counts = { all: c.allSubmissions.totalCount, shortlist: c.shortlist.totalCount };
  const prizesToAward = status === 'JUDGING' ? c.prizes.filter((p) => !prizeFullyAwarded(p)).map((p) => ({ rank: p.rank, label: prizeOptionLabel(p) })) : [];
  const nextHref = pageInfo.hasNextPage && pageInfo.endCursor ? reviewHref(c.id, { view, after: pageInfo.endCursor }) : null;
  const escrow = c.escrow;
  return (
    <div className="stack">
      <p><Link href={`/challenges/${c.id}`}>← Back to the challenge</Link></p>
      <h1>Review: {c.title}</h1>
      <div className="meta"><StatusBadge status={status} /> <span>Deadline <LocalDate iso={c.submissionDeadline} /></span></div>
      <StatusFlash message={flashMessage(query.done)} />
      {status === 'OPEN' && (
        <Alert tone="info" title="Submissions are still open.">
          Prizes can be awarded once submissions close.
          <ActionButton action={challengeTransitionAction} fields={{ challengeId: c.id, op: 'close', from: 'review' }} label="Close submissions" pendingText="Closing…" variant="secondary" />
        </Alert>
      )}
      <div className="layout-detail">
        <section className="stack" aria-labelledby="subs-title">
          <h2 id="subs-title">Submissions</h2>
          <ReviewTabs challengeId={c.id} view={view} counts={counts} />
          {submissions.length === 0 ? (
            <EmptyState title={after ? 'No more submissions' : view === 'shortlist' ? 'No shortlisted submissions yet' : 'No submissions yet'}>
              {view === 'shortlist' && !after && <p className="muted">Add submissions to the shortlist from All submissions.</p>}
            </EmptyState>
          ) : (
            submissions.map((s) => (
              <ReviewSubmissionCard key={s.id} submission={s} challengeId={c.id} position={position}
                shortlistAction={shortlistSubmissionAction} awardAction={awardPrizeAction} prizesToAward={prizesToAward} />
            ))
          )}
          <nav className="pager" aria-label="Pagination">
            {after ? <Link href={reviewHref(c.id, { view })}>Back to the first page</Link> : <span />}
            {nextHref && <Link href={nextHref} rel="next">Next page</Link>}
          </nav>
        </section>
        <div className="stack">
          <Card aria-labelledby="award-title">
            <h2 id="award-title">Prizes</h2>
            <div className="stack">
              {c.prizes.map((p) => (
                <div key={p.rank} className="stack">
                  <h3>{p.rank}. {(p.quantity ?? 1) > 1 ? `${p.quantity} × ` : ''}{p.label}: <Money {...p.amount} />{(p.quantity ?? 1) > 1 ? ' each' : ''}</h3>
                  {(p.quantity ?? 1) > 1 ? (
                    <p>
                      {p.awardedCount} of {p.quantity} places awarded.{' '}
                      <Link href={`/challenges/${c.id}/judging`}>Award places from the judging board</Link>
                    </p>
                  ) : p.award ? (
                    <p>
                      Awarded to “{p.award.submission?.title ?? 'a submission'}”.{' '}
                      {p.award.payouts.map((po) => <StatusBadge key={po.id} status={po.status} prefix="Payout" />)}
                    </p>
                  ) : (
                    <p className="muted">{status === 'JUDGING' ? 'Not awarded yet: award it from a submission’s card.' : 'Not awarded.'}</p>
                  )}
                </div>
              ))}
            </div>
            {status === 'AWARDED' && <p>Every prize is awarded: judging is over.</p>}
            {status === 'JUDGING' && (
              <ActionButton action={challengeTransitionAction} fields={{ challengeId: c.id, op: 'finish', from: 'review' }} label="Finish judging" pendingText="Finishing…" variant="secondary"
                confirmText="Finish judging? Prizes not awarded are refunded to you." />
            )}
          </Card>
          {community && <CommunityVotesCard challenge={community} now={new Date()} />}
          <QuestionsCard challengeId={c.id} status={status} questions={c.questions} />
          {escrow && (
            <Card aria-labelledby="escrow-title">
              <h2 id="escrow-title">Escrow</h2>
              <FigureTable caption="Escrow summary" captionHidden rows={[
                { label: 'Funded', value: <Money {...escrow.funded} /> },
                { label: 'Platform fee', value: <Money {...escrow.platformFee} /> },
                { label: 'Awarded', value: <Money {...escrow.awarded} /> },
                { label: 'Paid out', value: <Money {...escrow.paid} /> },
                { label: 'Refunded', value: <Money {...escrow.refunded} /> },
                { label: 'Held for winners', value: <Money {...escrow.heldForWinners} />, emphasis: 'strong' },
                { label: 'In escrow, not awarded', value: <Money {...escrow.inEscrow} />, emphasis: 'strong' },
              ]} />
              {escrow.heldForWinners.amountMinor !== '0' && (
                <p className="muted">Held for winners: awarded, and paid out as soon as each winner has set up payouts.</p>
              )}
              {c.funding?.status !== 'PENDING' && c.funding?.status !== 'FAILED' && c.funding && (
                <p><Link href={`/receipts/fundings/${c.funding.id}`}>Funding receipt</Link></p>
              )}
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * The public vote's state for the sponsor, for a gallery challenge or one with a vote (a second request, so the
 * review of a sealed challenge costs nothing more). A failure leaves the card out rather than the page.
 */
async function communityVotes(c: ChallengeReviewQuery['challenge']): Promise<CommunityVotesQuery['challenge'] | null> {
  if (!c.votingWindow && (!c.submissionVisibility || c.submissionVisibility === 'SEALED')) return null;
  try {
    return (await gql(CommunityVotesDoc, { challengeId: c.id, top: TOP_VOTED_COUNT })).challenge;
  } catch (error) {
    if (error instanceof GatewayError) return null;
    throw error;
  }
}

/** "All submissions (N)" and "Shortlist (M)": links to the two lists, the current one marked for assistive technology. */
function ReviewTabs({ challengeId, view, counts }: { challengeId: string; view: ReviewView; counts: Record<ReviewView, number> }) {
  const tabs: { view: ReviewView; label: string }[] = [
    { view: 'all', label: `All submissions (${counts.all})` },
    { view: 'shortlist', label: `Shortlist (${counts.shortlist})` },
  ];
  return (
    <nav aria-label="Submission lists">
      <ul className="tabs">
        {tabs.map((tab) => (
          <li key={tab.view}>
            <Link href={reviewHref(challengeId, { view: tab.view })} aria-current={tab.view === view ? 'page' : undefined}>{tab.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function BadCursor({ challengeId, view, message }: { challengeId: string; view: ReviewView; message: string }) {
  return (
    <div className="stack">
      <h1>Review submissions</h1>
      <Alert tone="danger" title="This page of submissions cannot be shown.">
        <p>{message}</p>
        <p><Link href={reviewHref(challengeId, { view })}>Back to the first page</Link></p>
      </Alert>
    </div>
  );
}
