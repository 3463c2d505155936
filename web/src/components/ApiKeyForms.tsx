'use client';

import { useActionState } from 'react';
import { API_KEY_NAME_MAX, API_SCOPES, isApiScope, SCOPE_WORDS, validateApiKey, type ApiKeyFormState } from '@/lib/api-keys';
import { SubmitButton, useClientChecked } from './forms';
import { SecretShownOnce, useShownOnce } from './SecretShownOnce';
import { Alert, CheckboxGroup, TextField } from './ui';

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
  const { shown: created, heading, dismiss } = useShownOnce(state.created);
  const errors = { ...state.fieldErrors, ...clientErrors };
  const values = state.ok ? undefined : state.values;
  const chosen = (values?.scopes ?? '').split(',').filter(isApiScope);

  if (created) {
    return (
      <SecretShownOnce headingId={headingId} heading={heading} title={`Your new key “${created.name}”`} label={`Secret of “${created.name}”`} secret={created.secret}
        warning={<p>Ideagora keeps only a fingerprint of it. Store it where your tool keeps its secrets; if it is lost, revoke this key and create another.</p>}
        hint="Your tool sends it with every request, in the header Authorization: Bearer followed by the secret." onDone={dismiss} />
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
