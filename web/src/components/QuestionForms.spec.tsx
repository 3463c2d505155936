import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { questionStatus } from '@/lib/questions';
import { AnswerQuestionForm, AskQuestionForm, QUESTION_HINT } from './QuestionForms';

type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;
const action = (state: FormState = {}): Action => jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => state);

describe('AskQuestionForm', () => {
  it('is a labelled textarea with the hint that names are never shown, and sends the challenge and the question', async () => {
    const ask = action();
    render(<AskQuestionForm action={ask} challengeId="c1" />);
    const form = screen.getByRole('form', { name: 'Ask a question' });
    const field = within(form).getByRole('textbox', { name: 'Your question' });
    expect(field).toHaveAccessibleDescription(QUESTION_HINT);
    expect(field).toBeRequired();
    await userEvent.type(field, 'Does the 99.9% apply to viruses?');
    await userEvent.click(within(form).getByRole('button', { name: 'Ask the sponsor' }));
    await waitFor(() => expect(ask).toHaveBeenCalledTimes(1));
    const fd = ask.mock.calls[0][1];
    expect(Object.fromEntries(fd.entries())).toEqual({ challengeId: 'c1', question: 'Does the 99.9% apply to viruses?' });
  });

  it("shows the API's refusal on the field and keeps what was typed", async () => {
    const ask = action({ fieldErrors: { question: 'question: must be at least 10 characters' }, values: { question: 'Viruses??' } });
    render(<AskQuestionForm action={ask} challengeId="c1" />);
    const field = screen.getByRole('textbox', { name: 'Your question' });
    await userEvent.type(field, 'Viruses??!');
    await userEvent.click(screen.getByRole('button', { name: 'Ask the sponsor' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Your question' })).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('question: must be at least 10 characters')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your question' })).toHaveValue('Viruses??');
  });
});

describe('AnswerQuestionForm', () => {
  it('is a form named by the question, with the current answer, "Publish for everyone" and "Save answer"', async () => {
    const answer = action();
    render(<AnswerQuestionForm action={answer} challengeId="c1" question={{ id: 'q1', question: 'Viruses too?', answer: 'Yes.', published: false }} />);
    const form = screen.getByRole('form', { name: 'Viruses too?' });
    expect(within(form).getByRole('textbox', { name: 'Answer' })).toHaveValue('Yes.');
    const publish = within(form).getByRole('checkbox', { name: 'Publish for everyone' });
    expect(publish).not.toBeChecked();
    await userEvent.click(publish);
    await userEvent.click(within(form).getByRole('button', { name: 'Save answer' }));
    await waitFor(() => expect(answer).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(answer.mock.calls[0][1].entries())).toEqual({ challengeId: 'c1', questionId: 'q1', answer: 'Yes.', publish: 'yes' });
  });

  it('starts ticked for a published answer', () => {
    render(<AnswerQuestionForm action={action()} challengeId="c1" question={{ id: 'q1', question: 'Viruses too?', answer: 'Yes.', published: true }} />);
    expect(screen.getByRole('checkbox', { name: 'Publish for everyone' })).toBeChecked();
  });
});

describe('questionStatus', () => {
  it('says where the viewer\'s question stands', () => {
    expect(questionStatus({ answer: null, published: false })).toBe('Waiting for an answer');
    expect(questionStatus({ answer: 'Yes.', published: false })).toBe('Answered privately');
    expect(questionStatus({ answer: 'Yes.', published: true })).toBe('Answered and published');
  });
});
