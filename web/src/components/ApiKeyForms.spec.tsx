import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiKeyFormState } from '@/lib/api-keys';
import { CreateApiKeyForm } from './ApiKeyForms';

type Action = jest.Mock<Promise<ApiKeyFormState>, [ApiKeyFormState, FormData]>;
const SECRET = 'igk_0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b_s3cr3t';
const renderForm = (action: Action) => render(
  <section aria-labelledby="create-key-title"><CreateApiKeyForm action={action} organizationId="o1" organizationName="Aquatech" headingId="create-key-title" /></section>,
);

describe('CreateApiKeyForm', () => {
  it('asks for a name and what the key may do, each scope a checkbox in words with what it also allows', () => {
    renderForm(jest.fn());
    expect(screen.getByRole('form', { name: 'Create an API key' })).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(/What the key is for/);
    const scopes = screen.getByRole('group', { name: 'What the key may do' });
    expect(scopes).toHaveAccessibleDescription('Only what the tool needs: the key acts for Aquatech as an admin would, within these.');
    expect(within(scopes).getAllByRole('checkbox').map((c) => c.getAttribute('value'))).toEqual(['CHALLENGES_READ', 'CHALLENGES_WRITE', 'SUBMISSIONS_READ', 'AWARDS_WRITE', 'WEBHOOKS_MANAGE']);
    expect(screen.getByRole('checkbox', { name: 'Create, fund, publish and run challenges' })).toHaveAccessibleDescription(/answer solvers’ questions/);
    expect(screen.getByRole('checkbox', { name: 'Read challenges' })).not.toBeChecked();
  });

  it('checks the name and the scopes before sending, the focus on the first to correct', async () => {
    const action: Action = jest.fn();
    renderForm(action);
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(/^Name the key in 1 to 100 characters/);
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByRole('group', { name: 'What the key may do' })).toHaveAccessibleDescription('Choose at least one thing the key may do.');
    await userEvent.type(screen.getByLabelText('Name'), 'CI deploys');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(screen.getByRole('checkbox', { name: 'Read challenges' })).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it('shows the secret once, read-only with Copy and a warning, its heading focused; "Done" brings back an empty form', async () => {
    const action: Action = jest.fn(async (_prev: ApiKeyFormState, _fd: FormData): Promise<ApiKeyFormState> => ({ ok: true, created: { id: 'k1', name: 'CI deploys', secret: SECRET } }));
    renderForm(action);
    await userEvent.type(screen.getByLabelText('Name'), 'CI deploys');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Read challenges' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Award prizes' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    const heading = await screen.findByRole('heading', { name: 'Your new key “CI deploys”' });
    const fd = action.mock.calls[0]![1];
    expect([fd.get('organizationId'), fd.get('name'), fd.getAll('scopes')]).toEqual(['o1', 'CI deploys', ['CHALLENGES_READ', 'AWARDS_WRITE']]);
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByLabelText('Secret of “CI deploys”')).toHaveValue(SECRET);
    expect(screen.getByLabelText('Secret of “CI deploys”')).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(screen.getByText('Copy the secret now: it will not be shown again.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Done: I have stored the secret' }));
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Create an API key' })).toHaveFocus());
    expect(screen.getByLabelText('Name')).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: 'Read challenges' })).not.toBeChecked();
  });

  it('shows a refusal above the form and keeps the name and the scopes ticked', async () => {
    const action: Action = jest.fn(async (_prev: ApiKeyFormState, _fd: FormData): Promise<ApiKeyFormState> => ({
      formError: 'This organization already has 50 API keys in use. Revoke one it no longer needs, then create this one.', code: 'FAILED_PRECONDITION',
      values: { name: 'CI deploys', scopes: 'SUBMISSIONS_READ' },
    }));
    renderForm(action);
    await userEvent.type(screen.getByLabelText('Name'), 'CI deploys');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Read entries' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The key was not created');
    expect(alert).toHaveTextContent('This organization already has 50 API keys in use.');
    expect(screen.getByLabelText('Name')).toHaveValue('CI deploys');
    expect(screen.getByRole('checkbox', { name: 'Read entries' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Read challenges' })).not.toBeChecked();
  });
});
