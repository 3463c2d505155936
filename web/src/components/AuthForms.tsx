'use client';

import { useActionState, useState, type FormEvent } from 'react';
import Link from 'next/link';
import type { FormState } from '@/lib/errors';
import { FormMessages, SubmitButton } from './forms';
import { TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLogin(email: string, password: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!email.trim()) errors.email = 'Enter your email address';
  else if (!EMAIL.test(email.trim())) errors.email = 'Enter an email address like name@example.com';
  if (!password) errors.password = 'Enter your password';
  return errors;
}

export function validateSignUp(displayName: string, email: string, password: string): Record<string, string> {
  const errors = validateLogin(email, password);
  if (!displayName.trim()) errors.displayName = 'Enter the name people will see';
  else if (displayName.trim().length > 80) errors.displayName = 'At most 80 characters';
  if (password && password.length < 10) errors.password = 'Use at least 10 characters';
  return errors;
}

function useClientChecked(validate: (fd: FormData) => Record<string, string>) {
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

const str = (fd: FormData, name: string) => String(fd.get(name) ?? '');

export function LoginForm({ action, next }: { action: Action; next?: string }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd) => validateLogin(str(fd, 'email'), str(fd, 'password')));
  const errors = { ...state.fieldErrors, ...clientErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-label="Log in">
      <FormMessages state={state} />
      <input type="hidden" name="next" value={next ?? '/'} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <SubmitButton pendingText="Logging in…">Log in</SubmitButton>
      <p>
        New to Ideagora? <Link href={`/signup${next ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
      </p>
    </form>
  );
}

export function SignUpForm({ action, next }: { action: Action; next?: string }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd) => validateSignUp(str(fd, 'displayName'), str(fd, 'email'), str(fd, 'password')));
  const errors = { ...state.fieldErrors, ...clientErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-label="Sign up">
      <FormMessages state={state} />
      <input type="hidden" name="next" value={next ?? '/'} />
      <TextField label="Display name" name="displayName" autoComplete="name" required maxLength={80} error={errors.displayName} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters" error={errors.password} />
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
      <p>
        Already have an account? <Link href={`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`}>Log in</Link>
      </p>
    </form>
  );
}
