import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { awardPrizeAction, challengeTransitionAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { ActionButton } from '@/components/forms';
import { Money } from '@/components/Money';
import { AwardForm } from '@/components/MoreForms';
import { StatusFlash } from '@/components/StatusFlash';
import { Alert, Card, EmptyState, StatusBadge } from '@/components/ui';
import { flashMessage } from '@/lib/flash';
import { gqlOrNull } from '@/lib/gateway';
import { ChallengeReviewDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Review submissions' };
export const dynamic = 'force-dynamic';

export default async function ReviewPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  await requireViewer(`/challenges/${id}/review`);
  const data = await gqlOrNull(ChallengeReviewDoc, { challengeId: id, first: 100 });
  if (!data) notFound();
  const c = data.challenge;
  const submissions = c.submissions.edges.map((e) => e.node);
  const options = submissions.map((s) => ({ id: s.id, label: `${s.title} by ${s.author.displayName} (v${s.version})` }));
  const escrow = c.escrow;
  return (
    <div className="stack">
      <p><Link href={`/challenges/${c.id}`}>← Back to the challenge</Link></p>
      <h1>Review: {c.title}</h1>
      <div className="meta"><StatusBadge status={c.status} /> <span>Deadline <LocalDate iso={c.submissionDeadline} /></span></div>
      <StatusFlash message={flashMessage(query.done)} />
      {c.status === 'OPEN' && (
        <Alert tone="info" title="Submissions are still open.">
          Prizes can be awarded once submissions close.
          <ActionButton action={challengeTransitionAction} fields={{ challengeId: c.id, op: 'close', from: 'review' }} label="Close submissions" pendingText="Closing…" variant="secondary" />
        </Alert>
      )}
      <div className="layout-detail">
        <section className="stack" aria-labelledby="subs-title">
          <h2 id="subs-title">Submissions ({submissions.length})</h2>
          {submissions.length === 0 ? (
            <EmptyState title="No submissions yet" />
          ) : (
            submissions.map((s) => (
              <Card as="article" key={s.id}>
                <h3>{s.title}</h3>
                <p className="muted">By {s.author.displayName} · version {s.version} · <LocalDate iso={s.submittedAt} /></p>
                <div className="submission"><pre>{s.body}</pre></div>
              </Card>
            ))
          )}
        </section>
        <div className="stack">
          <Card aria-labelledby="award-title">
            <h2 id="award-title">Prizes</h2>
            <div className="stack">
              {c.prizes.map((p) => (
                <div key={p.rank} className="stack">
                  <h3>{p.rank}. {p.label}: <Money {...p.amount} /></h3>
                  {p.award ? (
                    <p>
                      Awarded to “{p.award.submission?.title ?? 'a submission'}”.{' '}
                      {p.award.payouts.map((po) => <StatusBadge key={po.id} status={po.status} prefix="Payout" />)}
                    </p>
                  ) : c.status === 'JUDGING' ? (
                    submissions.length ? <AwardForm action={awardPrizeAction} challengeId={c.id} prizeRank={p.rank} prizeLabel={p.label} submissions={options} /> : <p className="muted">No submissions to award.</p>
                  ) : (
                    <p className="muted">Not awarded.</p>
                  )}
                </div>
              ))}
            </div>
            {c.status === 'JUDGING' && (
              <ActionButton action={challengeTransitionAction} fields={{ challengeId: c.id, op: 'finish', from: 'review' }} label="Finish judging" pendingText="Finishing…" variant="secondary"
                confirmText="Finish judging? Prizes not awarded are refunded to you." />
            )}
          </Card>
          {escrow && (
            <Card aria-labelledby="escrow-title">
              <h2 id="escrow-title">Escrow</h2>
              <table className="table">
                <caption className="visually-hidden">Escrow summary</caption>
                <tbody>
                  <tr><th scope="row">Funded</th><td><Money {...escrow.funded} /></td></tr>
                  <tr><th scope="row">Platform fee</th><td><Money {...escrow.platformFee} /></td></tr>
                  <tr><th scope="row">Awarded</th><td><Money {...escrow.awarded} /></td></tr>
                  <tr><th scope="row">Paid out</th><td><Money {...escrow.paid} /></td></tr>
                  <tr><th scope="row">Refunded</th><td><Money {...escrow.refunded} /></td></tr>
                  <tr><th scope="row">In escrow</th><td><strong><Money {...escrow.inEscrow} /></strong></td></tr>
                </tbody>
              </table>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
