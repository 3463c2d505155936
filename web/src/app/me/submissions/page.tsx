import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalDate } from '@/components/dates';
import { EmptyState, StatusBadge } from '@/components/ui';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'My submissions' };
export const dynamic = 'force-dynamic';

export default async function MySubmissionsPage() {
  const viewer = await requireViewer('/me/submissions');
  const subs = viewer.submissions.edges.map((e) => e.node);
  return (
    <div className="stack">
      <h1>My submissions</h1>
      {subs.length === 0 ? (
        <EmptyState title="You have not submitted anything yet"><p><Link href="/challenges?status=OPEN">Find an open challenge</Link>.</p></EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Your submissions, latest first</caption>
            <thead><tr><th scope="col">Challenge</th><th scope="col">Submission</th><th scope="col">Version</th><th scope="col">Submitted</th><th scope="col">Challenge status</th></tr></thead>
            <tbody>
              {subs.map((s) => (
                <tr key={s.id}>
                  <td><Link href={`/challenges/${s.challenge.id}`}>{s.challenge.title}</Link></td>
                  <td>{s.title}</td>
                  <td>{s.version}</td>
                  <td><LocalDate iso={s.submittedAt} /></td>
                  <td><StatusBadge status={s.challenge.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
