import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { AwardSubmissionForm } from './MoreForms';
import { ReviewSubmissionCard, type ReviewedSubmission } from './ReviewSubmission';

type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;
const action = (): Action => jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
const PRIZES = [
  { rank: 1, label: '1. First prize — $1,000.00' },
  { rank: 3, label: '3. Honourable mention — $50.00' },
];
const submission = (overrides: Partial<ReviewedSubmission> = {}): ReviewedSubmission => ({
  id: 's1', title: 'Ceramic filter', body: 'Fired clay and copper mesh.', version: 2, submittedAt: '2026-11-20T10:00:00Z', shortlisted: false,
  author: { displayName: 'Ada' }, ...overrides,
});

afterEach(() => jest.restoreAllMocks());

describe('ReviewSubmissionCard', () => {
  it('is an article named by its title, with the author, version, solution and an "Add to shortlist" button', async () => {
    const shortlist = action();
    render(<ReviewSubmissionCard submission={submission()} challengeId="c1" position={{ view: 'all', after: 'cur1' }} shortlistAction={shortlist} awardAction={action()} prizesToAward={[]} />);
    const card = screen.getByRole('article', { name: 'Ceramic filter' });
    expect(within(card).getByText(/By Ada · version 2/)).toBeInTheDocument();
    expect(within(card).getByText('Fired clay and copper mesh.')).toBeVisible();
    expect(within(card).queryByText('Shortlisted')).toBeNull();
    expect(within(card).queryByRole('combobox')).toBeNull();
    await userEvent.click(within(card).getByRole('button', { name: 'Add to shortlist' }));
    await waitFor(() => expect(shortlist).toHaveBeenCalledTimes(1));
    const fd = shortlist.mock.calls[0][1];
    expect(Object.fromEntries(fd)).toEqual({ challengeId: 'c1', submissionId: 's1', shortlisted: 'true', view: 'all', after: 'cur1' });
  });

  it('shows the submission’s files: previews of images and a download link for each', () => {
    const attachments = [
      { id: 'f1', fileName: 'front.jpg', contentType: 'image/jpeg', byteSize: 3 * 1024 * 1024, downloadUrl: 'https://files.example/d1', previewUrl: 'https://files.example/p1' },
      { id: 'f2', fileName: 'model.stl', contentType: 'model/stl', byteSize: 10_240, downloadUrl: 'https://files.example/d2', previewUrl: null },
    ];
    render(<ReviewSubmissionCard submission={submission({ attachments })} challengeId="c1" position={{ view: 'all' }} shortlistAction={action()} awardAction={action()} prizesToAward={[]} />);
    const files = within(screen.getByRole('article', { name: 'Ceramic filter' })).getByRole('list', { name: 'Files of “Ceramic filter”' });
    expect(within(files).getByRole('img', { name: 'front.jpg' })).toHaveAttribute('src', 'https://files.example/p1');
    expect(within(files).getByRole('link', { name: 'model.stl' })).toHaveAttribute('href', 'https://files.example/d2');
    expect(files).toHaveTextContent('STL model · 10 KB');
  });

  it('names a team’s submission by the team and its members', () => {
    const team = { name: 'Membrane Crew', members: [{ user: { displayName: 'Ada' } }, { user: { displayName: 'Bo' } }] };
    render(<ReviewSubmissionCard submission={submission({ team })} challengeId="c1" position={{ view: 'all' }} shortlistAction={action()} awardAction={action()} prizesToAward={PRIZES} />);
    const card = screen.getByRole('article', { name: 'Ceramic filter' });
    expect(card).toHaveTextContent(/By team Membrane Crew \(Ada, Bo\) · version 2/);
    expect(within(card).getByLabelText('Prize for Ceramic filter')).toBeInTheDocument();
  });

  it('shows a Shortlisted badge and offers to remove it', async () => {
    const shortlist = action();
    render(<ReviewSubmissionCard submission={submission({ shortlisted: true })} challengeId="c1" position={{ view: 'shortlist' }} shortlistAction={shortlist} awardAction={action()} prizesToAward={[]} />);
    expect(screen.getByText('Shortlisted')).toHaveClass('badge');
    await userEvent.click(screen.getByRole('button', { name: 'Remove from shortlist' }));
    await waitFor(() => expect(shortlist).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(shortlist.mock.calls[0][1])).toEqual({ challengeId: 'c1', submissionId: 's1', shortlisted: 'false', view: 'shortlist' });
  });

  it('folds a long solution behind "Read the solution"', async () => {
    const body = `Start. ${'x'.repeat(700)}`;
    const { container } = render(<ReviewSubmissionCard submission={submission({ body })} challengeId="c1" position={{ view: 'all' }} shortlistAction={action()} awardAction={action()} prizesToAward={[]} />);
    const details = container.querySelector('details')!;
    expect(details).not.toHaveAttribute('open');
    await userEvent.click(screen.getByText('Read the solution'));
    expect(details).toHaveAttribute('open');
    expect(details).toHaveTextContent('Start.');
  });

  it('offers the unawarded prizes in a labelled select when there are some', () => {
    render(<ReviewSubmissionCard submission={submission()} challengeId="c1" position={{ view: 'all' }} shortlistAction={action()} awardAction={action()} prizesToAward={PRIZES} />);
    const select = screen.getByRole('combobox', { name: 'Prize for Ceramic filter' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a prize…', '1. First prize — $1,000.00', '3. Honourable mention — $50.00']);
    expect(screen.getByRole('button', { name: 'Award' })).toBeInTheDocument();
  });
});

describe('AwardSubmissionForm', () => {
  const renderForm = (award: Action) =>
    render(<AwardSubmissionForm action={award} challengeId="c1" submissionId="s1" submissionTitle="Ceramic filter" prizes={PRIZES} back={{ view: 'shortlist', after: 'cur2' }} />);

  it('asks for confirmation in the page, naming the prize and the submission, and sends nothing when declined', async () => {
    const award = action();
    const confirm = jest.spyOn(window, 'confirm');
    renderForm(award);
    await userEvent.selectOptions(screen.getByLabelText('Prize for Ceramic filter'), '3. Honourable mention — $50.00');
    await userEvent.click(screen.getByRole('button', { name: 'Award' }));
    const dialog = screen.getByRole('group', { name: 'Award 3. Honourable mention — $50.00 to “Ceramic filter”?' });
    expect(dialog).toHaveTextContent('An award cannot be taken back');
    await waitFor(() => expect(screen.getByRole('heading', { name: /^Award 3\. Honourable mention/ })).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: 'Choose again' }));
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Award' })).toHaveFocus());
    // Escape backs out too.
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('group')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();
    expect(award).not.toHaveBeenCalled();
  });

  it('awards the chosen prize once confirmed, with the way back to the same page', async () => {
    const award = action();
    renderForm(award);
    await userEvent.selectOptions(screen.getByLabelText('Prize for Ceramic filter'), '1. First prize — $1,000.00');
    await userEvent.click(screen.getByRole('button', { name: 'Award' }));
    expect(award).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, award' }));
    await waitFor(() => expect(award).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(award.mock.calls[0][1])).toEqual({ challengeId: 'c1', submissionId: 's1', view: 'shortlist', after: 'cur2', prizeRank: '1' });
  });

  it('without a prize, sends the form to get the inline "Choose a prize" (no browser bubble, nothing to confirm)', async () => {
    const award: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ fieldErrors: { prizeRank: 'Choose a prize' } }));
    renderForm(award);
    const select = screen.getByLabelText('Prize for Ceramic filter');
    await userEvent.click(screen.getByRole('button', { name: 'Award' }));
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    await waitFor(() => expect(select).toHaveAccessibleDescription('Choose a prize'));
    expect(select).toBeInvalid();
  });

  it('shows the server’s refusal', async () => {
    const award: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ formError: 'This prize is already awarded. Reload the page to see the winners.' }));
    renderForm(award);
    await userEvent.selectOptions(screen.getByLabelText('Prize for Ceramic filter'), '1. First prize — $1,000.00');
    await userEvent.click(screen.getByRole('button', { name: 'Award' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, award' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This prize is already awarded');
    // The confirmation closes in the effect after the refusal's render: waited for, not raced.
    await waitFor(() => expect(screen.queryByRole('group')).not.toBeInTheDocument());
  });
});
