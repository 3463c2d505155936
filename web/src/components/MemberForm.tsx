'use client';

import { useActionState, useState, type FormEvent } from 'react';
import type { OrganizationRole } from '@/gql/graphql';
import type { FormState } from '@/lib/errors';
import { ORGANIZATION_ROLES, ROLE_LABELS, validateMember } from '@/lib/organizations';
import { SubmitButton } from './forms';
import { Alert, Select, TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const ERROR_TITLES: Record<string, string> = {
  FORBIDDEN: 'Not allowed',
  FAILED_PRECONDITION: 'Not possible',
  NOT_FOUND: 'Organization not found',
  UNAUTHENTICATED: 'Your session has ended',
};

/**
 * Invites someone to an organization or changes a member's role (addOrganizationMember): someone new becomes a
 * member only once they accept. The form checks the ID's
 * shape and the role; who may grant what is the server's rule, and its refusal (FORBIDDEN) is shown as it comes.
 */
export function MemberForm({ action, organizationId, viewerRole }: { action: Action; organizationId: string; viewerRole: OrganizationRole }) {
  const [state, formAction] = useActionState(action, {});
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const errors = { ...state.fieldErrors, ...clientErrors };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const fd = new FormData(event.currentTarget);
    const found = validateMember(String(fd.get('userId') ?? ''), String(fd.get('role') ?? ''));
    setClientErrors(found);
    if (Object.keys(found).length) {
      event.preventDefault();
      event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
    }
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-label="Invite a member or change a role">
      {state.formError && (
        <Alert tone="danger" title={ERROR_TITLES[state.code ?? ''] ?? 'The role was not changed'}>
          <p>{state.formError}</p>
        </Alert>
      )}
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField label="User ID" name="userId" required autoComplete="off" spellCheck={false} defaultValue={state.values?.userId ?? ''}
        error={errors.userId} hint="They find it on their profile page. They join once they accept; someone already in the organization gets the new role at once." />
      {/* A select's defaultValue applies at mount only: the key re-mounts it with what was submitted. */}
      <Select key={state.values?.role ?? 'MEMBER'} label="Role" name="role" defaultValue={state.values?.role ?? 'MEMBER'} error={errors.role}
        hint={viewerRole === 'OWNER' ? undefined : 'As an admin you can add members; only an owner can grant or change the admin and owner roles.'}
        options={ORGANIZATION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      <div>
        <SubmitButton pendingText="Saving…">Save member</SubmitButton>
      </div>
    </form>
  );
}
