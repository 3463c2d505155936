import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { INVALID_RESET_LINK_MESSAGE, RESET_REQUESTED_MESSAGE, validateNewPassword } from '@/lib/passwords';
import { ForgotPasswordForm, LoginForm, ResetPasswordForm, validateForgotPassword } from './AuthForms';

describe('LoginForm and forgotten passwords', () => {
  it('links to the reset request', () => {
    render(<LoginForm action={jest.fn()} />);
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/forgot-password');
  });

  it('offers a reset in the message of a blocked log-in', async () => {
    const action = jest.fn(async (): Promise<FormState> => ({ formError: 'Too many failed log-ins for this email. Try again in 15 minute(s).', code: 'RATE_LIMITED' }));
    render(<LoginForm action={action} />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@solver.demo');
    await userEvent.type(screen.getByLabelText('Password'), 'a-wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many failed log-ins for this email. Try again in 15 minute(s). Reset your password to log in now.');
    expect(screen.getByRole('link', { name: 'Reset your password' })).toHaveAttribute('href', '/forgot-password');
  });
});

describe('ForgotPasswordForm', () => {
  it('has a labelled email field and checks it before calling the server', async () => {
    const action = jest.fn(async (): Promise<FormState> => ({}));
    render(<ForgotPasswordForm action={action} />);
    expect(screen.getByRole('form', { name: 'Request a password reset link' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText('Enter your email address')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText('Enter an email address like name@example.com')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it('sends the email and shows the same message whatever the answer, as a status', async () => {
    const action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ ok: true, message: RESET_REQUESTED_MESSAGE }));
    render(<ForgotPasswordForm action={action} />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@solver.demo');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0][1].get('email')).toBe('ada@solver.demo');
    const message = await screen.findByText('If an account exists for that address, we have sent a link to reset its password. It is valid for 60 minutes.');
    expect(message.closest('[role="status"]')).not.toBeNull();
  });

  it('validates like the form does', () => {
    expect(validateForgotPassword('a@b.co')).toEqual({});
    expect(validateForgotPassword(' ')).toEqual({ email: 'Enter your email address' });
  });
});

describe('ResetPasswordForm', () => {
  const fill = async (password: string, confirm: string) => {
    if (password) await userEvent.type(screen.getByLabelText('New password'), password);
    if (confirm) await userEvent.type(screen.getByLabelText('Confirm new password'), confirm);
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
  };

  it('has labelled password fields with the sign-up hint', () => {
    render(<ResetPasswordForm action={jest.fn()} token="t0k3n" />);
    expect(screen.getByLabelText('New password')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription('At least 10 characters');
    expect(screen.getByLabelText('Confirm new password')).toHaveAttribute('autocomplete', 'new-password');
  });

  it('checks the sign-up rule and the confirmation before calling the server', async () => {
    const action = jest.fn(async (): Promise<FormState> => ({}));
    render(<ResetPasswordForm action={action} token="t0k3n" />);
    await fill('', '');
    expect(await screen.findByText('Enter a new password')).toBeInTheDocument();
    expect(screen.getByText('Enter the new password again')).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveFocus();

    await fill('short', 'short');
    expect(await screen.findByText('Use at least 10 characters')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.clear(screen.getByLabelText('Confirm new password'));
    await fill('long-enough-password', 'long-enough-passwort');
    expect(await screen.findByText('The two passwords do not match')).toBeInTheDocument();
    expect(screen.getByLabelText('Confirm new password')).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it('sends the token with the new password', async () => {
    const action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
    render(<ResetPasswordForm action={action} token="t0k3n" />);
    await fill('long-enough-password', 'long-enough-password');
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const fd = action.mock.calls[0][1];
    expect([fd.get('token'), fd.get('newPassword'), fd.get('confirmPassword')]).toEqual(['t0k3n', 'long-enough-password', 'long-enough-password']);
  });

  it('shows the server’s answer to a dead link, and the way to a new one', async () => {
    const action = jest.fn(async (): Promise<FormState> => ({ fieldErrors: { token: INVALID_RESET_LINK_MESSAGE } }));
    render(<ResetPasswordForm action={action} token="used" />);
    await fill('long-enough-password', 'long-enough-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('This reset link is invalid or has expired.');
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', '/forgot-password');
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
  });

  it('shows a server refusal of the password at its field', async () => {
    const action = jest.fn(async (): Promise<FormState> => ({ fieldErrors: { newPassword: 'newPassword: must be at most 256 characters' } }));
    render(<ResetPasswordForm action={action} token="t0k3n" />);
    await fill('long-enough-password', 'long-enough-password');
    expect(await screen.findByText('newPassword: must be at most 256 characters')).toBeInTheDocument();
  });

  it('validates like the form does', () => {
    expect(validateNewPassword('long-enough-password', 'long-enough-password')).toEqual({});
    expect(validateNewPassword('short', 'other')).toEqual({ newPassword: 'Use at least 10 characters', confirmPassword: 'The two passwords do not match' });
  });
});
