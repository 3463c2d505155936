'use client';

import { useActionState } from 'react';
import { EVENT_WORDS, isWebhookEvent, validateWebhookEndpoint, WEBHOOK_EVENTS, WEBHOOK_URL_MAX, wireName, type WebhookFormState } from '@/lib/webhooks';
import { SubmitButton, useClientChecked } from './forms';
import { SecretShownOnce, useShownOnce } from './SecretShownOnce';
import { Alert, CheckboxGroup, TextField } from './ui';

type Action = (prev: WebhookFormState, fd: FormData) => Promise<WebhookFormState>;

/** Each event in words, its JSON `type` (what the receiver's code matches on) as the hint. */
const eventOptions = WEBHOOK_EVENTS.map((event) => ({ value: event, label: EVENT_WORDS[event], hint: `Sent as ${wireName(event)}` }));

/**
 * Creates a webhook endpoint (createWebhookEndpoint): the receiver's address and the events it is told about, checked
 * here as the server checks them. The signing secret comes back in the action's answer only: it is shown once, in place
 * of the form, as an API key's secret is (SecretShownOnce); the list never has it.
 */
export function CreateWebhookEndpointForm({ action, organizationId, organizationName, headingId }: {
  action: Action;
  organizationId: string;
  organizationName: string;
  /** The id of the heading this renders (the card around it is labelled by it). */
  headingId: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd) => validateWebhookEndpoint(String(fd.get('url') ?? ''), fd.getAll('events').map(String)));
  const { shown: created, heading, dismiss } = useShownOnce(state.created);
  const errors = { ...state.fieldErrors, ...clientErrors };
  const values = state.ok ? undefined : state.values;
  const chosen = (values?.events ?? '').split(',').filter(isWebhookEvent);

  if (created) {
    return (
      <SecretShownOnce headingId={headingId} heading={heading} title="Your new webhook endpoint" label={`Signing secret of ${created.url}`} secret={created.secret}
        warning={<p>Your receiver needs it to check that each delivery comes from Ideagora. Store it with your receiver’s secrets; if it is lost, delete this endpoint and create another.</p>}
        hint="Each delivery carries the header Ideagora-Signature: an HMAC-SHA256 of its timestamp and body, made with this secret." onDone={dismiss} />
    );
  }
  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>Add a webhook endpoint</h3>
      {state.formError && (
        <Alert tone="danger" title="The endpoint was not created">
          <p>{state.formError}</p>
        </Alert>
      )}
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField label="Endpoint URL" name="url" type="url" inputMode="url" required maxLength={WEBHOOK_URL_MAX} autoComplete="off" spellCheck={false}
        defaultValue={values?.url ?? ''} error={errors.url} hint="Where Ideagora sends each event, as an HTTPS POST: https://example.com/ideagora-webhooks." />
      {/* Checkboxes are ticked at mount only: the key re-mounts them with what was sent. */}
      <CheckboxGroup key={values?.events ?? ''} legend="Events to send" name="events" options={eventOptions} defaultValue={chosen}
        error={errors.events} hint={`What happens to ${organizationName}’s challenges that your receiver is told about.`} />
      <div>
        <SubmitButton pendingText="Adding…">Add endpoint</SubmitButton>
      </div>
    </form>
  );
}
