import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WebhookFormState } from '@/lib/webhooks';
import { CreateWebhookEndpointForm } from './WebhookForms';

type Action = jest.Mock<Promise<WebhookFormState>, [WebhookFormState, FormData]>;
const SECRET = 'whsec_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
const URL = 'https://hooks.aquatech.example/ideagora';
const renderForm = (action: Action) => render(
  <section aria-labelledby="create-webhook-title"><CreateWebhookEndpointForm action={action} organizationId="o1" organizationName="Aquatech" headingId="create-webhook-title" /></section>,
);

describe('CreateWebhookEndpointForm', () => {
  it('asks for the address and the events, each in words with its JSON type for developers', () => {
    renderForm(jest.fn());
    expect(screen.getByRole('form', { name: 'Add a webhook endpoint' })).toBeInTheDocument();
    expect(screen.getByLabelText('Endpoint URL')).toHaveAccessibleDescription(/Where Ideagora sends each event/);
    const events = screen.getByRole('group', { name: 'Events to send' });
    expect(events).toHaveAccessibleDescription('What happens to Aquatech’s challenges that your receiver is told about.');
    expect(within(events).getAllByRole('checkbox')).toHaveLength(8);
    expect(screen.getByRole('checkbox', { name: 'A challenge is published' })).toHaveAccessibleDescription('Sent as challenge.published');
    expect(screen.getByRole('checkbox', { name: 'A winner’s payment fails' })).toHaveAccessibleDescription('Sent as payout.failed');
  });

  it('checks the address and the events before sending, the focus on the first to correct', async () => {
    const action: Action = jest.fn();
    renderForm(action);
    await userEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(screen.getByLabelText('Endpoint URL')).toHaveAccessibleDescription(/^Enter the full address of your receiver/);
    expect(screen.getByLabelText('Endpoint URL')).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Events to send' })).toHaveAccessibleDescription('Choose at least one event to be told about.');
    await userEvent.type(screen.getByLabelText('Endpoint URL'), URL);
    await userEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(screen.getByRole('checkbox', { name: 'A challenge is published' })).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it('shows the signing secret once, read-only with Copy and a warning, its heading focused; "Done" brings back an empty form', async () => {
    const action: Action = jest.fn(async (_prev: WebhookFormState, _fd: FormData): Promise<WebhookFormState> => ({ ok: true, created: { id: 'w1', url: URL, secret: SECRET } }));
    renderForm(action);
    await userEvent.type(screen.getByLabelText('Endpoint URL'), URL);
    await userEvent.click(screen.getByRole('checkbox', { name: 'A challenge is published' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'A prize is awarded' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const heading = await screen.findByRole('heading', { name: 'Your new webhook endpoint' });
    const fd = action.mock.calls[0]![1];
    expect([fd.get('organizationId'), fd.get('url'), fd.getAll('events')]).toEqual(['o1', URL, ['CHALLENGE_PUBLISHED', 'PRIZE_AWARDED']]);
    await waitFor(() => expect(heading).toHaveFocus());
    const field = screen.getByLabelText(`Signing secret of ${URL}`);
    expect(field).toHaveValue(SECRET);
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(screen.getByText('Copy the secret now: it will not be shown again.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Done: I have stored the secret' }));
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Add a webhook endpoint' })).toHaveFocus());
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: 'A challenge is published' })).not.toBeChecked();
  });

  it('shows a refusal above the form and keeps the address and the events ticked', async () => {
    const action: Action = jest.fn(async (_prev: WebhookFormState, _fd: FormData): Promise<WebhookFormState> => ({
      formError: 'This organization already has 20 webhook endpoints. Delete one it no longer needs, then create this one.', code: 'FAILED_PRECONDITION',
      values: { url: URL, events: 'SUBMISSION_CREATED' },
    }));
    renderForm(action);
    await userEvent.type(screen.getByLabelText('Endpoint URL'), URL);
    await userEvent.click(screen.getByRole('checkbox', { name: 'An entry is submitted' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The endpoint was not created');
    expect(alert).toHaveTextContent('This organization already has 20 webhook endpoints.');
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue(URL);
    expect(screen.getByRole('checkbox', { name: 'An entry is submitted' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'A challenge is published' })).not.toBeChecked();
  });
});
