'use client';

import { AttachmentList, type AttachmentView } from './Attachments';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { FormState } from '@/lib/errors';
import { COMMENT_MAX, SCORE_HINT, scoreField, validateScores, weightedTotal } from '@/lib/judging';
import { LocalDate } from './dates';
import { Alert, Button, Card, EmptyState, TextArea, TextField } from './ui';

export interface ScoringCriterion {
  key: string;
  label: string;
  description: string;
  weightPercent: number;
}

export interface SubmissionToScore {
  id: string;
  title: string;
  body: string;
  version: number;
  submittedAt: string;
  /** Its files (the links last 5 minutes: a reload renews them). */
  attachments?: AttachmentView[];
  viewerScoreCard?: { weightedTotal: string; comment?: string | null; scores: { criterionKey: string; value: string }[] } | null;
}

interface Card {
  scores: Record<string, string>;
  comment: string;
  weightedTotal: string;
}

type ScoreAction = (input: { submissionId: string; scores: { criterionKey: string; value: string }[]; comment: string }) => Promise<FormState & { weightedTotal?: string }>;

const cardOf = (s: SubmissionToScore): Card | undefined =>
  s.viewerScoreCard
    ? { scores: Object.fromEntries(s.viewerScoreCard.scores.map((x) => [x.criterionKey, x.value])), comment: s.viewerScoreCard.comment ?? '', weightedTotal: s.viewerScoreCard.weightedTotal }
    : undefined;

/**
 * The judge's scoring form, made for the keyboard: one submission at a time, one input per criterion (0 to 10, one
 * decimal), a comment, and "Save and next" (Enter in a score, or Ctrl+Enter in the comment). Previous and Next move
 * without saving. Each submission puts the focus on its first score. The list and the count come from the page
 * (by default only the submissions the viewer has not scored yet); what is saved here is kept as the judge moves.
 */
