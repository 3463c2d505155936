import type { Metadata } from 'next';
import Link from 'next/link';
import { respondToTeamInvitationAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { StatusFlash } from '@/components/StatusFlash';
import { TeamInvitationAnswer } from '@/components/TeamForms';
import { DataTable, EmptyState } from '@/components/ui';
import { flashMessage } from '@/lib/flash';
import { gql } from '@/lib/gateway';
import { TeamInvitationsDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Team invitations' };
export const dynamic = 'force-dynamic';

/**
 * The invitations to join a team that wait for the viewer (sent to their account's email; the mail links here),
 * with Accept and Decline. Signed out: log in first, then back here.
 */
export default async function TeamInvitationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer('/teams/invitations');
  const query = await searchParams;
  const data = await gql(TeamInvitationsDoc);
  const invitations = (data.viewer?.teamInvitations ?? []).filter((i) => i.status === 'PENDING');
  return (
    <div className="stack">
      <StatusFlash message={flashMessage(query.done)} />
      <h1>Team invitations</h1>
      <p className="muted">Joining a team means entering the challenge together: one submission, and a prize shared as every member agrees.</p>
      {invitations.length === 0 ? (
        <EmptyState title="No invitations waiting">
          <p>When a solver invites you to their team by email, the invitation appears here. <Link href="/challenges">Browse open challenges</Link>.</p>
        </EmptyState>
      ) : (
        <DataTable caption="Invitations waiting for your answer" captionHidden rows={invitations} rowKey={(i) => i.id} columns={[
          // One element per cell: on a phone the cell is a grid of its label and its value.
          { key: 'team', label: 'Team', render: (i) => (
            <div>
              <strong>{i.team?.name ?? 'A team'}</strong>
              {i.team && <div className="muted">{i.team.members.map((m) => m.user.displayName).join(', ')}</div>}
            </div>
          ) },
          { key: 'challenge', label: 'Challenge', render: (i) => (i.team ? <Link href={`/challenges/${i.team.challenge.id}`}>{i.team.challenge.title}</Link> : '—') },
          { key: 'from', label: 'Invited by', render: (i) => <div>{i.invitedBy.displayName}<div className="muted"><LocalDate iso={i.invitedAt} dayOnly /></div></div> },
          { key: 'expires', label: 'Answer by', render: (i) => <LocalDate iso={i.expiresAt} dayOnly /> },
          { key: 'answer', label: 'Your answer', render: (i) => <TeamInvitationAnswer action={respondToTeamInvitationAction} invitationId={i.id} teamName={i.team?.name ?? 'this team'} /> },
        ]} />
      )}
    </div>
  );
}
