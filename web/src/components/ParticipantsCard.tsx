import type { FormState } from '@/lib/errors';
import { INVITATION_STATUS_WORDS } from '@/lib/judging';
import { LocalDate } from './dates';
import { ActionButton } from './forms';
import type { JudgeInvitationRow } from './JudgesCard';
import { InviteJudgesForm } from './JudgingForms';
import { Badge, Card, DataTable, type Tone } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const STATUS_TONE: Record<string, Tone> = { PENDING: 'warning', ACCEPTED: 'success', DECLINED: 'neutral', REVOKED: 'neutral', EXPIRED: 'danger' };
const INVITING = ['DRAFT', 'OPEN', 'JUDGING'];

/**
 * The sponsor's "Invited solvers" card on an INVITE_ONLY challenge's page: who may enter it (PARTICIPANT invitations),
 * invite more by email, withdraw one (confirmed). Nobody else can find the challenge.
 */
export function ParticipantsCard({ challengeId, status, invitations, inviteAction, revokeAction }: {
  challengeId: string;
  status: string;
  invitations: JudgeInvitationRow[];
  inviteAction: Action;
  revokeAction: Action;
}) {
  const invited = invitations.filter((i) => i.role === 'PARTICIPANT');
  const accepted = invited.filter((i) => i.status === 'ACCEPTED').length;
  return (
    <Card aria-labelledby="participants-title">
      <h2 id="participants-title">Invited solvers</h2>
      <p className="muted">
        This challenge is invite only: only the solvers you invite, once they accept, can see it and enter it.
        {' '}{invited.length === 0 ? 'Nobody invited yet.' : `${accepted} of ${invited.length} invited ${invited.length === 1 ? 'solver has' : 'solvers have'} accepted.`}
      </p>
      {invited.length > 0 && (
        <DataTable caption="Solvers invited" captionHidden rows={invited} rowKey={(i) => i.id} columns={[
          { key: 'email', label: 'Email', render: (i) => i.email },
          { key: 'status', label: 'Status', render: (i) => (
            <div>
              <Badge tone={STATUS_TONE[i.status] ?? 'neutral'}>{INVITATION_STATUS_WORDS[i.status] ?? i.status}</Badge>
              {i.status === 'PENDING' && <div className="muted">Until <LocalDate iso={i.expiresAt} dayOnly /></div>}
            </div>
          ) },
          { key: 'action', label: 'Action', render: (i) => (i.status === 'PENDING' || i.status === 'ACCEPTED' ? (
            <ActionButton action={revokeAction} fields={{ challengeId, invitationId: i.id }} label={`Withdraw ${i.email}`} pendingText="Withdrawing…" variant="secondary"
              confirmText={`Withdraw the invitation of ${i.email}?`} confirmLabel="Yes, withdraw"
              confirmDetail={i.status === 'ACCEPTED' ? 'They can no longer see or enter this challenge.' : 'The link in their mail stops working.'} />
          ) : <span className="muted">—</span>) },
        ]} />
      )}
      {status === 'DRAFT' && invited.length > 0 && <p className="muted">Invitations to a draft are mailed when it is published; the solvers have 30 days from then to accept.</p>}
      {INVITING.includes(status) && <InviteJudgesForm action={inviteAction} challengeId={challengeId} role="PARTICIPANT" />}
    </Card>
  );
}
