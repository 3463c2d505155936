/** The profile editor (skills as tags by keyboard, public or private) and the mail preferences. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { countryOptions } from '@/lib/profiles';
import type { FormState } from '@/lib/errors';
import { NotificationPreferencesForm, ProfileForm } from './ProfileForms';

const viewer = { displayName: 'Ada', bio: 'Membranes.', skills: ['Python', 'CAD'], school: null, country: 'FR', publicProfile: false };

describe('ProfileForm', () => {
  it('adds skills with Enter, refuses a duplicate in words, removes one by its button and keeps the focus in the list', async () => {
    render(<ProfileForm action={jest.fn()} viewer={viewer} countries={countryOptions()} />);
    const tags = screen.getByRole('list', { name: 'Your skills: 2 of at most 20' });
    expect(within(tags).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Python×', 'CAD×']);
    const box = screen.getByLabelText('Add a skill');
    await userEvent.type(box, 'membranes{Enter}');
    expect(screen.getByRole('list', { name: 'Your skills: 3 of at most 20' })).toHaveTextContent('membranes');
    expect(box).toHaveValue('');
    expect(screen.getByText('membranes added.')).toBeInTheDocument();
    await userEvent.type(box, 'python{Enter}');
    expect(box).toHaveAccessibleDescription('“python” is already in your skills.');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Python' }));
    expect(screen.queryByRole('button', { name: 'Remove Python' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove CAD' })).toHaveFocus());
  });

  it('posts the tags, the country and the public choice; private is the default shown', async () => {
    let posted: FormData | undefined;
    const action = jest.fn(async (_prev: FormState, fd: FormData): Promise<FormState> => {
      posted = fd;
      return { ok: true, message: 'Profile saved. It is public: anyone can see it.' };
    });
    render(<ProfileForm action={action} viewer={viewer} countries={countryOptions()} />);
    const who = screen.getByRole('group', { name: 'Who can see your profile' });
    expect(within(who).getByLabelText('Only me (private)')).toBeChecked();
    expect(screen.getByLabelText('Country')).toHaveDisplayValue('France');
    await userEvent.click(within(who).getByLabelText('Everyone (public)'));
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    expect(posted?.getAll('skills')).toEqual(['Python', 'CAD']);
    expect(posted?.get('publicProfile')).toBe('public');
    expect(posted?.get('country')).toBe('FR');
    expect(await screen.findByText('Profile saved. It is public: anyone can see it.')).toBeInTheDocument();
  });

  it('checks the name before sending', async () => {
    const action = jest.fn();
    render(<ProfileForm action={action} viewer={viewer} countries={countryOptions()} />);
    await userEvent.clear(screen.getByLabelText('Display name'));
    await userEvent.type(screen.getByLabelText('Display name'), 'A');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Display name')).toHaveAccessibleDescription('Use 2 to 60 characters.');
  });
});

describe('NotificationPreferencesForm', () => {
  it('has a checkbox per kind, in words, ticked as chosen, and posts the ticked ones', async () => {
    let posted: FormData | undefined;
    const action = jest.fn(async (_prev: FormState, fd: FormData): Promise<FormState> => {
      posted = fd;
      return { ok: true, message: 'Mail preferences saved.' };
    });
    render(<NotificationPreferencesForm action={action} mailKinds={['QUESTION_ANSWERED', 'PRIZE_AWARDED']} />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(13);
    expect(screen.getByLabelText('Mail me when a sponsor answers my question')).toBeChecked();
    expect(screen.getByLabelText('Mail me about new submissions to my organization’s challenges')).not.toBeChecked();
    expect(screen.getByRole('group', { name: 'Prizes and payouts' })).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Mail me when a prize is paid to my account'));
    await userEvent.click(screen.getByLabelText('Mail me when I win a prize'));
    await userEvent.click(screen.getByRole('button', { name: 'Save mail preferences' }));
    await waitFor(() => expect(posted?.getAll('mailKinds')).toEqual(['QUESTION_ANSWERED', 'PAYOUT_PAID']));
    expect(await screen.findByText('Mail preferences saved.')).toBeInTheDocument();
  });
});
