import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CreateChallengeInput } from '@/gql/graphql';
import type { FormState } from '@/lib/errors';
import { ChallengeWizard, validateChallengeDraft, type ChallengeDraft } from './ChallengeWizard';

const NOW = new Date('2026-11-23T10:00:00Z');
const orgs = [{ id: 'org-1', name: 'Aquatech Labs' }];
// As the API's challengeCurrencies query answers (the page passes them in).
const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD'];

const draft = (patch: Partial<ChallengeDraft> = {}): ChallengeDraft => ({
  organizationId: 'org-1', title: 'Cheap membranes', summary: 'Make them cheap', description: 'The long brief', terms: '', type: 'IDEATION',
  visibility: 'PUBLIC', currency: 'USD', deadline: '2027-01-31T17:00', prizes: [{ key: 1, label: 'First', amount: '1500.50' }], ...patch,
});

describe('validateChallengeDraft (mirrors the server)', () => {
  it('accepts a valid draft and converts amounts exactly', () => {
    const { errors, input } = validateChallengeDraft(draft({ prizes: [{ key: 1, label: 'First', amount: '1,500.50' }, { key: 2, label: 'Second', amount: '0.01' }] }), NOW, CURRENCIES);
    expect(errors).toEqual({});
    expect(input?.prizes).toEqual([{ rank: 1, label: 'First', amountMinor: '150050', quantity: 1 }, { rank: 2, label: 'Second', amountMinor: '1', quantity: 1 }]);
    expect(input?.submissionDeadline).toBe(new Date('2027-01-31T17:00').toISOString());
  });

  it('checks title, summary and description lengths', () => {
    expect(validateChallengeDraft(draft({ title: 'ab' }), NOW, CURRENCIES).errors.title).toMatch(/at least 3/);
    expect(validateChallengeDraft(draft({ title: 'x'.repeat(141) }), NOW, CURRENCIES).errors.title).toMatch(/at most 140/);
    expect(validateChallengeDraft(draft({ title: 'x'.repeat(140) }), NOW, CURRENCIES).errors.title).toBeUndefined();
    expect(validateChallengeDraft(draft({ summary: '   ' }), NOW, CURRENCIES).errors.summary).toBe('Enter a summary');
    expect(validateChallengeDraft(draft({ summary: 'x'.repeat(501) }), NOW, CURRENCIES).errors.summary).toMatch(/500/);
    expect(validateChallengeDraft(draft({ description: 'x'.repeat(20_001) }), NOW, CURRENCIES).errors.description).toMatch(/20000/);
  });

  it('takes optional terms: trimmed, blank is none, at most 20,000 characters', () => {
    expect(validateChallengeDraft(draft(), NOW, CURRENCIES).input?.terms).toBeNull();
    expect(validateChallengeDraft(draft({ terms: ' \n ' }), NOW, CURRENCIES).input?.terms).toBeNull();
    expect(validateChallengeDraft(draft({ terms: '  IP goes to the sponsor.\n' }), NOW, CURRENCIES).input?.terms).toBe('IP goes to the sponsor.');
    expect(validateChallengeDraft(draft({ terms: ` ${'x'.repeat(20_000)} ` }), NOW, CURRENCIES).errors.terms).toBeUndefined();
    expect(validateChallengeDraft(draft({ terms: 'x'.repeat(20_001) }), NOW, CURRENCIES).errors.terms).toBe('Use at most 20000 characters');
  });

  it('checks prizes: count, labels and positive whole minor units', () => {
    expect(validateChallengeDraft(draft({ prizes: [] }), NOW, CURRENCIES).errors.prizes).toMatch(/at least one/);
    const many = Array.from({ length: 21 }, (_, i) => ({ key: i, label: `P${i}`, amount: '1' }));
    expect(validateChallengeDraft(draft({ prizes: many }), NOW, CURRENCIES).errors.prizes).toMatch(/At most 20/);
    const errors = validateChallengeDraft(draft({ prizes: [{ key: 1, label: '', amount: '0' }, { key: 2, label: 'B', amount: '1.005' }] }), NOW, CURRENCIES).errors;
    expect(errors['prizes[0].label']).toBeDefined();
    expect(errors['prizes[0].amountMinor']).toMatch(/more than zero/);
    expect(errors['prizes[1].amountMinor']).toMatch(/2 decimal places/);
    expect(validateChallengeDraft(draft({ currency: 'JPY', prizes: [{ key: 1, label: 'A', amount: '10.5' }] }), NOW, CURRENCIES).errors['prizes[0].amountMinor']).toMatch(/no decimal/);
    expect(validateChallengeDraft(draft({ currency: 'KWD', prizes: [{ key: 1, label: 'A', amount: '10.125' }] }), NOW, CURRENCIES).input?.prizes[0].amountMinor).toBe('10125');
  });

  it('accepts only the currencies the API offers', () => {
    expect(validateChallengeDraft(draft({ currency: 'EUR' }), NOW, CURRENCIES).errors.currency).toBeUndefined();
    expect(validateChallengeDraft(draft({ currency: 'GBP' }), NOW, CURRENCIES).errors.currency).toBe('Choose a currency');
    expect(validateChallengeDraft(draft({ currency: 'EUR' }), NOW, ['USD']).errors.currency).toBe('Choose a currency');
  });

  it('requires a deadline in the future and within two years', () => {
    expect(validateChallengeDraft(draft({ deadline: '' }), NOW, CURRENCIES).errors.submissionDeadline).toBeDefined();
    expect(validateChallengeDraft(draft({ deadline: '2020-01-01T00:00' }), NOW, CURRENCIES).errors.submissionDeadline).toMatch(/future/);
    expect(validateChallengeDraft(draft({ deadline: '2029-01-01T00:00' }), NOW, CURRENCIES).errors.submissionDeadline).toMatch(/two years/);
  });
});

