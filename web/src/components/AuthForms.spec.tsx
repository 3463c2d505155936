import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { LoginForm, SignUpForm, validateLogin } from './AuthForms';

describe('LoginForm', () => {
  it('has labelled email and password fields and a submit button', () => {
    render(<LoginForm action={jest.fn()} />);
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  });

  it('checks the fields before calling the server', async () => {
    const action = jest.fn(async (): Promise<FormState> => ({}));
    render(<LoginForm action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Enter your email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(action).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Enter an email address like name@example.com')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it('sends the credentials and the return path, and shows the server error', async () => {
    const action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ formError: 'Invalid email or password' }));
    render(<LoginForm action={action} next="/sponsor" />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@solver.demo');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const fd = action.mock.calls[0][1];
    expect(fd.get('email')).toBe('ada@solver.demo');
    expect(fd.get('password')).toBe('wrong-password');
    expect(fd.get('next')).toBe('/sponsor');
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password');
  });

  it('validates like the form does', () => {
    expect(validateLogin('a@b.co', 'x')).toEqual({});
    expect(validateLogin(' ', '')).toEqual({ email: 'Enter your email address', password: 'Enter your password' });
  });
});

describe('SignUpForm', () => {
  it('keeps what was typed (never the password) after a taken email, and offers to log in instead', async () => {
    const action = jest.fn(async (_prev: FormState, fd: FormData): Promise<FormState> => ({
      code: 'CONFLICT', formError: 'Please correct the highlighted fields.', fieldErrors: { email: 'An account with this email already exists.' },
      values: { displayName: String(fd.get('displayName')), email: String(fd.get('email')) },
    }));
    render(<SignUpForm action={action} next="/challenges/c1" />);
    await userEvent.type(screen.getByLabelText('Display name'), 'Ada');
    await userEvent.type(screen.getByLabelText('Email'), 'ada@solver.demo');
    await userEvent.type(screen.getByLabelText('Password'), 'long-enough-password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('link', { name: 'Log in instead' })).toHaveAttribute('href', '/login?next=%2Fchallenges%2Fc1');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('An account with this email already exists.');
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveValue('ada@solver.demo'));
    expect(screen.getByLabelText('Display name')).toHaveValue('Ada');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });
});
