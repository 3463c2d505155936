'use client';

import { useActionState, useState } from 'react';
import type { FormState } from '@/lib/errors';
import { inviteEmailError, EMAIL_MAX } from '@/lib/organizations';
import { basisPointsToPercent, percentToBasisPoints, prizeParts, shareField, TOTAL_BASIS_POINTS, validateShares } from '@/lib/teams';
import { FormMessages, requiredFields, SubmitButton, useClientChecked } from './forms';
import { Money } from './Money';
import { Alert, Button, DataTable, TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

/** "Enter as a team" on the challenge page: the team's name; the viewer becomes its first member. */
export function CreateTeamForm({ action, challengeId }: { action: Action; challengeId: string }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked(requiredFields({ name: 'Enter a name for your team.' }));
  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby="team-create-title">
      <h2 id="team-create-title">Enter as a team</h2>
      <p className="muted">Work with others on one submission and share the prize as you agree. You can invite teammates by email once the team exists.</p>
      <FormMessages state={state} />
      <input type="hidden" name="challengeId" value={challengeId} />
      <TextField label="Team name" name="name" required maxLength={100} defaultValue={state.values?.name} error={clientErrors.name ?? state.fieldErrors?.name} />
      <SubmitButton pendingText="Creating the team…" variant="secondary">Create team</SubmitButton>
    </form>
  );
}

/** Any member invites someone by email; they answer on /teams/invitations (the mail links there). */
export function InviteTeamMemberForm({ action, challengeId, teamId }: { action: Action; challengeId: string; teamId: string }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd): Record<string, string> => {
    const error = inviteEmailError(String(fd.get('email') ?? ''));
    return error ? { email: error } : {};
  });
  return (
    // The key resets the field after a successful invitation (a new state object each time).
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby="team-invite-title">
      <h3 id="team-invite-title">Invite a teammate</h3>
      <FormMessages state={state} />
      <input type="hidden" name="challengeId" value={challengeId} />
      <input type="hidden" name="teamId" value={teamId} />
      <TextField label="Teammate’s email address" name="email" type="email" inputMode="email" required maxLength={EMAIL_MAX} autoComplete="off" spellCheck={false}
        defaultValue={state.ok ? '' : state.values?.email} key={state.ok ? state.message : 'form'} error={clientErrors.email ?? state.fieldErrors?.email}
        hint="They get a mail, sign in or sign up with this address, and accept within 14 days." />
      <SubmitButton pendingText="Sending…" variant="secondary">Send invitation</SubmitButton>
    </form>
  );
}

export interface SplitMember {
  id: string;
  displayName: string;
  basisPoints: number;
}

export interface SplitPrize {
  rank: number;
  label: string;
  amount: { amountMinor: string; currency: string };
}

/**
 * Proposes a split: a share in percent per member (2 decimals at most, adding up to 100%), with what each member
 * would receive of each prize as typed (the largest-remainder rule the server pays by). Proposing is agreeing; the
 * others then agree to it.
 */
export function ProposeSplitForm({ action, challengeId, teamId, members, prizes, viewerId }: {
  action: Action; challengeId: string; teamId: string; members: SplitMember[]; prizes: SplitPrize[]; viewerId?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const [typed, setTyped] = useState<Record<string, string>>(() =>
    Object.fromEntries(members.map((m) => [m.id, state.values?.[shareField(m.id)] ?? basisPointsToPercent(m.basisPoints)])));
  const { clientErrors, onSubmit } = useClientChecked((fd) => {
    const percents: Record<string, string> = {};
    for (const m of members) percents[m.id] = String(fd.get(shareField(m.id)) ?? '');
    return validateShares(percents).errors;
  });
  const errors = { ...state.fieldErrors, ...clientErrors };
  const parsed = members.map((m) => percentToBasisPoints(typed[m.id] ?? ''));
  const basisPoints = parsed.map((p) => (p.ok ? p.basisPoints : null));
  const total = basisPoints.reduce<number>((sum, bp) => sum + (bp ?? 0), 0);
  const complete = basisPoints.every((bp) => bp !== null) && total === TOTAL_BASIS_POINTS;
  const parts = complete ? prizes.map((p) => prizeParts(p.amount.amountMinor, basisPoints as number[])) : null;
  const rows = members.map((m, index) => ({ ...m, index }));
  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby="split-propose-title">
      <h3 id="split-propose-title">Propose a split</h3>
      <p className="muted">Each member’s share of any prize, in percent (up to 2 decimals). The shares must add up to 100%. Proposing it counts as your agreement; every other member then agrees.</p>
      {(state.formError || errors.shares) && <Alert tone="danger">{errors.shares ?? state.formError}</Alert>}
      <input type="hidden" name="challengeId" value={challengeId} />
      <input type="hidden" name="teamId" value={teamId} />
      <div className="split-fields">
        {members.map((m) => (
          <TextField key={m.id} label={`Share of ${m.displayName}${m.id === viewerId ? ' (you)' : ''} (%)`} name={shareField(m.id)} inputMode="decimal" required
            value={typed[m.id] ?? ''} onChange={(e) => setTyped((t) => ({ ...t, [m.id]: e.target.value }))} error={errors[shareField(m.id)]} />
        ))}
      </div>
      <p aria-live="polite" className={total === TOTAL_BASIS_POINTS ? 'muted' : undefined}>
        Total: <strong>{basisPointsToPercent(total)}%</strong>{total === TOTAL_BASIS_POINTS ? '' : ' (must be 100%)'}
      </p>
      {parts && prizes.length > 0 && (
        <>
        <p><strong>What each member would receive</strong></p>
        <DataTable caption="What each member would receive" captionHidden rows={rows} rowKey={(r) => r.id} columns={[
          { key: 'member', label: 'Member', render: (r) => r.displayName },
          ...prizes.map((p, pi) => ({
            key: `prize-${p.rank}`, label: p.label, numeric: true,
            render: (r: (typeof rows)[number]) => <Money amountMinor={parts[pi]![r.index]!} currency={p.amount.currency} />,
          })),
        ]} />
        </>
      )}
      <SubmitButton pendingText="Proposing…">Propose this split</SubmitButton>
    </form>
  );
}

/** Accept or Decline, one form: the button pressed is the answer; a refusal is said in words above them. */
export function TeamInvitationAnswer({ action, invitationId, teamName }: { action: Action; invitationId: string; teamName: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack">
      {state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <input type="hidden" name="invitationId" value={invitationId} />
      <div className="row">
        <Button type="submit" name="answer" value="accept" disabled={pending} aria-label={`Accept the invitation to ${teamName}`}>Accept</Button>
        <Button type="submit" name="answer" value="decline" variant="secondary" disabled={pending} aria-label={`Decline the invitation to ${teamName}`}>Decline</Button>
      </div>
    </form>
  );
}
