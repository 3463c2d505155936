/** The judge's scoring form: keyboard first (focus on the first score, Enter saves and moves on), n of N scored. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScoringForm, type SubmissionToScore } from './ScoringForm';

const criteria = [
  { key: 'cost', label: 'Cost', description: 'Cheaper is better.', weightPercent: 60 },
  { key: 'impact', label: 'Impact', description: '', weightPercent: 40 },
];
const submission = (id: string, card?: SubmissionToScore['viewerScoreCard']): SubmissionToScore => ({
  id, title: `Idea ${id}`, body: `Body of ${id}`, version: 1, submittedAt: '2026-11-20T10:00:00Z', viewerScoreCard: card ?? null,
});
const setup = (action = jest.fn(async () => ({ ok: true, weightedTotal: '7.6' }))) => {
  render(<ScoringForm criteria={criteria} submissions={[submission('a'), submission('b')]} total={5} scoredAtStart={3} action={action} boardHref="/challenges/c1/judging" />);
  return action;
};

describe('ScoringForm', () => {
  it('shows the submission, one input per criterion with its weight, and puts the focus on the first score', async () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Idea a' })).toBeInTheDocument();
    expect(screen.getByText('Body of a')).toBeInTheDocument();
    expect(screen.getByText('3 of 5 scored')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Cost (weight 60 %)')).toHaveFocus());
    expect(screen.getByLabelText('Cost (weight 60 %)')).toHaveAccessibleDescription('Cheaper is better. 0 to 10, one decimal at most (7.5).');
    expect(screen.getByLabelText('Impact (weight 40 %)')).toBeInTheDocument();
  });

  it('saves with Enter in the last score and moves on to the next, focus on its first score; the count goes up', async () => {
    const action = setup();
    await userEvent.keyboard('8');
    await userEvent.tab();
    await userEvent.keyboard('7{Enter}');
    await waitFor(() => expect(action).toHaveBeenCalledWith({ submissionId: 'a', scores: [{ criterionKey: 'cost', value: '8' }, { criterionKey: 'impact', value: '7' }], comment: '' }));
    await screen.findByRole('heading', { name: 'Idea b' });
    expect(screen.getByText('4 of 5 scored')).toBeInTheDocument();
    expect(screen.getByText(/Saved “Idea a”: 7.6 out of 10. Next: “Idea b”./)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Cost (weight 60 %)')).toHaveFocus());
    expect(screen.getByLabelText('Cost (weight 60 %)')).toHaveValue('');
  });

  it('saves with Ctrl+Enter in the comment, and shows the weighted score live', async () => {
    const action = setup();
    await userEvent.type(screen.getByLabelText('Cost (weight 60 %)'), '10');
    await userEvent.type(screen.getByLabelText('Impact (weight 40 %)'), '5');
    expect(screen.getByText('8', { selector: 'strong' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Comment for the author (optional)'), 'Solid.{Control>}{Enter}{/Control}');
    await waitFor(() => expect(action).toHaveBeenCalledWith(expect.objectContaining({ comment: 'Solid.' })));
  });

  it('checks the scores before sending: the first wrong one takes the focus, in words', async () => {
    const action = setup();
    await userEvent.type(screen.getByLabelText('Cost (weight 60 %)'), '11{Enter}');
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Cost (weight 60 %)')).toHaveAccessibleDescription('Scores go up to 10');
    expect(screen.getByLabelText('Cost (weight 60 %)')).toHaveFocus();
  });

  it('says a refusal in words and stays on the submission', async () => {
    setup(jest.fn(async () => ({ formError: 'Scores are accepted only while the challenge is being judged.', code: 'FAILED_PRECONDITION' })) as never);
    await userEvent.type(screen.getByLabelText('Cost (weight 60 %)'), '5');
    await userEvent.type(screen.getByLabelText('Impact (weight 40 %)'), '5{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Scores are accepted only while the challenge is being judged.');
    expect(screen.getByRole('heading', { name: 'Idea a' })).toBeInTheDocument();
  });

  it('moves with Previous and Next, showing the viewer’s saved card, and ends with what to do next', async () => {
    render(<ScoringForm criteria={criteria} submissions={[submission('a', { weightedTotal: '6', comment: 'Fine', scores: [{ criterionKey: 'cost', value: '6' }, { criterionKey: 'impact', value: '6' }] })]}
      total={1} scoredAtStart={1} action={jest.fn()} boardHref="/challenges/c1/judging" />);
    await waitFor(() => expect(screen.getByLabelText('Cost (weight 60 %)')).toHaveValue('6'));
    expect(screen.getByLabelText('Comment for the author (optional)')).toHaveValue('Fine');
    await userEvent.click(screen.getByRole('button', { name: 'Next without saving' }));
    expect(screen.getByText('You have scored every submission in this list')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Judging board' })).toHaveAttribute('href', '/challenges/c1/judging');
    await userEvent.click(screen.getByRole('button', { name: 'Back to the last submission' }));
    expect(screen.getByRole('heading', { name: 'Idea a' })).toBeInTheDocument();
  });
});
