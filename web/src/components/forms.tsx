'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './Dialog';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/errors';
import { Alert, Button, type Variant } from './ui';

export function SubmitButton({ children, pendingText, variant = 'primary' }: { children: ReactNode; pendingText?: string; variant?: Variant }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} loading={pending} loadingText={pendingText ?? 'Working…'}>
      {children}
    </Button>
  );
}

export function FormMessages({ state }: { state: FormState }) {
  return (
    <>
      {state.formError && <Alert tone="danger">{state.formError}</Alert>}
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
    </>
  );
}

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/**
 * A one-button form for a server action (publish, close, fund, …) with hidden fields and its outcome. With
 * `confirmText`, the button first opens the in-page confirmation (ConfirmDialog), whose "Yes, …" button sends it.
 */
export function ActionButton({ action, fields, label, pendingText, variant, confirmText, confirmDetail, confirmLabel }: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  /** The confirmation's question ("Close submissions now and start judging?"). */
  confirmText?: string;
  /** What follows, in a sentence under the question. */
  confirmDetail?: string;
  /** The confirming button; "Yes, <label>" by default. */
  confirmLabel?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.formError) setConfirming(false);
  }, [state]);

  if (!confirmText) {
    return (
      <form action={formAction} className="action-form">
        <HiddenFields fields={fields} />
        <SubmitButton pendingText={pendingText} variant={variant}>
          {label}
        </SubmitButton>
        <FormMessages state={state} />
      </form>
    );
  }
  return (
    <div className="action-form">
      {!confirming && (
        <Button ref={openerRef} variant={variant} onClick={() => setConfirming(true)}>
          {label}
        </Button>
      )}
      <ConfirmDialog open={confirming} title={confirmText} tone={variant === 'danger' ? 'danger' : 'info'} onClose={() => setConfirming(false)} returnFocusTo={openerRef}>
        {confirmDetail && <p>{confirmDetail}</p>}
        <form action={formAction} className="row">
          <HiddenFields fields={fields} />
          <SubmitButton pendingText={pendingText} variant={variant === 'danger' ? 'danger' : 'primary'}>
            {confirmLabel ?? `Yes, ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
          </SubmitButton>
          <Button variant="secondary" onClick={() => setConfirming(false)}>Not now</Button>
        </form>
      </ConfirmDialog>
      <FormMessages state={state} />
    </div>
  );
}
