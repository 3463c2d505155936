import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { validateMember } from '@/lib/organizations';
import { MemberForm } from './MemberForm';

const USER = '3f2b8c1e-9a4d-4e6b-8c2f-1a2b3c4d5e6f';
type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;

describe('validateMember', () => {
  it('checks the id shape and the role', () => {
    expect(validateMember(` ${USER} `, 'ADMIN')).toEqual({});
    expect(validateMember('', 'MEMBER')).toEqual({ userId: 'Enter the person’s user ID' });
    expect(validateMember('bob@example.com', 'OWNER').userId).toMatch(/looks like/);
    expect(validateMember(USER, 'KING')).toEqual({ role: 'Choose a role' });
  });
});

describe('MemberForm', () => {
  it('has labelled fields, MEMBER by default, and explains an admin’s limits', () => {
    render(<MemberForm action={jest.fn()} organizationId="org-1" viewerRole="ADMIN" />);
    expect(screen.getByLabelText('User ID')).toHaveValue('');
    expect(screen.getByLabelText('Role')).toHaveValue('MEMBER');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Member', 'Admin', 'Owner']);
    expect(screen.getByLabelText('Role')).toHaveAccessibleDescription(/only an owner can grant or change the admin and owner roles/);
  });

  it('checks the user ID before calling the server', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
    render(<MemberForm action={action} organizationId="org-1" viewerRole="OWNER" />);
    await userEvent.click(screen.getByRole('button', { name: 'Save member' }));
    expect(screen.getByLabelText('User ID')).toHaveAccessibleDescription('Enter the person’s user ID');
    expect(screen.getByLabelText('User ID')).toHaveFocus();
    await userEvent.type(screen.getByLabelText('User ID'), 'not-an-id');
    await userEvent.click(screen.getByRole('button', { name: 'Save member' }));
    expect(screen.getByLabelText('User ID')).toHaveAttribute('aria-invalid', 'true');
    expect(action).not.toHaveBeenCalled();
  });

  it('sends organization, user and role, and confirms', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ ok: true, message: `User ${USER} is now an admin of this organization.` }));
    render(<MemberForm action={action} organizationId="org-1" viewerRole="OWNER" />);
    await userEvent.type(screen.getByLabelText('User ID'), USER);
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'ADMIN');
    await userEvent.click(screen.getByRole('button', { name: 'Save member' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const fd = action.mock.calls[0][1];
    expect([fd.get('organizationId'), fd.get('userId'), fd.get('role')]).toEqual(['org-1', USER, 'ADMIN']);
    expect(await screen.findByRole('status')).toHaveTextContent(`User ${USER} is now an admin of this organization.`);
  });

  it('shows the server’s FORBIDDEN message and keeps what was typed', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({
      formError: 'Only an OWNER can grant the OWNER or ADMIN role', code: 'FORBIDDEN', values: { userId: USER, role: 'OWNER' },
    }));
    render(<MemberForm action={action} organizationId="org-1" viewerRole="ADMIN" />);
    await userEvent.type(screen.getByLabelText('User ID'), USER);
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'OWNER');
    await userEvent.click(screen.getByRole('button', { name: 'Save member' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not allowed');
    expect(alert).toHaveTextContent('Only an OWNER can grant the OWNER or ADMIN role');
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
    expect(screen.getByLabelText('Role')).toHaveValue('OWNER');
  });

  it('puts a server field error on its field', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ fieldErrors: { userId: 'userId is not a valid id' }, values: { userId: USER, role: 'MEMBER' } }));
    render(<MemberForm action={action} organizationId="org-1" viewerRole="OWNER" />);
    await userEvent.type(screen.getByLabelText('User ID'), USER);
    await userEvent.click(screen.getByRole('button', { name: 'Save member' }));
    await waitFor(() => expect(screen.getByLabelText('User ID')).toHaveAccessibleDescription('userId is not a valid id'));
  });
});
