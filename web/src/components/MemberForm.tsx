'use client';

import { useActionState, useState, type FormEvent } from 'react';
import type { OrganizationRole } from '@/gql/graphql';
import type { FormState } from '@/lib/errors';
import { EMAIL_MAX, INVITATION_LIFETIME_DAYS, ORGANIZATION_ROLES, ROLE_LABELS, validateInvite } from '@/lib/organizations';
import { SubmitButton } from './forms';
import { Alert, Select, TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const ERROR_TITLES: Record<string, string> = {
  FORBIDDEN: 'Not allowed',
  FAILED_PRECONDITION: 'Not possible',
  NOT_FOUND: 'Not found',
  UNAUTHENTICATED: 'Your session has ended',
};

const roleOptions = ORGANIZATION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/**
 * Invites a person to an organization by email (inviteOrganizationMember): they get a mail, sign in or sign up with
 * that address, and join once they accept. The form checks the address and the role; who may invite as what is the
 * server's rule, and its refusal is shown in words (memberRefusal).
 */
export function InviteMemberForm({ action, organizationId, viewerRole }: { action: Action; organizationId: string; viewerRole: OrganizationRole }) {
  const [state, formAction] = useActionState(action, {});
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const errors = { ...state.fieldErrors, ...clientErrors };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const fd = new FormData(event.currentTarget);
    const found = validateInvite(String(fd.get('email') ?? ''), String(fd.get('role') ?? ''));
    setClientErrors(found);
    if (Object.keys(found).length) {
      event.preventDefault();
      event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
    }
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-label="Invite a member">
      {state.formError && (
        <Alert tone="danger" title={ERROR_TITLES[state.code ?? ''] ?? 'The invitation was not sent'}>
          <p>{state.formError}</p>
        </Alert>
      )}
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField label="Email address" name="email" type="email" inputMode="email" required maxLength={EMAIL_MAX} autoComplete="off" spellCheck={false}
        defaultValue={state.ok ? '' : state.values?.email ?? ''} error={errors.email}
        hint={`We send them an invitation by mail. They sign in, or sign up with this address, and join once they accept (within ${INVITATION_LIFETIME_DAYS} days).`} />
      {/* A select's defaultValue applies at mount only: the key re-mounts it with what was submitted. */}
      <Select key={state.values?.role ?? 'MEMBER'} label="Role" name="role" defaultValue={state.values?.role ?? 'MEMBER'} error={errors.role}
        hint={viewerRole === 'OWNER' ? undefined : 'As an admin you can invite members; only an owner can invite admins and owners.'}
        options={roleOptions} />
      <div>
        <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
      </div>
    </form>
  );
}

/** Changes an existing member's role, on their row of the members list (addOrganizationMember on a member). */
export function MemberRoleForm({ action, organizationId, userId, name, role }: { action: Action; organizationId: string; userId: string; name: string; role: OrganizationRole }) {
  const [state, formAction] = useActionState(action, {});
  const current = state.values?.role ?? role;
  return (
    <form action={formAction} className="stack" aria-label={`Change the role of ${name}`}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="name" value={name} />
      <div className="row">
        <Select key={current} label={`Role of ${name}`} name="role" defaultValue={current} error={state.fieldErrors?.role} options={roleOptions} />
        <SubmitButton pendingText="Saving…" variant="secondary">Change role<span className="visually-hidden"> of {name}</span></SubmitButton>
      </div>
      {state.formError && <Alert tone="danger" title={ERROR_TITLES[state.code ?? ''] ?? 'The role was not changed'}><p>{state.formError}</p></Alert>}
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