describe('validateChallengeDraft: judging settings', () => {
  it('takes prize places (blank counts 1), at most 10,000 per prize and in all; the pool counts them', () => {
    const { input } = validateChallengeDraft(draft({ prizes: [{ key: 1, label: 'First', amount: '1000' }, { key: 2, label: 'Mention', amount: '50', quantity: '10' }] }), NOW, CURRENCIES);
    expect(input?.prizes.map((p) => p.quantity)).toEqual([1, 10]);
    expect(validateChallengeDraft(draft({ prizes: [{ key: 1, label: 'A', amount: '1', quantity: '0' }] }), NOW, CURRENCIES).errors['prizes[0].quantity']).toBe('Enter a whole number from 1 to 10,000');
    expect(validateChallengeDraft(draft({ prizes: [{ key: 1, label: 'A', amount: '1', quantity: '2.5' }] }), NOW, CURRENCIES).errors['prizes[0].quantity']).toBeDefined();
    const many = [{ key: 1, label: 'A', amount: '1', quantity: '6000' }, { key: 2, label: 'B', amount: '1', quantity: '5000' }];
    expect(validateChallengeDraft(draft({ prizes: many }), NOW, CURRENCIES).errors.prizes).toBe('At most 10,000 prize places in all (11,000 now)');
  });

  it('sends guaranteed, a judging deadline within 180 days after the submission deadline, and a rubric other than the default', () => {
    const plain = validateChallengeDraft(draft(), NOW, CURRENCIES);
    expect(plain.input?.guaranteed).toBe(false);
    expect(plain.input?.judgingDeadline).toBeUndefined();
    expect(plain.rubric).toBeUndefined();
    const set = validateChallengeDraft(draft({
      guaranteed: true, judgingDeadline: '2027-03-01T17:00',
      rubric: [{ key: '', label: 'Cost', description: '', weight: '70' }, { key: '', label: 'Impact', description: 'Lives changed', weight: '30' }],
    }), NOW, CURRENCIES);
    expect(set.errors).toEqual({});
    expect(set.input).toMatchObject({ guaranteed: true, judgingDeadline: new Date('2027-03-01T17:00').toISOString() });
    expect(set.rubric).toEqual([{ key: 'cost', label: 'Cost', description: '', weightPercent: 70 }, { key: 'impact', label: 'Impact', description: 'Lives changed', weightPercent: 30 }]);
    expect(validateChallengeDraft(draft({ judgingDeadline: '2027-01-30T17:00' }), NOW, CURRENCIES).errors.judgingDeadline).toBe('The judging deadline must be after the submission deadline');
    expect(validateChallengeDraft(draft({ rubric: [{ key: '', label: 'Cost', description: '', weight: '70' }] }), NOW, CURRENCIES).errors.criteria).toBe('Weights add up to 70 %: they must add up to 100 %.');
  });
});

