/** Inviting judges, answering an invitation, the rubric editor's live check, the judges card. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { FeedbackCard } from './FeedbackCard';
import { JudgesCard } from './JudgesCard';
import { ChallengeInvitationAnswer, InviteJudgesForm, RubricForm } from './JudgingForms';

type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;

describe('InviteJudgesForm', () => {
  it('checks the addresses in the page, naming a bad one, then sends them all', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ ok: true, message: 'Invitations sent.' }));
    render(<InviteJudgesForm action={action} challengeId="c1" />);
    const field = screen.getByLabelText('Judges’ email addresses');
    await userEvent.type(field, 'ada@example.com, nope');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitations' }));
    expect(field).toHaveAccessibleDescription('“nope” is not an email address like name@example.com');
    expect(field).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
    await userEvent.clear(field);
    await userEvent.type(field, 'ada@example.com{Enter}bo@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitations' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    expect(action.mock.calls[0]![1].get('emails')).toBe('ada@example.com\nbo@example.com');
    expect(await screen.findByText('Invitations sent.')).toBeInTheDocument();
  });
});

describe('ChallengeInvitationAnswer', () => {
  it('has Accept and Decline buttons named after the challenge, the pressed one is the answer', () => {
    render(<ChallengeInvitationAnswer action={jest.fn()} invitationId="i1" challengeTitle="Cheap membranes" />);
    expect(screen.getByRole('button', { name: 'Accept to judge Cheap membranes' })).toHaveAttribute('value', 'accept');
    expect(screen.getByRole('button', { name: 'Decline to judge Cheap membranes' })).toHaveAttribute('value', 'decline');
  });
});

describe('RubricForm', () => {
  it('says live whether the weights add up to 100 %, and saves criteria with keys from their names', async () => {
    const action = jest.fn(async () => ({ ok: true, message: 'Judging criteria saved.' }));
    render(<RubricForm challengeId="c1" initial={[{ key: 'overall', label: 'Overall', description: '', weight: '100' }]} action={action} />);
    expect(screen.getByText('Weights add up to 100 %.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Criterion 1 name'));
    await userEvent.type(screen.getByLabelText('Criterion 1 name'), 'Cost');
    await userEvent.clear(screen.getByLabelText('Criterion 1 weight (%)'));
    await userEvent.type(screen.getByLabelText('Criterion 1 weight (%)'), '60');
    await userEvent.click(screen.getByRole('button', { name: 'Add a criterion' }));
    await userEvent.type(screen.getByLabelText('Criterion 2 name'), 'Impact');
    await userEvent.type(screen.getByLabelText('Criterion 2 weight (%)'), '30');
    expect(screen.getByText('Weights add up to 90 %: they must add up to 100 %.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save judging criteria' }));
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Weights add up to 90 %: they must add up to 100 %.');
    await userEvent.clear(screen.getByLabelText('Criterion 2 weight (%)'));
    await userEvent.type(screen.getByLabelText('Criterion 2 weight (%)'), '40');
    await userEvent.click(screen.getByRole('button', { name: 'Save judging criteria' }));
    await waitFor(() => expect(action).toHaveBeenCalledWith('c1', [
      { key: 'cost', label: 'Cost', description: '', weightPercent: 60 },
      { key: 'impact', label: 'Impact', description: '', weightPercent: 40 },
    ]));
    expect(await screen.findByText('Judging criteria saved.')).toBeInTheDocument();
  });
});

describe('JudgesCard', () => {
  it('lists the judges invited with their status in words, offers to withdraw the pending and accepted ones, and to invite more', () => {
    const invitation = (id: string, status: string, role = 'JUDGE') => ({ id, email: `${id}@example.com`, role, status, expiresAt: '2030-01-01T00:00:00Z', createdAt: '2029-12-01T00:00:00Z' });
    render(<JudgesCard challengeId="c1" status="JUDGING" inviteAction={jest.fn()} revokeAction={jest.fn()}
      invitations={[invitation('ada', 'ACCEPTED'), invitation('bo', 'PENDING'), invitation('cy', 'DECLINED'), invitation('dee', 'PENDING', 'PARTICIPANT')]} />);
    const card = screen.getByRole('region', { name: 'Judges' });
    expect(card).toHaveTextContent('1 of 3 invited judges have accepted.');
    const rows = within(card).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(/ada@example.com.*Accepted/);
    expect(within(rows[1]!).getByRole('button', { name: 'Withdraw bo@example.com' })).toBeInTheDocument();
    expect(within(rows[2]!).queryByRole('button')).toBeNull();
    expect(within(card).getByRole('link', { name: 'Score submissions' })).toHaveAttribute('href', '/challenges/c1/score');
    expect(within(card).getByRole('form', { name: 'Invite judges' })).toBeInTheDocument();
  });
});

describe('FeedbackCard', () => {
  it('says the rank as people do, the mean score, the means per criterion and the comments without names', () => {
    render(<FeedbackCard submissionId="s1" feedback={{ rank: 3, outOf: 41, meanWeightedTotal: '7.25', criteria: [{ criterionKey: 'cost', label: 'Cost', meanValue: '7.5' }], comments: ['Clever.', 'Costly.'] }} />);
    expect(screen.getByText('Ranked 3rd of 41')).toBeInTheDocument();
    expect(screen.getByText('7.25')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Mean score per criterion, out of 10' })).toHaveTextContent('Cost7.5');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Clever.', 'Costly.']);
  });
});
