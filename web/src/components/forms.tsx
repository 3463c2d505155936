'use client';

import { useActionState, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ConfirmDialog } from './Dialog';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/errors';
import { Alert, Button, type Variant } from './ui';

/** `disabledReason`: the button is held, and this sentence (shown under it, its description) says why. */
export function SubmitButton({ children, pendingText, variant = 'primary', disabledReason }: { children: ReactNode; pendingText?: string; variant?: Variant; disabledReason?: string | null }) {
  const { pending } = useFormStatus();
  const reasonId = useId();
  return (
    <>
      <Button type="submit" variant={variant} loading={pending} loadingText={pendingText ?? 'Working…'} disabled={Boolean(disabledReason)} aria-describedby={disabledReason ? reasonId : undefined}>
        {children}
      </Button>
      {disabledReason && <p className="field-hint" id={reasonId}>{disabledReason}</p>}
    </>
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

/**
 * The one validation style: every form has `noValidate` (no browser bubbles) and checks what it can before sending,
 * with the same inline errors as the server's (Field's error, linked by aria-describedby). A form with errors is
 * not sent and its first invalid field takes the focus.
 */
export function useClientChecked(validate: (fd: FormData) => Record<string, string>) {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const errors = validate(new FormData(event.currentTarget));
    setClientErrors(errors);
    if (Object.keys(errors).length) {
      event.preventDefault();
      const first = event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(errors)[0]}"]`);
      first?.focus();
    }
  };
  return { clientErrors, onSubmit };
}

/** A validator for required fields: each name whose value is blank (or a box unticked) gets its message. */
export function requiredFields(messages: Record<string, string>) {
  return (fd: FormData): Record<string, string> => {
    const errors: Record<string, string> = {};
    for (const [name, message] of Object.entries(messages)) {
      const value = fd.get(name);
      if (typeof value !== 'string' || !value.trim()) errors[name] = message;
    }
    return errors;
  };
}

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
  /** `danger` or `danger-outline` (a quieter button, in a list's rows): the confirmation is a danger one (cannot be undone). */
  variant?: 'primary' | 'secondary' | 'danger' | 'danger-outline';
  /** The confirmation's question ("Close submissions now and start judging?"). */
  confirmText?: string;
  /** What follows, in a sentence under the question. */
  confirmDetail?: string;
  /** The confirming button; "Yes, <label>" by default. */
  confirmLabel?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  const danger = variant === 'danger' || variant === 'danger-outline';
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
      <ConfirmDialog open={confirming} title={confirmText} tone={danger ? 'danger' : 'info'} onClose={() => setConfirming(false)} returnFocusTo={openerRef}>
        {confirmDetail && <p>{confirmDetail}</p>}
        <form action={formAction} className="row">
          <HiddenFields fields={fields} />
          <SubmitButton pendingText={pendingText} variant={danger ? 'danger' : 'primary'}>
            {confirmLabel ?? `Yes, ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
          </SubmitButton>
          <Button variant="secondary" onClick={() => setConfirming(false)}>Not now</Button>
        </form>
      </ConfirmDialog>
      <FormMessages state={state} />
    </div>
  );
}
