import Link from 'next/link';
import type { FormState } from '@/lib/errors';
import { INVITATION_STATUS_WORDS } from '@/lib/judging';
import { LocalDate } from './dates';
import { ActionButton } from './forms';
import { InviteJudgesForm } from './JudgingForms';
import { Alert, Badge, Card, DataTable, type Tone } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export interface JudgeInvitationRow {
  id: string;
  email: string;
  role: string;
  status: string;
  expiresAt: string;
  createdAt: string;
}

const STATUS_TONE: Record<string, Tone> = { PENDING: 'warning', ACCEPTED: 'success', DECLINED: 'neutral', REVOKED: 'neutral', EXPIRED: 'danger' };

/** Statuses in which judges can still be invited (the server's rule). */
const INVITING = ['DRAFT', 'OPEN', 'JUDGING'];

/**
 * The sponsor's "Judges" card on the challenge page: invite by email (several at once), the invitations with their
 * status, withdraw one (confirmed), and the way to the judging board and the scoring page once judging has started.
 */
export function JudgesCard({ challengeId, status, invitations, inviteAction, revokeAction }: {
  challengeId: string;
  status: string;
  invitations: JudgeInvitationRow[];
  inviteAction: Action;
  revokeAction: Action;
}) {
  const judges = invitations.filter((i) => i.role === 'JUDGE');
  const accepted = judges.filter((i) => i.status === 'ACCEPTED').length;
  const judging = ['JUDGING', 'AWARDED', 'CLOSED'].includes(status);
  return (
    <Card aria-labelledby="judges-title">
      <h2 id="judges-title">Judges</h2>
      <p className="muted">
        {judges.length === 0 ? 'No judges invited yet. You and your organization’s admins can score too.' : `${accepted} of ${judges.length} invited ${judges.length === 1 ? 'judge has' : 'judges have'} accepted.`}
      </p>
      {(judging || status === 'OPEN') && (
        <p className="row">
          <Link href={`/challenges/${challengeId}/judging`}>Judging board</Link>
          {status === 'JUDGING' && <Link href={`/challenges/${challengeId}/score`}>Score submissions</Link>}
        </p>
      )}
      {judges.length > 0 && (
        <DataTable caption="Judges invited" captionHidden rows={judges} rowKey={(i) => i.id} columns={[
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
              confirmDetail={i.status === 'ACCEPTED' ? 'They stop being a judge: they can no longer read or score the submissions. Their scores so far stay.' : 'The link in their mail stops working.'} />
          ) : <span className="muted">—</span>) },
        ]} />
      )}
      {status === 'DRAFT' && judges.length > 0 && <p className="muted">Invitations to a draft are mailed when it is published; the judges have 30 days from then to accept.</p>}
      {INVITING.includes(status) && <InviteJudgesForm action={inviteAction} challengeId={challengeId} />}
    </Card>
  );
}

/** The scoring page and the board for someone who is not (or not yet) a judge of the challenge. */
export function NotAJudge() {
  return (
    <div className="stack">
      <h1>Judging</h1>
      <Alert tone="warning" title="Only the challenge’s judges can see this page.">
        <p>
          Judges are invited by the sponsor. If you were invited, accept the invitation on <Link href="/judging/invitations">your judging invitations</Link>;
          it can take a few seconds before you can score.
        </p>
      </Alert>
    </div>
  );
}
