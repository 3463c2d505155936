'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { API_KEY_NAME_MAX, API_SCOPES, isApiScope, SCOPE_WORDS, validateApiKey, type ApiKeyFormState } from '@/lib/api-keys';
import { CopyField } from './CopyField';
import { SubmitButton, useClientChecked } from './forms';
import { Alert, Button, CheckboxGroup, TextField } from './ui';

type Action = (prev: ApiKeyFormState, fd: FormData) => Promise<ApiKeyFormState>;

const scopeOptions = API_SCOPES.map((scope) => ({ value: scope, ...SCOPE_WORDS[scope] }));

/**
 * Creates an API key (createApiKey): a name and what it may do, checked here as the server checks them. The key's
 * secret comes back in the action's answer only: it is shown once, in place of the form (the heading takes the focus),
 * in a read-only field with a Copy button, until "Done" brings the form back. It is never put in the page's address,
 * and the list (re-rendered by the action) never has it: a reload shows the key without its secret.
 */
export function CreateApiKeyForm({ action, organizationId, organizationName, headingId }: {
  action: Action;
  organizationId: string;
  organizationName: string;
  /** The id of the heading this renders (the card around it is labelled by it). */
  headingId: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd) => validateApiKey(String(fd.get('name') ?? ''), fd.getAll('scopes').map(String)));
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state.created && state.created.id !== dismissed ? state.created : null;
  const errors = { ...state.fieldErrors, ...clientErrors };
  const values = state.ok ? undefined : state.values;
  const chosen = (values?.scopes ?? '').split(',').filter(isApiScope);

  // The heading takes the focus when the secret appears and when "Done" brings the form back (not on the first render).
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = created?.id ?? null;
  const before = useRef(shown);
  useEffect(() => {
    if (before.current !== shown) heading.current?.focus();
    before.current = shown;
  }, [shown]);

  if (created) {
    return (
      <div className="stack">
        <h3 id={headingId} ref={heading} tabIndex={-1}>Your new key “{created.name}”</h3>
        <Alert tone="warning" title="Copy the secret now: it will not be shown again.">
          <p>Ideagora keeps only a fingerprint of it. Store it where your tool keeps its secrets; if it is lost, revoke this key and create another.</p>
        </Alert>
        <CopyField label={`Secret of “${created.name}”`} value={created.secret}
          hint="Your tool sends it with every request, in the header Authorization: Bearer followed by the secret." />
        <div>
          <Button variant="secondary" onClick={() => setDismissed(created.id)}>Done: I have stored the secret</Button>
        </div>
      </div>
    );
  }
  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>Create an API key</h3>
      {state.formError && (
        <Alert tone="danger" title="The key was not created">
          <p>{state.formError}</p>
        </Alert>
      )}
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField label="Name" name="name" required maxLength={API_KEY_NAME_MAX} autoComplete="off" defaultValue={values?.name ?? ''} error={errors.name}
        hint="What the key is for, so that you know it in the list: “CI deploys”, “Website”." />
      {/* Checkboxes are ticked at mount only: the key re-mounts them with what was sent. */}
      <CheckboxGroup key={values?.scopes ?? ''} legend="What the key may do" name="scopes" options={scopeOptions} defaultValue={chosen}
        error={errors.scopes} hint={`Only what the tool needs: the key acts for ${organizationName} as an admin would, within these.`} />
      <div>
        <SubmitButton pendingText="Creating…">Create key</SubmitButton>
      </div>
    </form>
  );
}
