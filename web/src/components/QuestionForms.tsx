'use client';

import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/errors';
import { FormMessages, requiredFields, SubmitButton, useClientChecked } from './forms';
import { Checkbox, TextArea } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export const QUESTION_HINT = 'The sponsor may publish your question and its answer for everyone; your name is never shown.';

/** A signed-in solver's question about the brief (10 to 2,000 characters; the API checks them). */
export function AskQuestionForm({ action, challengeId }: { action: Action; challengeId: string }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked(requiredFields({ question: 'Write your question.' }));
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-labelledby="ask-heading">
      <h3 id="ask-heading">Ask a question</h3>
      <FormMessages state={state} />
      <input type="hidden" name="challengeId" value={challengeId} />
      <TextArea label="Your question" name="question" required minLength={10} maxLength={2000} rows={4} hint={QUESTION_HINT}
        defaultValue={state.values?.question} error={clientErrors.question ?? state.fieldErrors?.question} />
      <SubmitButton pendingText="Sending…">Ask the sponsor</SubmitButton>
    </form>
  );
}

/** The sponsor's answer to one question, published for everyone when the box is ticked (may be saved again to edit). */
export function AnswerQuestionForm({ action, challengeId, question }: {
  action: Action; challengeId: string; question: { id: string; question: string; answer?: string | null; published: boolean };
}) {
  const [state, formAction] = useActionState(action, {});
  const headingId = useId();
  return (
    <form action={formAction} noValidate className="stack" aria-labelledby={headingId}>
      <h3 id={headingId} className="question-text">{question.question}</h3>
      <FormMessages state={state} />
      <input type="hidden" name="challengeId" value={challengeId} />
      <input type="hidden" name="questionId" value={question.id} />
      <TextArea label="Answer" name="answer" required maxLength={5000} rows={3} defaultValue={state.values?.answer ?? question.answer ?? ''}
        error={state.fieldErrors?.answer} />
      <Checkbox label="Publish for everyone" name="publish" value="yes" defaultChecked={question.published}
        hint="Everyone who can see the challenge then reads the question and this answer, never who asked." />
      <SubmitButton pendingText="Saving…" variant="secondary">Save answer</SubmitButton>
    </form>
  );
}
