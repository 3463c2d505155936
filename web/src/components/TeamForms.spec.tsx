import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { CreateTeamForm, InviteTeamMemberForm, ProposeSplitForm, TeamInvitationAnswer } from './TeamForms';

type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;
const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });
const members = [
  { id: 'u1', displayName: 'Ada', basisPoints: 10000 },
  { id: 'u2', displayName: 'Bo', basisPoints: 0 },
  { id: 'u3', displayName: 'Cy', basisPoints: 0 },
];
const prizes = [{ rank: 1, label: 'First prize', amount: usd('125050') }];

describe('CreateTeamForm', () => {
  it('asks for the team’s name before calling the server, then sends it with the challenge', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
    render(<CreateTeamForm action={action} challengeId="c1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Create team' }));
    expect(screen.getByLabelText('Team name')).toHaveAccessibleDescription('Enter a name for your team.');
    expect(screen.getByLabelText('Team name')).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Team name'), 'Membrane Crew');
    await userEvent.click(screen.getByRole('button', { name: 'Create team' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    const fd = action.mock.calls[0]![1];
    expect([fd.get('challengeId'), fd.get('name')]).toEqual(['c1', 'Membrane Crew']);
  });

  it('shows a refusal in words, keeping the name typed', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ formError: 'You are already in a team for this challenge, or you have submitted on your own: a solver enters a challenge once.', values: { name: 'Crew' } }));
    render(<CreateTeamForm action={action} challengeId="c1" />);
    await userEvent.type(screen.getByLabelText('Team name'), 'Crew');
    await userEvent.click(screen.getByRole('button', { name: 'Create team' }));
    await screen.findByText(/already in a team for this challenge/);
    expect(screen.getByLabelText('Team name')).toHaveValue('Crew');
  });
});

describe('InviteTeamMemberForm', () => {
  it('checks the address inline, then sends it with the team', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ ok: true, message: 'Invitation sent to bo@example.com. They join the team once they accept it (within 14 days).' }));
    render(<InviteTeamMemberForm action={action} challengeId="c1" teamId="t1" />);
    const email = screen.getByLabelText('Teammate’s email address');
    await userEvent.type(email, 'bo at example');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com');
    expect(action).not.toHaveBeenCalled();
    await userEvent.clear(email);
    await userEvent.type(email, 'bo@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));
    await screen.findByText(/Invitation sent to bo@example.com/);
    const fd = action.mock.calls[0]![1];
    expect([fd.get('teamId'), fd.get('email')]).toEqual(['t1', 'bo@example.com']);
    expect(screen.getByLabelText('Teammate’s email address')).toHaveValue('');
  });
});

describe('ProposeSplitForm', () => {
  it('shows the total and, once it is 100%, what each member would receive of each prize', async () => {
    render(<ProposeSplitForm action={jest.fn()} challengeId="c1" teamId="t1" members={members} prizes={prizes} viewerId="u1" />);
    expect(screen.getByLabelText('Share of Ada (you) (%)')).toHaveValue('100');
    const ada = screen.getByLabelText('Share of Ada (you) (%)');
    await userEvent.clear(ada);
    await userEvent.type(ada, '50');
    expect(screen.getByText(/Total:/)).toHaveTextContent('Total: 50% (must be 100%)');
    expect(screen.queryByRole('table', { name: 'What each member would receive' })).toBeNull();
    await userEvent.clear(screen.getByLabelText('Share of Bo (%)'));
    await userEvent.type(screen.getByLabelText('Share of Bo (%)'), '30');
    await userEvent.clear(screen.getByLabelText('Share of Cy (%)'));
    await userEvent.type(screen.getByLabelText('Share of Cy (%)'), '20');
    expect(screen.getByText(/Total:/)).toHaveTextContent('Total: 100%');
    const rows = within(screen.getByRole('table', { name: 'What each member would receive' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Ada$625.25', 'Bo$375.15', 'Cy$250.10']);
  });

  it('refuses shares that do not add up to 100% or have more than 2 decimals, before calling the server', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
    render(<ProposeSplitForm action={action} challengeId="c1" teamId="t1" members={members} prizes={prizes} />);
    await userEvent.clear(screen.getByLabelText('Share of Ada (%)'));
    await userEvent.type(screen.getByLabelText('Share of Ada (%)'), '33.333');
    await userEvent.click(screen.getByRole('button', { name: 'Propose this split' }));
    expect(screen.getByLabelText('Share of Ada (%)')).toHaveAccessibleDescription('At most 2 decimal places');
    expect(screen.getByLabelText('Share of Ada (%)')).toHaveFocus();
    await userEvent.clear(screen.getByLabelText('Share of Ada (%)'));
    await userEvent.type(screen.getByLabelText('Share of Ada (%)'), '90');
    await userEvent.click(screen.getByRole('button', { name: 'Propose this split' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The shares add up to 90%: they must add up to 100%.');
    expect(action).not.toHaveBeenCalled();
  });
});

describe('TeamInvitationAnswer', () => {
  it('sends the answer pressed, and shows a refusal in words', async () => {
    const action: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ formError: 'This invitation can no longer be accepted: it has expired, or the challenge is no longer open.', code: 'FAILED_PRECONDITION' }));
    render(<TeamInvitationAnswer action={action} invitationId="i1" teamName="Crew" />);
    await userEvent.click(screen.getByRole('button', { name: 'Accept the invitation to Crew' }));
    await screen.findByText(/can no longer be accepted/);
    const fd = action.mock.calls[0]![1];
    expect([fd.get('invitationId'), fd.get('answer')]).toEqual(['i1', 'accept']);
  });
});
