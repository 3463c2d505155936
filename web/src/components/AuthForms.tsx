'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import type { FormState } from '@/lib/errors';
import { emailError, INVALID_RESET_LINK_MESSAGE, newPasswordError, validateNewPassword } from '@/lib/passwords';
import { FormMessages, SubmitButton, useClientChecked } from './forms';
import { Alert, TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export function validateLogin(email: string, password: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const emailProblem = emailError(email);
  if (emailProblem) errors.email = emailProblem;
  if (!password) errors.password = 'Enter your password';
  return errors;
}

export function validateSignUp(displayName: string, email: string, password: string): Record<string, string> {
  const errors = validateLogin(email, password);
  if (!displayName.trim()) errors.displayName = 'Enter the name people will see';
  else if (displayName.trim().length > 80) errors.displayName = 'At most 80 characters';
  const passwordProblem = newPasswordError(password);
  if (passwordProblem) errors.password = passwordProblem;
  return errors;
}

export function validateForgotPassword(email: string): Record<string, string> {
  const emailProblem = emailError(email);
  return emailProblem ? { email: emailProblem } : {};
}

const str = (fd: FormData, name: string) => String(fd.get(name) ?? '');

export function LoginForm({ action, next }: { action: Action; next?: string }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd) => validateLogin(str(fd, 'email'), str(fd, 'password')));
  const errors = { ...state.fieldErrors, ...clientErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-label="Log in">
      {state.code === 'RATE_LIMITED' ? (
        // Blocked after too many failures: resetting the password lifts the block at once.
        <Alert tone="danger">
          {state.formError} <Link href="/forgot-password">Reset your password</Link> to log in now.
        </Alert>
      ) : (
        <FormMessages state={state} />
      )}
      <input type="hidden" name="next" value={next ?? '/'} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <SubmitButton pendingText="Logging in…">Log in</SubmitButton>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
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
  const emailTaken = state.code === 'CONFLICT' && Boolean(state.fieldErrors?.email);
  const loginHref = `/login${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-label="Sign up">
      {emailTaken ? (
        <Alert tone="danger" title="This email already has an account">
          <Link href={loginHref}>Log in instead</Link>, or <Link href="/forgot-password">reset your password</Link> if you forgot it.
        </Alert>
      ) : (
        <FormMessages state={state} />
      )}
      <input type="hidden" name="next" value={next ?? '/'} />
      {/* What was typed comes back after a refusal (React resets a form after its action); never the password. */}
      <TextField label="Display name" name="displayName" autoComplete="name" required maxLength={80} defaultValue={state.values?.displayName} error={errors.displayName} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters" error={errors.password} />
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
      <p>
        Already have an account? <Link href={loginHref}>Log in</Link>
      </p>
    </form>
  );
}

export function ForgotPasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd) => validateForgotPassword(str(fd, 'email')));
  const errors = { ...state.fieldErrors, ...clientErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-label="Request a password reset link">
      <FormMessages state={state} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={errors.email} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
      <p>
        Remembered it? <Link href="/login">Log in</Link>
      </p>
    </form>
  );
}

/** A dead link (unknown, used, expired or without a token): the message, and the way to a new one. */
export function InvalidResetLink({ message = INVALID_RESET_LINK_MESSAGE }: { message?: string }) {
  return (
    <div className="stack">
      <Alert tone="danger">{message}</Alert>
      <p>
        <Link href="/forgot-password">Request a new link</Link>
      </p>
    </div>
  );
}

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd) => validateNewPassword(str(fd, 'newPassword'), str(fd, 'confirmPassword')));
  if (state.fieldErrors?.token) return <InvalidResetLink message={state.fieldErrors.token} />;
  const errors = { ...state.fieldErrors, ...clientErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-label="Choose a new password">
      <FormMessages state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 10 characters" error={errors.newPassword} />
      <TextField label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <SubmitButton pendingText="Changing password…">Change password</SubmitButton>
    </form>
  );
}
