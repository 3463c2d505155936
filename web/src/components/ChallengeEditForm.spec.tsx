import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { canEditChallenge, EXTEND_ONLY_HINT, FIXED_PRIZES_NOTE, toDateTimeLocal } from '@/lib/challenges';
import type { FormState } from '@/lib/errors';
import { ChallengeEditForm, type EditableChallenge } from './ChallengeEditForm';

type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;
const DEADLINE = '2030-03-01T12:34:56.789Z';
const challenge = (patch: Partial<EditableChallenge> = {}): EditableChallenge => ({
  id: 'ch-1',
  status: 'DRAFT',
  title: 'Cheap membranes',
  summary: 'Filter water for less.',
  description: 'A ceramic filter for a village.',
  terms: 'IP transfers to the sponsor.',
  type: 'DESIGN',
  visibility: 'PUBLIC',
  submissionDeadline: DEADLINE,
  currency: 'USD',
  totalPrize: { amountMinor: '700000', currency: 'USD' },
  prizes: [
    { rank: 1, label: 'First prize', amount: { amountMinor: '500000', currency: 'USD' } },
    { rank: 2, label: 'Second prize', amount: { amountMinor: '200000', currency: 'USD' } },
  ],
  ...patch,
});
const save = () => userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

describe('canEditChallenge (the server rule)', () => {
  it('offers editing to OWNERs and ADMINs while DRAFT or OPEN', () => {
    for (const status of ['DRAFT', 'OPEN']) for (const viewerRole of ['OWNER', 'ADMIN']) expect(canEditChallenge({ status, organization: { viewerRole } })).toBe(true);
    for (const viewerRole of ['MEMBER', null, undefined]) expect(canEditChallenge({ status: 'DRAFT', organization: { viewerRole } })).toBe(false);
    for (const status of ['JUDGING', 'AWARDED', 'CLOSED', 'CANCELLING', 'CANCELLED']) expect(canEditChallenge({ status, organization: { viewerRole: 'OWNER' } })).toBe(false);
  });

  it('writes an instant as a local datetime-local value', () => {
    const local = toDateTimeLocal(DEADLINE);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(new Date(local).getTime()).toBe(new Date('2030-03-01T12:34:00.000Z').getTime());
  });
});

