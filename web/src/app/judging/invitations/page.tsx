import type { Metadata } from 'next';
import Link from 'next/link';
import { respondToChallengeInvitationAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { ChallengeInvitationAnswer } from '@/components/JudgingForms';
import { StatusFlash } from '@/components/StatusFlash';
import { DataTable, EmptyState, StatusBadge } from '@/components/ui';
import { flashMessage } from '@/lib/flash';
import { gql } from '@/lib/gateway';
import { INVITATION_ROLE_WORDS, INVITATION_STATUS_WORDS } from '@/lib/judging';
import { ViewerChallengeInvitationsDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Challenge invitations' };
export const dynamic = 'force-dynamic';

/**
 * The one inbox of challenge invitations (the mails of both roles link here; signing in first brings them back):
 * invitations to judge a challenge or to enter an invite-only one, with Accept and Decline; then the challenges the
 * viewer judges (with the way to score them) and the invite-only challenges they may enter. Called "Judging" for
 * judges, "Challenge invitations" for someone only invited to enter.
 */
export default async function JudgingInvitationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer('/judging/invitations');
  const query = await searchParams;
  const data = await gql(ViewerChallengeInvitationsDoc);
  // Invitations to take part in an invite-only challenge are answered here too (the same mail, the same link).
  const all = data.viewer?.challengeInvitations ?? [];
  const pending = all.filter((i) => i.status === 'PENDING');
  const judging = all.filter((i) => i.status === 'ACCEPTED' && i.role === 'JUDGE');
  const entering = all.filter((i) => i.status === 'ACCEPTED' && i.role === 'PARTICIPANT');
  const roles = new Set(pending.map((i) => i.role));
  const onlyEntering = all.length > 0 && all.every((i) => i.role === 'PARTICIPANT');
  return (
    <div className="stack">
      <StatusFlash message={flashMessage(query.done)} />
      <h1>{onlyEntering ? 'Challenge invitations' : 'Judging'}</h1>
      <p className="muted">
        {onlyEntering
          ? 'Sponsors invite solvers to their invite-only challenges: once you accept, the challenge is open to you and you can submit a solution.'
          : 'Judges read a challenge’s sealed submissions and score them against the sponsor’s criteria. A judge cannot enter the challenge they judge.'}
      </p>
      <section className="stack" aria-labelledby="pending-title">
        <h2 id="pending-title">Invitations waiting for your answer</h2>
        {pending.length === 0 ? (
          <EmptyState title="No invitations waiting">
            <p>When a sponsor invites you to judge a challenge (or to take part in an invite-only one), the invitation appears here.</p>
          </EmptyState>
        ) : (
          <DataTable caption="Invitations waiting for your answer" captionHidden rows={pending} rowKey={(i) => i.id} columns={[
            { key: 'challenge', label: 'Challenge', render: (i) => (
              <div>
                {/* An invite-only challenge opens to its invitee once they accept: until then, its summary is here. */}
                {i.challenge.visibility === 'INVITE_ONLY'
                  ? <><strong>{i.challenge.title}</strong><p className="muted">{i.challenge.summary}</p></>
                  : <Link href={`/challenges/${i.challenge.id}`}>{i.challenge.title}</Link>}
                <div className="muted">Sponsored by {i.challenge.organization.name}</div>
              </div>
            ) },
            ...(roles.has('PARTICIPANT') ? [{ key: 'role', label: 'Invited to', render: (i: (typeof pending)[number]) => INVITATION_ROLE_WORDS[i.role] ?? i.role }] : []),
            roles.has('PARTICIPANT')
              ? { key: 'when', label: 'Key date', render: (i: (typeof pending)[number]) => (i.role === 'PARTICIPANT'
                ? <span>Entries close <LocalDate iso={i.challenge.submissionDeadline} dayOnly /></span>
                : <span>Judging until <LocalDate iso={i.challenge.judgingDeadline} dayOnly /></span>) }
              : { key: 'when', label: 'Judging until', render: (i: (typeof pending)[number]) => <LocalDate iso={i.challenge.judgingDeadline} dayOnly /> },
            { key: 'expires', label: 'Answer by', render: (i) => <LocalDate iso={i.expiresAt} dayOnly /> },
            { key: 'answer', label: 'Your answer', render: (i) => <ChallengeInvitationAnswer action={respondToChallengeInvitationAction} invitationId={i.id} challengeTitle={i.challenge.title} role={i.role} /> },
          ]} />
        )}
      </section>
      {judging.length > 0 && (
        <section className="stack" aria-labelledby="judging-title">
          <h2 id="judging-title">Challenges you judge</h2>
          <DataTable caption="Challenges you judge" captionHidden rows={judging} rowKey={(i) => i.id} columns={[
            { key: 'challenge', label: 'Challenge', render: (i) => <Link href={`/challenges/${i.challenge.id}`}>{i.challenge.title}</Link> },
            { key: 'status', label: 'Status', render: (i) => <StatusBadge status={i.challenge.status} /> },
            { key: 'next', label: 'Next', render: (i) => (i.challenge.status === 'JUDGING' ? (
              <div className="row">
                <Link href={`/challenges/${i.challenge.id}/score`}>Score submissions</Link>
                <Link href={`/challenges/${i.challenge.id}/judging`}>Judging board</Link>
              </div>
            ) : i.challenge.status === 'OPEN' ? (
              <span className="muted">Scoring starts when submissions close (<LocalDate iso={i.challenge.submissionDeadline} dayOnly />).</span>
            ) : <Link href={`/challenges/${i.challenge.id}/judging`}>Judging board</Link>) },
          ]} />
        </section>
      )}
      {entering.length > 0 && (
        <section className="stack" aria-labelledby="entering-title">
          <h2 id="entering-title">Invite-only challenges open to you</h2>
          <DataTable caption="Invite-only challenges open to you" captionHidden rows={entering} rowKey={(i) => i.id} columns={[
            { key: 'challenge', label: 'Challenge', render: (i) => <Link href={`/challenges/${i.challenge.id}`}>{i.challenge.title}</Link> },
            { key: 'status', label: 'Status', render: (i) => <StatusBadge status={i.challenge.status} /> },
            { key: 'deadline', label: 'Entries close', render: (i) => <LocalDate iso={i.challenge.submissionDeadline} dayOnly /> },
          ]} />
        </section>
      )}
      {all.some((i) => i.status !== 'PENDING' && i.status !== 'ACCEPTED') && (
        <details>
          <summary>Earlier invitations</summary>
          <ul>
            {all.filter((i) => i.status !== 'PENDING' && i.status !== 'ACCEPTED').map((i) => (
              <li key={i.id}>{i.challenge.title}: {INVITATION_STATUS_WORDS[i.status]?.toLowerCase() ?? i.status}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
