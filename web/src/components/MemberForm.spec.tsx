import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { validateInvite } from '@/lib/organizations';
import { InviteMemberForm, MemberRoleForm } from './MemberForm';

const USER = '3f2b8c1e-9a4d-4e6b-8c2f-1a2b3c4d5e6f';
type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;

describe('validateInvite', () => {
  it('checks the address and the role', () => {
    expect(validateInvite(' ada@example.com ', 'ADMIN')).toEqual({});
    expect(validateInvite('', 'MEMBER')).toEqual({ email: 'Enter the email address of the person to invite' });
    for (const bad of [USER, 'ada@', 'ada example@x.com', 'ada@example', `${'a'.repeat(250)}@x.com`]) {
      expect([bad, validateInvite(bad, 'OWNER').email]).toEqual([bad, 'Enter an email address like name@example.com']);
    }
    expect(validateInvite('ada@example.com', 'KING')).toEqual({ role: 'Choose a role' });
  });
});

describe('InviteMemberForm', () => {
  it('asks for an email address, never an id; MEMBER by default; explains an admin’s limits', () => {
    render(<InviteMemberForm action={jest.fn()} organizationId="org-1" viewerRole="ADMIN" />);
    expect(screen.getByLabelText('Email address')).toHaveValue('');
    expect(screen.getByLabelText('Email address')).toHaveAttribute('type', 'email');
    expect(screen.queryByLabelText(/user id/i)).toBeNull();
    expect(screen.getByLabelText('Role')).toHaveValue('MEMBER');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Member', 'Admin', 'Owner']);
    expect(screen.getByLabelText('Role')).toHaveAccessibleDescription(/only an owner can invite admins and owners/);
  });

  it('checks the address inline before calling the server', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
    render(<InviteMemberForm action={action} organizationId="org-1" viewerRole="OWNER" />);
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription('Enter the email address of the person to invite');
    expect(screen.getByLabelText('Email address')).toHaveFocus();
    await userEvent.type(screen.getByLabelText('Email address'), 'ada at example');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(screen.getByLabelText('Email address')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription('Enter an email address like name@example.com');
    expect(action).not.toHaveBeenCalled();
  });

  it('sends organization, email and role, and confirms', async () => {
    const message = 'Invitation sent to ada@example.com. They join as an admin once they accept it (within 14 days).';
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ ok: true, message }));
    render(<InviteMemberForm action={action} organizationId="org-1" viewerRole="OWNER" />);
    await userEvent.type(screen.getByLabelText('Email address'), 'ada@example.com');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'ADMIN');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const fd = action.mock.calls[0][1];
    expect([fd.get('organizationId'), fd.get('email'), fd.get('role')]).toEqual(['org-1', 'ada@example.com', 'ADMIN']);
    expect(await screen.findByRole('status')).toHaveTextContent(message);
  });

  it('shows a refusal with a title and keeps what was typed', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({
      formError: 'Only an owner can grant or change the admin and owner roles.', code: 'FORBIDDEN', values: { email: 'ada@example.com', role: 'OWNER' },
    }));
    render(<InviteMemberForm action={action} organizationId="org-1" viewerRole="ADMIN" />);
    await userEvent.type(screen.getByLabelText('Email address'), 'ada@example.com');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'OWNER');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not allowed');
    expect(alert).toHaveTextContent('Only an owner can grant or change the admin and owner roles.');
    expect(screen.getByLabelText('Email address')).toHaveValue('ada@example.com');
    expect(screen.getByLabelText('Role')).toHaveValue('OWNER');
  });

  it('puts a server field error on its field', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ fieldErrors: { email: 'Enter an email address like name@example.com' }, values: { email: 'ada@exa_mple.c', role: 'MEMBER' } }));
    render(<InviteMemberForm action={action} organizationId="org-1" viewerRole="OWNER" />);
    await userEvent.type(screen.getByLabelText('Email address'), 'ada@exa_mple.c');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription('Enter an email address like name@example.com'));
  });
});

describe('MemberRoleForm', () => {
  it('changes one member’s role, named by the member, and confirms', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ ok: true, message: 'Ada is now an admin.', values: { role: 'ADMIN' } }));
    render(<MemberRoleForm action={action} organizationId="org-1" userId={USER} name="Ada" role="MEMBER" />);
    expect(screen.getByLabelText('Role of Ada')).toHaveValue('MEMBER');
    await userEvent.selectOptions(screen.getByLabelText('Role of Ada'), 'ADMIN');
    await userEvent.click(screen.getByRole('button', { name: 'Change role of Ada' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const fd = action.mock.calls[0][1];
    expect([fd.get('organizationId'), fd.get('userId'), fd.get('role')]).toEqual(['org-1', USER, 'ADMIN']);
    expect(await screen.findByRole('status')).toHaveTextContent('Ada is now an admin.');
    expect(screen.getByLabelText('Role of Ada')).toHaveValue('ADMIN');
  });
});
