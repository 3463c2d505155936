import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { agreeToPrizeSplitAction, inviteTeamMemberAction, leaveTeamAction, proposeEqualPrizeSplitAction, proposePrizeSplitAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { ActionButton } from '@/components/forms';
import { Money } from '@/components/Money';
import { StatusFlash } from '@/components/StatusFlash';
import { InviteTeamMemberForm, ProposeSplitForm } from '@/components/TeamForms';
import { Alert, Badge, ButtonLink, Card, DataTable, EmptyState, StatusBadge } from '@/components/ui';
import { flashMessage } from '@/lib/flash';
import { gqlOrNull } from '@/lib/gateway';
import { ChallengeTeamDoc } from '@/lib/operations';
import { basisPointsToPercent, prizeParts, splitStatusText, teamSubmitBlocker, viewerMustAgree } from '@/lib/teams';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Your team' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The viewer's team in a challenge: its members and their shares, the prize split (what each member receives of
 * each prize, its status in words, "Agree" for a member who has not), a proposal form and "Split equally",
 * invitations by email, the team's submission and "Leave team".
 */
export default async function TeamPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const viewer = await requireViewer(`/challenges/${id}/team`);
  const data = await gqlOrNull(ChallengeTeamDoc, { id });
  if (!data) notFound();
  const c = data.challenge;
  const team = c.viewerTeam;
  const challengeHref = `/challenges/${c.id}`;
  if (!team) {
    return (
      <div className="stack">
        <StatusFlash message={flashMessage(query.done)} />
        <h1>Your team</h1>
        <EmptyState title="You are not in a team for this challenge">
          <p>
            <Link href={challengeHref}>{c.title}</Link>: create a team from the challenge page while it is open, or accept an invitation on{' '}
            <Link href="/teams/invitations">your team invitations</Link>.
          </p>
        </EmptyState>
      </div>
    );
  }
  const split = team.split;
  const mustAgree = viewerMustAgree(split, viewer.id);
  const open = c.status === 'OPEN';
  const basisPoints = split.shares.map((s) => s.basisPoints);
  const parts = c.prizes.map((p) => prizeParts(p.amount.amountMinor, basisPoints, split.equal));
  const rows = split.shares.map((s, index) => ({ ...s, index }));
  const blocker = teamSubmitBlocker(split);
  const fields = { challengeId: c.id, teamId: team.id };

  return (
    <div className="stack">
      <StatusFlash message={flashMessage(query.done)} />
      <div>
        <p className="muted"><Link href={challengeHref}>{c.title}</Link> <StatusBadge status={c.status} /></p>
        <h1>Team {team.name}</h1>
        <p className="muted">{team.members.length === 1 ? '1 member' : `${team.members.length} members`} · formed <LocalDate iso={team.createdAt} dayOnly /></p>
      </div>

      <Card aria-labelledby="split-title">
        <h2 id="split-title">Prize split</h2>
        <p>
          {split.status === 'AGREED' ? <Badge tone="success">Agreed</Badge> : <Badge tone="warning">Proposed</Badge>}{' '}
          {splitStatusText(split)} <span className="muted">(version {split.version})</span>
        </p>
        {split.equal && <p className="muted">Split equally: every member receives the same part of a prize.</p>}
        {/* A visible caption breaks in a table that becomes a list on a phone: the table is named by a hidden one. */}
        <DataTable caption="Each member’s share and part of each prize" captionHidden rows={rows} rowKey={(r) => r.user.id} columns={[
          { key: 'member', label: 'Member', render: (r) => <>{r.user.displayName}{r.user.id === viewer.id ? ' (you)' : ''}</> },
          { key: 'share', label: 'Share', numeric: true, render: (r) => `${basisPointsToPercent(r.basisPoints)}%` },
          { key: 'agreed', label: 'Agreed', render: (r) => (r.agreedAt ? <Badge tone="success">Agreed</Badge> : <Badge tone="warning">Not yet</Badge>) },
          ...c.prizes.map((p, pi) => ({
            key: `prize-${p.rank}`, label: p.label, numeric: true,
            render: (r: (typeof rows)[number]) => <Money amountMinor={parts[pi]![r.index]!} currency={p.amount.currency} />,
          })),
        ]} />
        <p className="muted">
          Prizes: {c.prizes.map((p, i) => <span key={p.rank}>{i > 0 ? ', ' : ''}{p.label} <Money {...p.amount} /></span>)}. A prize is divided by these shares to the cent; the parts always add up to the prize.
        </p>
        {open && mustAgree && (
          <ActionButton action={agreeToPrizeSplitAction} fields={{ ...fields, splitVersion: String(split.version) }} label="Agree to this split" pendingText="Agreeing…" />
        )}
        {open && split.status === 'PROPOSED' && !mustAgree && <p className="muted">You have agreed to this version. The others agree on this page.</p>}
        {!open && <p className="muted">The team and its split were fixed when the challenge stopped taking submissions.</p>}
      </Card>

      {open && (
        <Card aria-labelledby="split-propose-title">
          <ProposeSplitForm action={proposePrizeSplitAction} challengeId={c.id} teamId={team.id} viewerId={viewer.id} prizes={c.prizes}
            members={split.shares.map((s) => ({ id: s.user.id, displayName: s.user.displayName, basisPoints: s.basisPoints }))} key={split.version} />
          <div className="stack">
            <p className="muted">Or give every member the same part of each prize:</p>
            <ActionButton action={proposeEqualPrizeSplitAction} fields={fields} label="Split equally" pendingText="Proposing…" variant="secondary" />
          </div>
        </Card>
      )}

      <Card aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <DataTable caption="Team members, in the order they joined" captionHidden rows={team.members} rowKey={(m) => m.user.id} columns={[
          { key: 'name', label: 'Name', render: (m) => <>{m.user.displayName}{m.user.id === viewer.id ? ' (you)' : ''}</> },
          { key: 'share', label: 'Share', numeric: true, render: (m) => `${basisPointsToPercent(m.shareBasisPoints)}%` },
          { key: 'joined', label: 'Joined', render: (m) => <LocalDate iso={m.joinedAt} dayOnly /> },
        ]} />
        {team.invitations.length > 0 && (
          <>
            <h3 id="team-waiting-title">Waiting for an answer ({team.invitations.length})</h3>
            <DataTable caption="Invitations waiting for an answer" captionHidden rows={team.invitations} rowKey={(i) => i.id} columns={[
              { key: 'email', label: 'Email', render: (i) => i.email },
              { key: 'sent', label: 'Sent', render: (i) => <LocalDate iso={i.invitedAt} dayOnly /> },
              { key: 'expires', label: 'Expires', render: (i) => <LocalDate iso={i.expiresAt} dayOnly /> },
            ]} />
          </>
        )}
        {open && <InviteTeamMemberForm action={inviteTeamMemberAction} challengeId={c.id} teamId={team.id} />}
      </Card>

      <Card aria-labelledby="team-submission-title">
        <h2 id="team-submission-title">Your team’s submission</h2>
        {team.submission ? (
          <p>“{team.submission.title}”, version {team.submission.version}, submitted <LocalDate iso={team.submission.submittedAt} /></p>
        ) : (
          <p className="muted">Not submitted yet. Any member submits for the team from the challenge page.</p>
        )}
        {open && blocker && <Alert tone="warning">{blocker}</Alert>}
        {open && <p><ButtonLink href={`${challengeHref}#submit-heading`} variant="secondary">{team.submission ? 'Resubmit as the team' : 'Submit as the team'}</ButtonLink></p>}
      </Card>

      {open && (
        <Card aria-labelledby="leave-title">
          <h2 id="leave-title">Leave the team</h2>
          <p className="muted">Your share goes to the other members in proportion to theirs. You will no longer see the team or its submission, and get nothing from a later award.</p>
          <ActionButton action={leaveTeamAction} fields={fields} label="Leave team" pendingText="Leaving…" variant="danger"
            confirmText={`Leave team ${team.name}?`} confirmDetail="You cannot undo this: only a new invitation brings you back." />
        </Card>
      )}
    </div>
  );
}
