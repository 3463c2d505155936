import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalDate } from '@/components/dates';
import { PrizeWon } from '@/components/PrizeWon';
import { EmptyState, StatusBadge } from '@/components/ui';
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
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Your submissions, latest first</caption>
            <thead><tr><th scope="col">Challenge</th><th scope="col">Submission</th><th scope="col">Version</th><th scope="col">Submitted</th><th scope="col">Result</th></tr></thead>
            <tbody>
              {subs.map((s) => {
                const won = wonBy(s.id);
                return (
                  <tr key={s.id}>
                    <td><Link href={`/challenges/${s.challenge.id}`}>{s.challenge.title}</Link></td>
                    <td>{s.title}</td>
                    <td>{s.version}</td>
                    <td><LocalDate iso={s.submittedAt} /></td>
                    <td>
                      {won.length > 0
                        ? won.map((p) => <p key={p.id}><PrizeWon payout={p} accountActive={accountActive} /></p>)
                        : s.challenge.status === 'AWARDED' || s.challenge.status === 'CLOSED'
                          ? <span className="muted">Winners announced: this one did not win a prize.</span>
                          : <StatusBadge status={s.challenge.status} prefix="Challenge" />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