export function ScoringForm({ criteria, submissions, total, scoredAtStart, action, moreHref, boardHref }: {
  criteria: ScoringCriterion[];
  submissions: SubmissionToScore[];
  /** Every submission to score in the round (N in "n of N scored"). */
  total: number;
  /** How many the viewer had scored when the page was loaded. */
  scoredAtStart: number;
  action: ScoreAction;
  /** The next batch of this list, when there is one. */
  moreHref?: string;
  boardHref: string;
}) {
  const [index, setIndex] = useState(0);
  const [cards, setCards] = useState<Record<string, Card>>(() => Object.fromEntries(submissions.flatMap((s) => { const c = cardOf(s); return c ? [[s.id, c]] : []; })));
  const [scored, setScored] = useState(scoredAtStart);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const current = submissions[index];

  // Each submission starts from the viewer's card (saved here or before), with the focus on its first score.
  useEffect(() => {
    const s = submissions[index];
    const card = s ? cards[s.id] : undefined;
    setTyped(card ? { ...card.scores } : {});
    setComment(card?.comment ?? '');
    setErrors({});
    setFormError(undefined);
    formRef.current?.querySelector<HTMLInputElement>('input[name^="score-"]')?.focus();
    // Only a move to another submission resets the fields (not a save of this one).
  }, [index, submissions]);

  const go = (target: number) => setIndex(Math.max(0, Math.min(submissions.length, target)));

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!current || pending) return;
    const checked = validateScores(criteria, typed, comment);
    setErrors(checked.errors);
    setFormError(undefined);
    const invalid = Object.keys(checked.errors);
    if (invalid.length) {
      formRef.current?.querySelector<HTMLElement>(`[name="${invalid[0]}"]`)?.focus();
      return;
    }
    setPending(true);
    const outcome = await action({ submissionId: current.id, scores: checked.scores, comment });
    setPending(false);
    if (!outcome.ok) {
      setErrors(outcome.fieldErrors ?? {});
      setFormError(outcome.formError ?? 'The scores were not saved. Try again.');
      return;
    }
    const total = outcome.weightedTotal ?? weightedTotal(criteria, typed) ?? '';
    if (!cards[current.id]) setScored((n) => n + 1);
    setCards((all) => ({ ...all, [current.id]: { scores: Object.fromEntries(checked.scores.map((x) => [x.criterionKey, x.value])), comment: comment.trim(), weightedTotal: total } }));
    const next = submissions[index + 1];
    setAnnouncement(`Saved “${current.title}”: ${total} out of 10.${next ? ` Next: “${next.title}”.` : ''}`);
    go(index + 1);
  };

  // Ctrl+Enter (⌘+Enter on a Mac) in the comment saves and moves on; Enter alone writes a new line.
  const onCommentKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  const preview = weightedTotal(criteria, typed);
  return (
    <div className="stack">
      <p className="scoring-progress" aria-live="polite">
        <strong>{scored} of {total} scored</strong>
        {announcement && <span> · {announcement}</span>}
      </p>
      <progress className="scoring-meter" max={Math.max(total, 1)} value={scored} aria-label={`${scored} of ${total} scored`} />
      {!current ? (
        <EmptyState title={submissions.length ? 'You have scored every submission in this list' : 'Nothing left to score here'}>
          <p className="row">
            {moreHref && <Link href={moreHref}>Next submissions to score</Link>}
            <Link href="?show=all">Review all your scores</Link>
            <Link href={boardHref}>Judging board</Link>
          </p>
          {submissions.length > 0 && <p><Button variant="secondary" onClick={() => go(submissions.length - 1)}>Back to the last submission</Button></p>}
        </EmptyState>
      ) : (
        <div className="layout-detail">
          <Card as="article" aria-labelledby="scoring-submission-title">
            <p className="muted">Submission {index + 1} of {submissions.length} in this list{cards[current.id] ? ` · you scored it ${cards[current.id]!.weightedTotal}` : ''}</p>
            <h2 id="scoring-submission-title">{current.title}</h2>
            <p className="muted">Version {current.version} · submitted <LocalDate iso={current.submittedAt} /></p>
            <div className="submission"><pre>{current.body}</pre></div>
            <AttachmentList attachments={current.attachments ?? []} label={`Files of “${current.title}”`} />
          </Card>
          <form ref={formRef} noValidate onSubmit={save} className="stack" aria-labelledby="scoring-form-title">
            <h2 id="scoring-form-title">Your scores</h2>
            {formError && <Alert tone="danger">{formError}</Alert>}
            {criteria.map((c) => (
              <TextField key={`${current.id}-${c.key}`} label={`${c.label} (weight ${c.weightPercent} %)`} name={scoreField(c.key)}
                inputMode="decimal" autoComplete="off" value={typed[c.key] ?? ''} onChange={(e) => setTyped((t) => ({ ...t, [c.key]: e.target.value }))}
                error={errors[scoreField(c.key)]} hint={c.description ? `${c.description} ${SCORE_HINT}.` : `${SCORE_HINT}.`} />
            ))}
            <TextArea label="Comment for the author (optional)" name="comment" rows={4} maxLength={COMMENT_MAX} value={comment} onChange={(e) => setComment(e.target.value)}
              onKeyDown={onCommentKey} error={errors.comment} hint="Shown to the author without your name once the winners are announced. Ctrl+Enter saves." />
            <p aria-live="polite">Weighted score: <strong>{preview ?? '—'}</strong> out of 10</p>
            <div className="row">
              <Button type="submit" loading={pending} loadingText="Saving…">Save and next</Button>
              <Button variant="secondary" onClick={() => go(index - 1)} disabled={index === 0}>Previous</Button>
              <Button variant="secondary" onClick={() => go(index + 1)}>Next without saving</Button>
            </div>
            <p className="muted">Keyboard: Enter in a score, or Ctrl+Enter in the comment, saves and opens the next submission.</p>
          </form>
        </div>
      )}
    </div>
  );
}
