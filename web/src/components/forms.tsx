'use client';

import { useActionState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/errors';
import { Alert, Button, Spinner, type Variant } from './ui';

export function SubmitButton({ children, pendingText, variant = 'primary' }: { children: ReactNode; pendingText?: string; variant?: Variant }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? (
        <>
          <Spinner label={pendingText ?? 'Working'} /> {pendingText ?? 'Working…'}
        </>
      ) : (
        children
      )}
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

/** A one-button form for a server action (publish, close, fund, …) with hidden fields and its outcome. */
export function ActionButton({ action, fields, label, pendingText, variant, confirmText }: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  confirmText?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="action-form"
      onSubmit={(e) => {
        if (confirmText && !window.confirm(confirmText)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingText={pendingText} variant={variant}>
        {label}
      </SubmitButton>
      <FormMessages state={state} />
    </form>
  );
}
