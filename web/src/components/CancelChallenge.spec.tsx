import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { canCancelChallenge, deadlineIsAhead } from '@/lib/challenges';
import { CancelChallenge, cancelConsequences } from './CancelChallenge';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;
const renderCancel = (action: Action, props: Partial<{ funded: boolean; submissionCount: number }> = {}) =>
  render(<CancelChallenge action={action} challengeId="ch-1" title="Cheap membranes" funded={props.funded ?? true} submissionCount={props.submissionCount ?? 2} />);
const opener = () => screen.getByRole('button', { name: 'Cancel challenge' });

describe('canCancelChallenge (the server rule)', () => {
  it('allows DRAFT, OPEN and JUDGING while no prize is awarded', () => {
    for (const status of ['DRAFT', 'OPEN', 'JUDGING']) expect(canCancelChallenge({ status, prizes: [{ award: null }] })).toBe(true);
    for (const status of ['AWARDED', 'CLOSED', 'CANCELLING', 'CANCELLED']) expect(canCancelChallenge({ status, prizes: [] })).toBe(false);
    expect(canCancelChallenge({ status: 'JUDGING', prizes: [{ award: null }, { award: { id: 'a1' } }] })).toBe(false);
  });

  it('counts down to the deadline only while it is ahead (not once closed early or cancelled)', () => {
    expect(['DRAFT', 'OPEN'].filter(deadlineIsAhead)).toEqual(['DRAFT', 'OPEN']);
    expect(['JUDGING', 'AWARDED', 'CLOSED', 'CANCELLING', 'CANCELLED'].filter(deadlineIsAhead)).toEqual([]);
  });

  it('describes the consequences', () => {
    expect(cancelConsequences({ funded: true, submissionCount: 1 })).toEqual([
      'The challenge is closed for good: this cannot be undone.',
      'The 1 submission received will not be judged.',
      'The prize pool is refunded to you; the platform fee is kept.',
    ]);
    expect(cancelConsequences({ funded: false, submissionCount: 0 })).toEqual([
      'The challenge is closed for good: this cannot be undone.',
      'Nothing has been paid, so nothing is refunded.',
    ]);
  });
});

describe('CancelChallenge', () => {
  it('asks for confirmation in the page and can be backed out of with the keyboard', async () => {
    const action = jest.fn<Promise<FormState>, [FormState, FormData]>(async () => ({}));
    renderCancel(action);
    await userEvent.click(opener());
    const group = screen.getByRole('group', { name: 'Cancel “Cheap membranes”?' });
    expect(group).toHaveTextContent('The 2 submissions received will not be judged.');
    expect(group).toHaveTextContent('The prize pool is refunded to you; the platform fee is kept.');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Cancel “Cheap membranes”?' })).toHaveFocus());

    await userEvent.click(screen.getByRole('button', { name: 'Keep challenge' }));
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    await waitFor(() => expect(opener()).toHaveFocus());

    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('group')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    await waitFor(() => expect(opener()).toHaveFocus());
    expect(action).not.toHaveBeenCalled();
  });

  it('sends the cancel transition once confirmed', async () => {
    const action = jest.fn<Promise<FormState>, [FormState, FormData]>(async () => ({}));
    renderCancel(action);
    await userEvent.click(opener());
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel challenge' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const fd = action.mock.calls[0][1];
    expect(fd.get('challengeId')).toBe('ch-1');
    expect(fd.get('op')).toBe('cancel');
  });

  it('shows the server’s refusal clearly (FAILED_PRECONDITION)', async () => {
    const action = jest.fn(async (): Promise<FormState> => ({
      formError: 'A challenge cannot be cancelled once a prize is awarded', code: 'FAILED_PRECONDITION',
    }));
    renderCancel(action);
    await userEvent.click(opener());
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel challenge' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This challenge can no longer be cancelled');
    expect(alert).toHaveTextContent('A challenge cannot be cancelled once a prize is awarded');
    expect(alert).toHaveTextContent('Reload the page');
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    await waitFor(() => expect(opener()).toHaveFocus());
  });

  it('titles a FORBIDDEN refusal and shows its message', async () => {
    renderCancel(async () => ({ formError: 'Only an OWNER or ADMIN of the organization can do this', code: 'FORBIDDEN' }), { funded: false, submissionCount: 0 });
    await userEvent.click(opener());
    expect(screen.getByRole('group')).toHaveTextContent('Nothing has been paid, so nothing is refunded.');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel challenge' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You are not allowed to cancel this challenge');
    expect(alert).toHaveTextContent('Only an OWNER or ADMIN of the organization can do this');
  });
});
