import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalDate } from '@/components/dates';
import { PrizeWon } from '@/components/PrizeWon';
import { DataTable, EmptyState, StatusBadge } from '@/components/ui';
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
  return (
    <div className="stack">
      <h1>My submissions</h1>
      {subs.length === 0 ? (
        <EmptyState title="You have not submitted anything yet"><p><Link href="/challenges?status=OPEN">Find an open challenge</Link>.</p></EmptyState>
      ) : (
        <DataTable caption="Your submissions, latest first" captionHidden rows={subs} rowKey={(s) => s.id} columns={[
          { key: 'challenge', label: 'Challenge', render: (s) => <Link href={`/challenges/${s.challenge.id}`}>{s.challenge.title}</Link> },
          { key: 'submission', label: 'Submission', render: (s) => s.title },
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
    </div>
  );
}
