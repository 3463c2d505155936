import { answerQuestionAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { AnswerQuestionForm } from '@/components/QuestionForms';
import { Card } from '@/components/ui';
import type { ChallengeReviewQuery } from '@/gql/graphql';
import { questionStatus } from '@/lib/questions';

/**
 * The sponsor's "Questions" card on the review page: every question (the first 20, in the order asked), each with
 * its answer form while the challenge is OPEN or JUDGING (the API's rule), read-only afterwards.
 */
export function QuestionsCard({ challengeId, status, questions: connection }: {
  challengeId: string; status: string; questions: ChallengeReviewQuery['challenge']['questions'];
}) {
  const questions = connection.edges.map((e) => e.node);
  const answerable = status === 'OPEN' || status === 'JUDGING';
  return (
    <Card aria-labelledby="questions-title">
      <h2 id="questions-title">Questions</h2>
      {questions.length === 0 && <p className="muted">No questions yet.</p>}
      <div className="stack">
        {questions.map((q) =>
          answerable ? (
            <div key={q.id} className="stack">
              <AnswerQuestionForm action={answerQuestionAction} challengeId={challengeId} question={q} />
              <p className="muted">Asked <LocalDate iso={q.askedAt} />. {questionStatus(q)}.</p>
            </div>
          ) : (
            <div key={q.id}>
              <h3>{q.question}</h3>
              <p className="muted">{questionStatus(q)}.</p>
              {q.answer && <p>{q.answer}</p>}
            </div>
          ),
        )}
      </div>
      {connection.pageInfo.hasNextPage && <p className="muted">Showing the first 20 questions.</p>}
    </Card>
  );
}
