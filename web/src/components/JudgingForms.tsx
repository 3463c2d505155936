'use client';

import { useActionState, useState } from 'react';
import type { FormState } from '@/lib/errors';
import {
  CHALLENGE_INVITATION_DAYS, JUDGE_INVITATIONS_MAX, RUBRIC_LIMITS, criterionKey, judgeEmailsError, parseEmails, validateRubric, weightSum, weightSumText,
  type CriterionDraft,
} from '@/lib/judging';
import type { RubricCriterionInput } from '@/gql/graphql';
import { FormMessages, SubmitButton, useClientChecked } from './forms';
import { Alert, Button, Card, TextArea, TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

/**
 * The "Judges" card's form (and, with role PARTICIPANT, the "Invited solvers" card's of an invite-only challenge):
 * several addresses at once, one per line or separated by commas.
 */
export function InviteJudgesForm({ action, challengeId, role = 'JUDGE' }: { action: Action; challengeId: string; role?: 'JUDGE' | 'PARTICIPANT' }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd): Record<string, string> => {
    const error = judgeEmailsError(parseEmails(String(fd.get('emails') ?? '')), role);
    return error ? { emails: error } : {};
  });
  const judges = role === 'JUDGE';
  const titleId = judges ? 'judges-invite-title' : 'participants-invite-title';
  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby={titleId}>
      <h3 id={titleId}>{judges ? 'Invite judges' : 'Invite solvers'}</h3>
      <FormMessages state={state} />
      <input type="hidden" name="challengeId" value={challengeId} />
      {!judges && <input type="hidden" name="role" value="PARTICIPANT" />}
      {/* The key empties the field after each successful invitation (a new message each time). */}
      <TextArea label={judges ? 'Judges’ email addresses' : 'Solvers’ email addresses'} name="emails" rows={3} required spellCheck={false} autoComplete="off"
        defaultValue={state.ok ? '' : state.values?.emails} key={state.ok ? state.message : 'form'} error={clientErrors.emails ?? state.fieldErrors?.emails}
        hint={judges
          ? `One per line, or separated by commas; up to ${JUDGE_INVITATIONS_MAX}. Each gets a mail and accepts within ${CHALLENGE_INVITATION_DAYS} days. Judges read the sealed submissions and score them, nothing else.`
          : `One per line, or separated by commas; up to ${JUDGE_INVITATIONS_MAX}. Each gets a mail and accepts within ${CHALLENGE_INVITATION_DAYS} days; only those who accept can see this challenge and enter it.`} />
      <SubmitButton pendingText="Sending…" variant="secondary">Send invitations</SubmitButton>
    </form>
  );
}

/** Accept or Decline a challenge invitation: the button pressed is the answer; a refusal is said above them. */
export function ChallengeInvitationAnswer({ action, invitationId, challengeTitle, role = 'JUDGE' }: { action: Action; invitationId: string; challengeTitle: string; role?: string }) {
  const what = role === 'PARTICIPANT' ? 'take part in' : 'judge';
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack">
      {state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <input type="hidden" name="invitationId" value={invitationId} />
      <div className="row">
        <Button type="submit" name="answer" value="accept" disabled={pending} aria-label={`Accept to ${what} ${challengeTitle}`}>Accept</Button>
        <Button type="submit" name="answer" value="decline" variant="secondary" disabled={pending} aria-label={`Decline to ${what} ${challengeTitle}`}>Decline</Button>
      </div>
    </form>
  );
}

/**
 * The rubric editor: criteria with a name, a description and a weight in percent, with the live check that the
 * weights add up to 100 %. Controlled: the wizard keeps the criteria in its draft, the edit page in RubricForm.
 */
export function RubricEditor({ criteria, onChange, errors = {} }: {
  criteria: CriterionDraft[];
  onChange: (criteria: CriterionDraft[]) => void;
  errors?: Record<string, string>;
}) {
  const { ok } = weightSum(criteria);
  const set = (index: number, patch: Partial<CriterionDraft>) => onChange(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const add = () => {
    const taken = criteria.map((c) => c.key);
    onChange([...criteria, { key: criterionKey(`criterion ${criteria.length + 1}`, taken), label: '', description: '', weight: '' }]);
  };
  return (
    <fieldset className="stack rubric">
      <legend>Judging criteria</legend>
      <p className="muted">Judges score each criterion from 0 to 10; a submission’s score is the weighted sum. Up to {RUBRIC_LIMITS.criteriaMax} criteria.</p>
      {errors.criteria && <Alert tone="danger">{errors.criteria}</Alert>}
      {criteria.map((c, i) => (
        <Card key={c.key} as="div" className="prize-row">
          <p className="prize-rank">{c.label.trim() || `Criterion ${i + 1}`}</p>
          <div className="grid-2">
            <TextField label={`Criterion ${i + 1} name`} value={c.label} maxLength={RUBRIC_LIMITS.labelMax} onChange={(e) => set(i, { label: e.target.value })} error={errors[`criteria[${i}].label`]} />
            <TextField label={`Criterion ${i + 1} weight (%)`} inputMode="numeric" value={c.weight} onChange={(e) => set(i, { weight: e.target.value })}
              error={errors[`criteria[${i}].weight`]} hint="A whole number from 1 to 100" />
          </div>
          <TextArea label={`Criterion ${i + 1} description`} rows={2} value={c.description} onChange={(e) => set(i, { description: e.target.value })}
            error={errors[`criteria[${i}].description`]} hint="What judges look for (optional, up to 500 characters)" />
          {criteria.length > 1 && (
            <Button variant="ghost" onClick={() => onChange(criteria.filter((_, j) => j !== i))}>Remove criterion {i + 1}</Button>
          )}
        </Card>
      ))}
      <div className="row">
        <Button variant="secondary" disabled={criteria.length >= RUBRIC_LIMITS.criteriaMax} onClick={add}>Add a criterion</Button>
        <p aria-live="polite" className={ok ? 'muted' : undefined}>{ok ? '✓ ' : ''}<strong>{weightSumText(criteria)}</strong></p>
      </div>
    </fieldset>
  );
}

/** The edit page's rubric (DRAFT only): the editor and its own Save, calling setJudgingRubric. */
export function RubricForm({ challengeId, initial, action }: {
  challengeId: string;
  initial: CriterionDraft[];
  action: (challengeId: string, criteria: RubricCriterionInput[]) => Promise<FormState>;
}) {
  const [criteria, setCriteria] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<FormState>({});
  const [pending, setPending] = useState(false);
  return (
    <form noValidate className="stack" aria-label="Judging criteria" onSubmit={async (event) => {
      event.preventDefault();
      const form = event.currentTarget;
      const checked = validateRubric(criteria);
      setErrors(checked.errors);
      setState({});
      if (Object.keys(checked.errors).length) {
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      setPending(true);
      const outcome = await action(challengeId, checked.input);
      setPending(false);
      setState(outcome);
      if (outcome.fieldErrors?.criteria) setErrors({ criteria: 'Check the criteria: 1 to 10, each named, with whole-number weights adding up to 100 %.' });
    }}>
      <FormMessages state={state} />
      <RubricEditor criteria={criteria} onChange={setCriteria} errors={errors} />
      <div className="row">
        <Button type="submit" loading={pending} loadingText="Saving…">Save judging criteria</Button>
      </div>
    </form>
  );
}