describe('validateChallengeDraft: entries settings', () => {
  it('sends SEALED by default, without a vote; community-choice only when ticked', () => {
    const { input } = validateChallengeDraft(draft(), NOW, CURRENCIES);
    expect(input?.submissionVisibility).toBe('SEALED');
    expect(input?.voting).toBeUndefined();
    expect(input?.prizes[0]).not.toHaveProperty('communityChoice');
  });

  it('sends the mode, the window as instants and the community-choice prizes', () => {
    const { errors, input } = validateChallengeDraft(draft({
      submissionVisibility: 'GALLERY_AFTER_CLOSE', votingStartsAt: '2027-01-31T17:00', votingEndsAt: '2027-02-14T17:00',
      prizes: [{ key: 1, label: 'Jury', amount: '100' }, { key: 2, label: 'Community', amount: '50', communityChoice: true }],
    }), NOW, CURRENCIES);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      submissionVisibility: 'GALLERY_AFTER_CLOSE',
      voting: { startsAt: new Date('2027-01-31T17:00').toISOString(), endsAt: new Date('2027-02-14T17:00').toISOString() },
      prizes: [{ rank: 1, label: 'Jury' }, { rank: 2, label: 'Community', communityChoice: true }],
    });
  });

  it('checks the window against the deadlines: the default judging deadline, or the one typed', () => {
    const gallery = { submissionVisibility: 'GALLERY' as const, votingStartsAt: '2027-01-01T10:00' };
    expect(validateChallengeDraft(draft({ ...gallery, votingEndsAt: '2027-03-02T17:00' }), NOW, CURRENCIES).errors).toEqual({});
    expect(validateChallengeDraft(draft({ ...gallery, votingEndsAt: '2027-03-02T17:01' }), NOW, CURRENCIES).errors['voting.endsAt']).toMatch(/judging deadline/);
    expect(validateChallengeDraft(draft({ ...gallery, votingEndsAt: '2027-02-20T17:00', judgingDeadline: '2027-02-10T17:00' }), NOW, CURRENCIES).errors['voting.endsAt']).toMatch(/judging deadline/);
    expect(validateChallengeDraft(draft({ ...gallery, submissionVisibility: 'GALLERY_AFTER_CLOSE', votingEndsAt: '2027-02-20T17:00' }), NOW, CURRENCIES).errors['voting.startsAt'])
      .toMatch(/at the submission deadline at the earliest/);
    expect(validateChallengeDraft(draft({ prizes: [{ key: 1, label: 'Community', amount: '50', communityChoice: true }] }), NOW, CURRENCIES).errors.voting).toMatch(/public gallery/);
  });
});

