'use client';

import Link from 'next/link';
import { useActionState, useEffect, useState } from 'react';
import type { ChallengeType, ChallengeVisibility, SubmissionVisibility } from '@/gql/graphql';
import { EXTEND_ONLY_HINT, FIXED_PRIZES_NOTE, toDateTimeLocal, type EditableStatus } from '@/lib/challenges';
import type { FormState } from '@/lib/errors';
import { COMMUNITY_CHOICE_MEANING, isGallery, SUBMISSION_VISIBILITIES, VOTING_HINT } from '@/lib/entries';
import { GUARANTEED_MEANING } from '@/lib/judging';
import { LIMITS, TYPES, VISIBILITIES } from './ChallengeWizard';
import { SubmitButton } from './forms';
import { Money } from './Money';
import { Alert, Card, Checkbox, RadioGroup, Select, TextArea, TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;
type MoneyValue = { amountMinor: string; currency: string };

export interface EditableChallenge {
  id: string;
  status: EditableStatus;
  title: string;
  summary: string;
  description: string;
  terms?: string | null;
  type: ChallengeType;
  visibility: ChallengeVisibility;
  submissionDeadline: string;
  currency: string;
  totalPrize: MoneyValue;
  prizes: { rank: number; label: string; amount: MoneyValue; quantity?: number; communityChoice?: boolean }[];
  guaranteed?: boolean;
  judgingDeadline?: string;
  submissionVisibility?: SubmissionVisibility;
  votingWindow?: { startsAt: string; endsAt: string } | null;
}

/**
 * A date-time field of the form: the reader's local value, and the instant to send: the original one while untouched
 * (so its seconds are not rounded away), the typed one once changed, '' when blank.
 */
function useLocalInstant(original: string | null | undefined) {
  const [state, setState] = useState({ initial: '', value: '' });
  useEffect(() => {
    const initial = original ? toDateTimeLocal(original) : '';
    setState({ initial, value: initial });
  }, [original]);
  const typed = state.value !== '' ? new Date(state.value) : null;
  const iso = state.value === '' ? '' : state.value === state.initial && original ? original : typed && !Number.isNaN(typed.getTime()) ? typed.toISOString() : state.value;
  return { value: state.value, iso, set: (value: string) => setState((s) => ({ ...s, value })) };
}

const ERROR_TITLES: Record<string, string> = {
  FORBIDDEN: 'Not allowed',
  FAILED_PRECONDITION: 'Not saved',
  NOT_FOUND: 'Challenge not found',
  UNAUTHENTICATED: 'Your session has ended',
};

/**
 * Edits a challenge (updateChallenge) with the creation form's fields. A DRAFT: everything but prizes and currency,
 * which are shown read-only. An OPEN challenge: summary, description, and a later deadline. The deadline is typed in
 * the reader's time zone; the browser turns it into an instant (`submissionDeadline`) only when it was changed, so
 * an untouched deadline (with its seconds) is never sent back rounded to the minute.
 */
export function ChallengeEditForm({ action, challenge }: { action: Action; challenge: EditableChallenge }) {
  const [state, formAction] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const isDraft = challenge.status === 'DRAFT';
  // Server and first client render agree (empty); after hydration the reader's time zone gives the local value.
  const [deadline, setDeadline] = useState({ initial: '', value: '' });
  useEffect(() => {
    const initial = toDateTimeLocal(challenge.submissionDeadline);
    setDeadline({ initial, value: initial });
  }, [challenge.submissionDeadline]);
  const changedDeadline = deadline.value !== deadline.initial && deadline.value !== '' ? new Date(deadline.value) : null;
  const deadlineIso = changedDeadline && !Number.isNaN(changedDeadline.getTime()) ? changedDeadline.toISOString() : '';
  // The judging deadline likewise: sent only when changed (else it moves with the submission deadline).
  const [judging, setJudging] = useState({ initial: '', value: '' });
  useEffect(() => {
    const initial = challenge.judgingDeadline ? toDateTimeLocal(challenge.judgingDeadline) : '';
    setJudging({ initial, value: initial });
  }, [challenge.judgingDeadline]);
  const changedJudging = judging.value !== judging.initial && judging.value !== '' ? new Date(judging.value) : null;
  const judgingIso = changedJudging && !Number.isNaN(changedJudging.getTime()) ? changedJudging.toISOString() : '';
  // Who sees the entries, and the public vote's window (a sealed challenge has none: its fields are sent blank).
  const [mode, setMode] = useState<SubmissionVisibility>((values.submissionVisibility as SubmissionVisibility | undefined) ?? challenge.submissionVisibility ?? 'SEALED');
  const votingStarts = useLocalInstant(challenge.votingWindow?.startsAt);
  const votingEnds = useLocalInstant(challenge.votingWindow?.endsAt);

  return (
    <form action={formAction} noValidate className="stack" aria-label="Edit challenge">
      {state.formError && (
        <Alert tone="danger" title={ERROR_TITLES[state.code ?? ''] ?? 'Not saved'}>
          <p>{state.formError}</p>
        </Alert>
      )}
      <input type="hidden" name="challengeId" value={challenge.id} />
      {isDraft && (
        <TextField label="Title" name="title" defaultValue={values.title ?? challenge.title} error={errors.title} hint={`${LIMITS.titleMin}–${LIMITS.titleMax} characters`} />
      )}
      <TextArea label="Summary" name="summary" rows={3} defaultValue={values.summary ?? challenge.summary} error={errors.summary} hint={`Shown in listings; up to ${LIMITS.summaryMax} characters`} />
      <TextArea label="Description" name="description" rows={10} defaultValue={values.description ?? challenge.description} error={errors.description}
        hint="The full brief: problem, requirements, judging criteria" />
      {isDraft && (
        <>
          <TextArea label="Terms" name="terms" rows={6} defaultValue={values.terms ?? challenge.terms ?? ''} error={errors.terms}
            hint="What solvers agree to: IP transfer, confidentiality, eligibility. Leave blank for none. Fixed once the challenge is published." />
          <div className="grid-2">
            {/* A select's defaultValue applies at mount only: the key re-mounts it with what was submitted. */}
            <Select key={`type-${values.type ?? challenge.type}`} label="Type" name="type" defaultValue={values.type ?? challenge.type} options={TYPES} error={errors.type} />
            <Select key={`visibility-${values.visibility ?? challenge.visibility}`} label="Visibility" name="visibility" defaultValue={values.visibility ?? challenge.visibility}
              options={VISIBILITIES} error={errors.visibility} />
          </div>
        </>
      )}
      <TextField label="Submission deadline" type="datetime-local" name="deadlineLocal" value={deadline.value} min={isDraft ? undefined : deadline.initial}
        onChange={(e) => setDeadline((d) => ({ ...d, value: e.target.value }))} error={errors.submissionDeadline}
        hint={isDraft ? 'Your local time; at most two years ahead' : `${EXTEND_ONLY_HINT} Your local time; at most two years ahead.`} />
      <input type="hidden" name="submissionDeadline" value={deadlineIso} />
      {isDraft && (
        <>
          <TextField label="Judging deadline" type="datetime-local" name="judgingDeadlineLocal" value={judging.value} onChange={(e) => setJudging((d) => ({ ...d, value: e.target.value }))}
            error={errors.judgingDeadline} hint="Default: 30 days after the submission deadline, and it moves with it; at most 180 days after it. By then every prize is decided." />
          <input type="hidden" name="judgingDeadline" value={judgingIso} />
          <input type="hidden" name="guaranteedShown" value="yes" />
          <Checkbox label="Guarantee the prizes" name="guaranteed" value="yes" defaultChecked={values.guaranteed ? values.guaranteed === 'yes' : Boolean(challenge.guaranteed)}
            error={errors.guaranteed} hint={GUARANTEED_MEANING} />
          <RadioGroup legend="Who sees the entries" name="submissionVisibility" value={mode} onChange={setMode} options={SUBMISSION_VISIBILITIES}
            error={errors.submissionVisibility} hint="Fixed once the challenge is published." />
          <fieldset className="stack" aria-describedby={errors.voting ? 'voting-error' : undefined}>
            <legend>Public vote (optional)</legend>
            <input type="hidden" name="votingShown" value="yes" />
            <input type="hidden" name="votingStartsAt" value={isGallery(mode) ? votingStarts.iso : ''} />
            <input type="hidden" name="votingEndsAt" value={isGallery(mode) ? votingEnds.iso : ''} />
            {isGallery(mode) ? (
              <>
                <p className="field-hint">{VOTING_HINT}{mode === 'GALLERY_AFTER_CLOSE' ? ' Voting can open when submissions close at the earliest.' : ''} It closes by the judging deadline at the latest. Leave both blank for no vote.</p>
                <div className="grid-2">
                  <TextField label="Voting opens" type="datetime-local" name="votingStartsLocal" value={votingStarts.value} onChange={(e) => votingStarts.set(e.target.value)} error={errors['voting.startsAt']} />
                  <TextField label="Voting closes" type="datetime-local" name="votingEndsLocal" value={votingEnds.value} onChange={(e) => votingEnds.set(e.target.value)} error={errors['voting.endsAt']} />
                </div>
              </>
            ) : (
              <p className="muted">Entries are sealed, so the public cannot vote. To let people vote, choose a public gallery above.</p>
            )}
            {errors.voting && <p className="field-error" id="voting-error">{errors.voting}</p>}
          </fieldset>
        </>
      )}
      {!isDraft && <p className="muted">Title, type, visibility, terms, who sees the entries and the public vote are fixed once a challenge is published: solvers entered on them.</p>}
      {isDraft && (
        <Card as="div" aria-labelledby="fixed-prizes-title">
          <h2 id="fixed-prizes-title">Prizes and currency</h2>
          <p>
            <Money {...challenge.totalPrize} /> in total ({challenge.currency})
          </p>
          <ul className="prize-list">
            {challenge.prizes.map((p) => (
              <li key={p.rank}>
                <span>{p.rank}. {(p.quantity ?? 1) > 1 ? `${p.quantity} × ` : ''}{p.label}{p.communityChoice ? ' (community choice)' : ''}</span> <strong><Money {...p.amount} />{(p.quantity ?? 1) > 1 ? ' each' : ''}</strong>
              </li>
            ))}
          </ul>
          <p className="muted">{FIXED_PRIZES_NOTE}</p>
          {challenge.prizes.some((p) => p.communityChoice) && <p className="muted">{COMMUNITY_CHOICE_MEANING}</p>}
        </Card>
      )}
      <div className="row">
        <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
        <Link href={`/challenges/${challenge.id}`}>Cancel</Link>
      </div>
    </form>
  );
}
