import { ordinal } from '@/lib/judging';
import { Card, FigureTable } from './ui';

export interface Feedback {
  rank?: number | null;
  outOf: number;
  meanWeightedTotal?: string | null;
  criteria: { criterionKey: string; label: string; meanValue: string }[];
  comments: string[];
}

/**
 * What the judges made of a submission, for its author once the challenge is AWARDED or CLOSED: the rank ("3rd of
 * 41"), the mean score, the mean per criterion and the judges' comments, never their names.
 */
export function FeedbackCard({ feedback, submissionId, title }: { feedback: Feedback; submissionId: string; title?: string }) {
  const headingId = `feedback-${submissionId}`;
  return (
    <Card aria-labelledby={headingId}>
      <h2 id={headingId}>{title ? `Judges’ feedback on “${title}”` : 'Judges’ feedback'}</h2>
      {feedback.rank ? (
        <p className="amount">Ranked {ordinal(feedback.rank)} of {feedback.outOf}</p>
      ) : (
        <p>Not scored by the judges{feedback.outOf ? ` (${feedback.outOf} submissions were ranked)` : ''}.</p>
      )}
      {feedback.meanWeightedTotal && <p>Mean score: <strong>{feedback.meanWeightedTotal}</strong> out of 10</p>}
      {feedback.criteria.length > 0 && (
        <FigureTable caption="Mean score per criterion, out of 10" rows={feedback.criteria.map((c) => ({ label: c.label, value: c.meanValue }))} />
      )}
      {feedback.comments.length > 0 ? (
        <>
          <h3>What the judges said</h3>
          <ul className="stack comment-list">
            {feedback.comments.map((comment, i) => (
              <li key={i}><blockquote className="description">{comment}</blockquote></li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">The judges left no comments.</p>
      )}
    </Card>
  );
}