describe('ChallengeWizard', () => {
  async function fillBasics(title = 'Cheap membranes') {
    await userEvent.type(screen.getByLabelText('Title'), title);
    await userEvent.type(screen.getByLabelText('Summary'), 'Make desalination cheap');
    await userEvent.type(screen.getByLabelText('Description'), 'The full brief');
  }
  /**
   * Clicks Next, then lets the animation frame in which the wizard moves focus to the new step's heading run: typing
   * before it would lose keystrokes to the heading (the test raced it on a loaded machine).
   */
  const next = async () => {
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  };
  /** From valid basics on step 1: one 100 USD prize, a deadline, then Create. */
  async function finish() {
    await next();
    await userEvent.type(screen.getByLabelText('Prize 1 amount (USD)'), '100');
    await next();
    fireEvent.change(screen.getByLabelText('Submission deadline'), { target: { value: '2027-02-01T12:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Create draft challenge' }));
  }

  it('offers the currencies it is given (the API\'s challengeCurrencies), USD first chosen when offered', async () => {
    const { unmount } = render(<ChallengeWizard organizations={orgs} currencies={['EUR', 'USD', 'SEK']} action={jest.fn()} now={() => NOW} />);
    await fillBasics();
    await next();
    const select = screen.getByLabelText('Currency') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['EUR', 'USD', 'SEK']);
    expect(select.value).toBe('USD');
    unmount();
    render(<ChallengeWizard organizations={orgs} currencies={['CHF', 'JPY']} action={jest.fn()} now={() => NOW} />);
    await fillBasics();
    await next();
    expect(screen.getByLabelText('Currency')).toHaveValue('CHF');
    expect(screen.getByLabelText('Prize 1 amount (CHF)')).toBeInTheDocument();
  });

  it('blocks the first step until basics are valid', async () => {
    render(<ChallengeWizard organizations={orgs} currencies={CURRENCIES} action={jest.fn()} now={() => NOW} />);
    await next();
    expect(screen.getByText('Enter a title')).toBeInTheDocument();
    expect(screen.getByText('Enter a summary')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Step 1 of 3/ })).toBeInTheDocument();
    await fillBasics('ab');
    await next();
    expect(screen.getByText('Use at least 3 characters')).toBeInTheDocument();
  });

  it('adds and removes prize tiers, validates amounts and sends exact minor units', async () => {
    const action = jest.fn(async (_input: CreateChallengeInput): Promise<FormState | undefined> => undefined);
    render(<ChallengeWizard organizations={orgs} currencies={CURRENCIES} action={action} now={() => NOW} />);
    await fillBasics();
    await next();
    expect(screen.getByRole('heading', { name: /Step 2 of 3: Prizes/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Add a prize' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a prize' }));
    expect(screen.getAllByLabelText(/Prize \d label/)).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Remove prize 3' }));
    expect(screen.getAllByLabelText(/Prize \d label/)).toHaveLength(2);

    await userEvent.type(screen.getByLabelText('Prize 1 amount (USD)'), '1500.555');
    await next();
    expect(screen.getByText('At most 2 decimal places for USD')).toBeInTheDocument();
    expect(screen.getByText(/Enter a label/)).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Prize 1 amount (USD)'));
    await userEvent.type(screen.getByLabelText('Prize 1 amount (USD)'), '1500.55');
    await userEvent.type(screen.getByLabelText('Prize 2 label'), 'Runner-up');
    await userEvent.type(screen.getByLabelText('Prize 2 amount (USD)'), '90071992547409.93');
    expect(screen.getByText('$90,071,992,548,910.48')).toBeInTheDocument();
    await next();

    expect(screen.getByRole('heading', { name: /Step 3 of 3/ })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Submission deadline'), { target: { value: '2020-05-01T12:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Create draft challenge' }));
    expect(screen.getByText('The deadline must be in the future')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Submission deadline'), { target: { value: '2027-02-01T12:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Create draft challenge' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0][0]).toMatchObject({
      organizationId: 'org-1', title: 'Cheap membranes', currency: 'USD',
      prizes: [{ rank: 1, label: 'First prize', amountMinor: '150055' }, { rank: 2, label: 'Runner-up', amountMinor: '9007199254740993' }],
      submissionDeadline: new Date('2027-02-01T12:00').toISOString(),
    });
  });

  it('has an optional Terms field, checked on the first step and sent on create', async () => {
    const action = jest.fn(async (_input: CreateChallengeInput): Promise<FormState | undefined> => undefined);
    render(<ChallengeWizard organizations={orgs} currencies={CURRENCIES} action={action} now={() => NOW} />);
    const terms = screen.getByLabelText('Terms');
    expect(terms).toHaveAccessibleDescription('What solvers agree to: IP transfer, confidentiality, eligibility. Solvers must accept these before submitting.');
    await fillBasics();
    fireEvent.change(terms, { target: { value: 'x'.repeat(20_001) } });
    await next();
    expect(screen.getByRole('heading', { name: /Step 1 of 3/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Terms')).toHaveAccessibleDescription('Use at most 20000 characters');
    expect(screen.getByLabelText('Terms')).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(screen.getByLabelText('Terms'), { target: { value: '  Winning entries assign their IP to the sponsor.\nConfidential.  ' } });
    await finish();
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0][0].terms).toBe('Winning entries assign their IP to the sponsor.\nConfidential.');
    expect(screen.getByText(/Solvers must accept your terms before submitting/)).toBeInTheDocument();
  });

  it.each([
    ['Title', { title: 'title is already used by another challenge' }],
    ['Terms', { terms: 'terms: must be at most 20000 characters' }],
  ])('shows a server error on %s on the step that holds the field', async (label, fieldErrors) => {
    const action = jest.fn(async (): Promise<FormState> => ({ fieldErrors }));
    render(<ChallengeWizard organizations={orgs} currencies={CURRENCIES} action={action} now={() => NOW} />);
    await fillBasics();
    await finish();
    await waitFor(() => expect(screen.getByLabelText(label)).toHaveAccessibleDescription(Object.values(fieldErrors)[0]));
    expect(screen.getByRole('heading', { name: /Step 1 of 3/ })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
  });

  it('takes places per prize, the guarantee, the judging deadline (default shown) and the rubric with its live check', async () => {
    const action = jest.fn(async (_input: CreateChallengeInput, _rubric?: unknown): Promise<FormState | undefined> => undefined);
    render(<ChallengeWizard organizations={orgs} currencies={CURRENCIES} action={action} now={() => NOW} />);
    await fillBasics();
    await next();
    await userEvent.type(screen.getByLabelText('Prize 1 amount (USD)'), '50');
    await userEvent.clear(screen.getByLabelText('Prize 1 places'));
    await userEvent.type(screen.getByLabelText('Prize 1 places'), '10');
    expect(screen.getByText('$500.00')).toBeInTheDocument();
    const guarantee = screen.getByLabelText('Guarantee the prizes');
    expect(guarantee).toHaveAccessibleDescription(/^Guaranteed: every prize place will be paid out/);
    await userEvent.click(guarantee);
    await next();
    expect(screen.getByRole('heading', { name: 'Step 3 of 3: Deadlines, judging and review' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Submission deadline'), { target: { value: '2027-02-01T12:00' } });
    expect(screen.getByLabelText('Judging deadline (optional)')).toHaveAccessibleDescription(/^Default: 30 days after the submission deadline \(2027-03-03 12:00\)/);
    await userEvent.clear(screen.getByLabelText('Criterion 1 name'));
    await userEvent.type(screen.getByLabelText('Criterion 1 name'), 'Feasibility');
    await userEvent.clear(screen.getByLabelText('Criterion 1 weight (%)'));
    await userEvent.type(screen.getByLabelText('Criterion 1 weight (%)'), '60');
    await userEvent.click(screen.getByRole('button', { name: 'Add a criterion' }));
    await userEvent.type(screen.getByLabelText('Criterion 2 name'), 'Impact');
    await userEvent.type(screen.getByLabelText('Criterion 2 weight (%)'), '30');
    expect(screen.getByText('Weights add up to 90 %: they must add up to 100 %.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create draft challenge' }));
    expect(action).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText('Criterion 2 weight (%)'));
    await userEvent.type(screen.getByLabelText('Criterion 2 weight (%)'), '40');
    expect(screen.getByText('Weights add up to 100 %.')).toBeInTheDocument();
    expect(screen.getByText('10 × First prize: $50.00 each', { exact: false })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create draft challenge' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0]![0]).toMatchObject({ guaranteed: true, prizes: [{ rank: 1, label: 'First prize', amountMinor: '5000', quantity: 10 }] });
    expect(action.mock.calls[0]![1]).toEqual([
      { key: 'feasibility', label: 'Feasibility', description: '', weightPercent: 60 },
      { key: 'impact', label: 'Impact', description: '', weightPercent: 40 },
    ]);
  });

  it('asks who sees the entries, a community choice per prize and the voting dates, and sends them', async () => {
    const action = jest.fn(async (_input: CreateChallengeInput) => undefined);
    render(<ChallengeWizard organizations={orgs} currencies={CURRENCIES} action={action} now={() => NOW} />);
    await fillBasics();
    const group = screen.getByRole('group', { name: 'Who sees the entries' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Sealed: only you and your judges see entries' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: /^Public after submissions close:/ }));
    await next();
    await userEvent.type(screen.getByLabelText('Prize 1 amount (USD)'), '100');
    const community = screen.getByLabelText('Prize 1 is a community choice prize');
    expect(community).toHaveAccessibleDescription(/^Community choice: decided by the public vote/);
    await userEvent.click(community);
    await next();
    fireEvent.change(screen.getByLabelText('Submission deadline'), { target: { value: '2027-02-01T12:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Create draft challenge' }));
    expect(await screen.findByText('A community-choice prize is decided by the public vote: set when voting opens and closes.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Voting opens'), { target: { value: '2027-01-20T12:00' } });
    fireEvent.change(screen.getByLabelText('Voting closes'), { target: { value: '2027-02-15T12:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Create draft challenge' }));
    expect(await screen.findByText(/^Entries become public when submissions close/)).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Voting opens'), { target: { value: '2027-02-01T12:00' } });
    expect(screen.getByText(/Public after submissions close: .* The public votes from 2027-02-01 12:00 to 2027-02-15 12:00/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create draft challenge' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0]![0]).toMatchObject({
      submissionVisibility: 'GALLERY_AFTER_CLOSE',
      voting: { startsAt: new Date('2027-02-01T12:00').toISOString(), endsAt: new Date('2027-02-15T12:00').toISOString() },
      prizes: [{ rank: 1, communityChoice: true }],
    });
  });
});
