import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalDate } from '@/components/dates';
import { AttachmentList } from '@/components/Attachments';
import { FeedbackCard } from '@/components/FeedbackCard';
import { PrizeWon } from '@/components/PrizeWon';
import { DataTable, EmptyState, StatusBadge } from '@/components/ui';
import { gql } from '@/lib/gateway';
import { MySubmissionFilesDoc, MySubmissionsFeedbackDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'My submissions' };
export const dynamic = 'force-dynamic';

export default async function MySubmissionsPage() {
  const viewer = await requireViewer('/me/submissions');
  const subs = viewer.submissions.edges.map((e) => e.node);
  // What each submission won: the viewer's payouts name their award's submission (the same request, no extra query).
  const payouts = viewer.payouts.edges.map((e) => e.node);
  const wonBy = (submissionId: string) => payouts.filter((p) => p.award.submission?.id === submissionId);
  const accountActive = viewer.payoutAccount?.status === 'ACTIVE';
  // The judges' feedback, once a challenge is AWARDED or CLOSED (its own query: the header's viewer stays light).
  // Each submission's files (their own query, with the feedback's when needed: two at most, whatever the count).
  const [results, files] = await Promise.all([
    subs.some((s) => s.challenge.status === 'AWARDED' || s.challenge.status === 'CLOSED')
      ? gql(MySubmissionsFeedbackDoc).then((d) => d.viewer?.submissions.edges.map((e) => e.node).filter((s) => s.feedback) ?? [])
      : [],
    subs.length > 0 ? gql(MySubmissionFilesDoc).then((d) => new Map(d.viewer?.submissions.edges.map((e) => [e.node.id, e.node.attachments]) ?? [])) : new Map(),
  ]);
  return (
    <div className="stack">
      <h1>My submissions</h1>
      {subs.length === 0 ? (
        <EmptyState title="You have not submitted anything yet"><p><Link href="/challenges?status=OPEN">Find an open challenge</Link>.</p></EmptyState>
      ) : (
        <DataTable caption="Your submissions, latest first" captionHidden rows={subs} rowKey={(s) => s.id} columns={[
          { key: 'challenge', label: 'Challenge', render: (s) => <Link href={`/challenges/${s.challenge.id}`}>{s.challenge.title}</Link> },
          { key: 'submission', label: 'Submission', render: (s) => (
            <>
              {s.title}
              <AttachmentList attachments={files.get(s.id) ?? []} label={`Files of “${s.title}”`} />
            </>
          ) },
          { key: 'version', label: 'Version', render: (s) => s.version },
          { key: 'submitted', label: 'Submitted', render: (s) => <LocalDate iso={s.submittedAt} /> },
          { key: 'result', label: 'Result', render: (s) => {
            const won = wonBy(s.id);
            if (won.length > 0) return won.map((p) => <p key={p.id}><PrizeWon payout={p} accountActive={accountActive} /></p>);
            return s.challenge.status === 'AWARDED' || s.challenge.status === 'CLOSED'
              ? <span className="muted">Winners announced: this one did not win a prize.</span>
              : <StatusBadge status={s.challenge.status} prefix="Challenge" />;
          } },
        ]} />
      )}
      {results.length > 0 && (
        <section className="stack" aria-labelledby="feedback-title">
          <h2 id="feedback-title">Judges’ feedback</h2>
          {results.map((s) => (
            <div key={s.id} className="stack">
              <p className="muted">{s.challenge.title}</p>
              <FeedbackCard feedback={s.feedback!} submissionId={s.id} title={s.title} />
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