describe('ChallengeEditForm', () => {
  it('shows a draft’s fields prefilled, with prizes and currency read-only', async () => {
    render(<ChallengeEditForm action={jest.fn()} challenge={challenge()} />);
    expect(screen.getByLabelText('Title')).toHaveValue('Cheap membranes');
    expect(screen.getByLabelText('Summary')).toHaveValue('Filter water for less.');
    expect(screen.getByLabelText('Description')).toHaveValue('A ceramic filter for a village.');
    expect(screen.getByLabelText('Terms')).toHaveValue('IP transfers to the sponsor.');
    expect(screen.getByLabelText('Type')).toHaveValue('DESIGN');
    expect(screen.getByLabelText('Visibility')).toHaveValue('PUBLIC');
    await waitFor(() => expect(screen.getByLabelText('Submission deadline')).toHaveValue(toDateTimeLocal(DEADLINE)));
    expect(screen.getByRole('heading', { name: 'Prizes and currency' })).toBeInTheDocument();
    expect(screen.getByText(FIXED_PRIZES_NOTE)).toBeInTheDocument();
    expect(screen.getByText('$5,000.00')).toBeInTheDocument();
    expect(screen.queryByLabelText(/amount/i)).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Currency')).not.toBeInTheDocument();
  });

  it('offers an OPEN challenge only its summary, description and a later deadline', async () => {
    render(<ChallengeEditForm action={jest.fn()} challenge={challenge({ status: 'OPEN' })} />);
    for (const label of ['Title', 'Terms', 'Type', 'Visibility']) expect(screen.queryByLabelText(label)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Summary')).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toBeInTheDocument();
    const deadline = screen.getByLabelText('Submission deadline');
    expect(deadline).toHaveAccessibleDescription(new RegExp(`^${EXTEND_ONLY_HINT}`));
    await waitFor(() => expect(deadline).toHaveAttribute('min', toDateTimeLocal(DEADLINE)));
    expect(screen.queryByText(FIXED_PRIZES_NOTE)).not.toBeInTheDocument();
  });

  it('sends the fields, and the deadline only once changed, as an instant', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
    render(<ChallengeEditForm action={action} challenge={challenge()} />);
    await waitFor(() => expect(screen.getByLabelText('Submission deadline')).toHaveValue(toDateTimeLocal(DEADLINE)));
    await userEvent.clear(screen.getByLabelText('Summary'));
    await userEvent.type(screen.getByLabelText('Summary'), 'A new summary.');
    await save();
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    let fd = action.mock.calls[0][1];
    expect(Object.fromEntries(['challengeId', 'title', 'summary', 'terms', 'type', 'visibility', 'submissionDeadline'].map((k) => [k, fd.get(k)]))).toEqual({
      challengeId: 'ch-1', title: 'Cheap membranes', summary: 'A new summary.', terms: 'IP transfers to the sponsor.', type: 'DESIGN', visibility: 'PUBLIC', submissionDeadline: '',
    });

    const deadline = screen.getByLabelText('Submission deadline');
    await userEvent.clear(deadline);
    await userEvent.type(deadline, '2030-04-02T09:30');
    await save();
    await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
    fd = action.mock.calls[1][1];
    expect(fd.get('submissionDeadline')).toBe(new Date('2030-04-02T09:30').toISOString());
  });

  it('shows the server’s refusals by field', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({
      code: 'FAILED_PRECONDITION',
      formError: 'Please correct the highlighted fields.',
      fieldErrors: { submissionDeadline: 'submissionDeadline: the deadline of an OPEN challenge can only be extended (later than the current one), never shortened', summary: 'summary: is required' },
      values: { summary: ' ', description: 'Kept' },
    }));
    render(<ChallengeEditForm action={action} challenge={challenge({ status: 'OPEN' })} />);
    await save();
    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
    expect(screen.getByLabelText('Submission deadline')).toHaveAccessibleDescription(/can only be extended/);
    expect(screen.getByLabelText('Submission deadline')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Summary')).toHaveAccessibleDescription('summary: is required');
    expect(screen.getByLabelText('Description')).toHaveValue('Kept');
  });

  it('a draft’s judging settings: the guarantee (sent ticked or not), the judging deadline only when changed, places per prize shown', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
    render(<ChallengeEditForm action={action} challenge={challenge({
      guaranteed: false, judgingDeadline: '2030-03-31T12:34:56.789Z',
      prizes: [{ rank: 1, label: 'Mention', quantity: 10, amount: { amountMinor: '5000', currency: 'USD' } }],
    })} />);
    expect(screen.getByText('1. 10 × Mention')).toBeInTheDocument();
    const judging = screen.getByLabelText('Judging deadline');
    await waitFor(() => expect(judging).toHaveValue(toDateTimeLocal('2030-03-31T12:34:56.789Z')));
    expect(judging).toHaveAccessibleDescription(/^Default: 30 days after the submission deadline, and it moves with it/);
    await userEvent.click(screen.getByLabelText('Guarantee the prizes'));
    await save();
    await waitFor(() => expect(action).toHaveBeenCalled());
    let fd = action.mock.calls[0]![1];
    expect([fd.get('guaranteedShown'), fd.get('guaranteed'), fd.get('judgingDeadline')]).toEqual(['yes', 'yes', '']);
    await userEvent.clear(judging);
    await userEvent.type(judging, '2030-04-10T10:00');
    // After an action the form is reset (the page redirects on success): the box is back to unticked.
    expect(screen.getByLabelText('Guarantee the prizes')).not.toBeChecked();
    await save();
    await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
    fd = action.mock.calls[1]![1];
    expect(fd.get('guaranteed')).toBeNull();
    expect(fd.get('judgingDeadline')).toBe(new Date('2030-04-10T10:00').toISOString());
  });

  it('an open challenge has no judging settings to change', () => {
    render(<ChallengeEditForm action={jest.fn()} challenge={challenge({ status: 'OPEN', judgingDeadline: '2030-03-31T12:34:56.789Z' })} />);
    expect(screen.queryByLabelText('Judging deadline')).toBeNull();
    expect(screen.queryByLabelText('Guarantee the prizes')).toBeNull();
  });

  describe('entries settings (DRAFT)', () => {
    const WINDOW = { startsAt: '2030-03-02T08:15:30.000Z', endsAt: '2030-03-20T08:15:30.000Z' };

    it('shows who sees the entries and the voting window; an untouched window is sent back as it was', async () => {
      const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
      render(<ChallengeEditForm action={action} challenge={challenge({ submissionVisibility: 'GALLERY', votingWindow: WINDOW, prizes: [{ rank: 1, label: 'Crowd', amount: { amountMinor: '100', currency: 'USD' }, communityChoice: true }] })} />);
      expect(screen.getByRole('group', { name: 'Who sees the entries' })).toBeInTheDocument();
      expect(screen.getByRole('radio', { name: /^Public gallery:/ })).toBeChecked();
      await waitFor(() => expect(screen.getByLabelText('Voting opens')).toHaveValue(toDateTimeLocal(WINDOW.startsAt)));
      expect(screen.getByText('1. Crowd (community choice)')).toBeInTheDocument();
      await save();
      await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
      const fd = action.mock.calls[0][1];
      expect([fd.get('submissionVisibility'), fd.get('votingShown'), fd.get('votingStartsAt'), fd.get('votingEndsAt')]).toEqual(['GALLERY', 'yes', WINDOW.startsAt, WINDOW.endsAt]);
    });

    it('sends a changed window as instants, and none once sealed', async () => {
      const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
      render(<ChallengeEditForm action={action} challenge={challenge({ submissionVisibility: 'GALLERY', votingWindow: WINDOW })} />);
      await waitFor(() => expect(screen.getByLabelText('Voting closes')).toHaveValue(toDateTimeLocal(WINDOW.endsAt)));
      const closes = screen.getByLabelText('Voting closes');
      await userEvent.clear(closes);
      await userEvent.type(closes, '2030-03-25T18:00');
      await save();
      await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
      expect(action.mock.calls[0][1].get('votingEndsAt')).toBe(new Date('2030-03-25T18:00').toISOString());
      await userEvent.click(screen.getByRole('radio', { name: 'Sealed: only you and your judges see entries' }));
      expect(screen.queryByLabelText('Voting opens')).not.toBeInTheDocument();
      expect(screen.getByText(/Entries are sealed, so the public cannot vote/)).toBeInTheDocument();
      await save();
      await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
      const fd = action.mock.calls[1][1];
      expect([fd.get('submissionVisibility'), fd.get('votingStartsAt'), fd.get('votingEndsAt')]).toEqual(['SEALED', '', '']);
    });

    it('shows the refusals by field', async () => {
      const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({
        formError: 'Please correct the highlighted fields.',
        fieldErrors: { 'voting.endsAt': 'Voting must close after it opens.', submissionVisibility: 'Pick one.' },
      }));
      render(<ChallengeEditForm action={action} challenge={challenge({ submissionVisibility: 'GALLERY_AFTER_CLOSE', votingWindow: WINDOW })} />);
      await save();
      expect(await screen.findByText('Voting must close after it opens.')).toBeInTheDocument();
      expect(screen.getByLabelText('Voting closes')).toHaveAccessibleDescription('Voting must close after it opens.');
      expect(screen.getByRole('group', { name: 'Who sees the entries' })).toHaveAccessibleDescription('Pick one.');
    });

    it('is not offered once published', () => {
      render(<ChallengeEditForm action={jest.fn()} challenge={challenge({ status: 'OPEN', submissionVisibility: 'GALLERY', votingWindow: WINDOW })} />);
      expect(screen.queryByRole('group', { name: 'Who sees the entries' })).not.toBeInTheDocument();
      expect(screen.queryByLabelText('Voting opens')).not.toBeInTheDocument();
    });
  });
});
