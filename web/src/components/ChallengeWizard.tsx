'use client';

import { useRef, useState, useTransition, type FormEvent } from 'react';
import type { ChallengeType, ChallengeVisibility, CreateChallengeInput } from '@/gql/graphql';
import type { FormState } from '@/lib/errors';
import { formatMoney, parseDecimalToMinor, sumMinor } from '@/lib/money';
import { Alert, Button, Card, Select, Spinner, TextArea, TextField } from './ui';

// Mirrors the server's checks (services/challenges challenge.validation.ts) so most mistakes never leave the page.
export const LIMITS = { titleMin: 3, titleMax: 140, summaryMax: 500, descriptionMax: 20_000, termsMax: 20_000, labelMax: 80, prizesMax: 20 };

export interface PrizeDraft { key: number; label: string; amount: string }
export interface ChallengeDraft {
  organizationId: string;
  title: string;
  summary: string;
  description: string;
  /** Optional: blank means the challenge has no terms. */
  terms: string;
  type: ChallengeType;
  visibility: ChallengeVisibility;
  currency: string;
  deadline: string; // <input type="datetime-local"> value, the reader's local time
  prizes: PrizeDraft[];
}

export type DraftErrors = Record<string, string>;

const chars = (s: string) => [...s.trim()].length;

/**
 * Checks a draft; returns the errors (keyed like the server's BAD_USER_INPUT fields) and, when clean, the API input.
 * `currencies` are the API's `challengeCurrencies`, the only ones createChallenge accepts.
 */
export function validateChallengeDraft(draft: ChallengeDraft, now: Date, currencies: readonly string[]): { errors: DraftErrors; input?: CreateChallengeInput } {
  const errors: DraftErrors = {};
  if (!draft.organizationId) errors.organizationId = 'Choose the sponsoring organization';
  const title = chars(draft.title);
  if (title === 0) errors.title = 'Enter a title';
  else if (title < LIMITS.titleMin) errors.title = `Use at least ${LIMITS.titleMin} characters`;
  else if (title > LIMITS.titleMax) errors.title = `Use at most ${LIMITS.titleMax} characters`;
  if (chars(draft.summary) === 0) errors.summary = 'Enter a summary';
  else if (chars(draft.summary) > LIMITS.summaryMax) errors.summary = `Use at most ${LIMITS.summaryMax} characters`;
  if (chars(draft.description) === 0) errors.description = 'Enter a description';
  else if (chars(draft.description) > LIMITS.descriptionMax) errors.description = `Use at most ${LIMITS.descriptionMax} characters`;
  if (chars(draft.terms) > LIMITS.termsMax) errors.terms = `Use at most ${LIMITS.termsMax} characters`;

  if (!currencies.includes(draft.currency)) errors.currency = 'Choose a currency';
  if (draft.prizes.length < 1) errors.prizes = 'Add at least one prize';
  else if (draft.prizes.length > LIMITS.prizesMax) errors.prizes = `At most ${LIMITS.prizesMax} prizes`;
  const prizes: CreateChallengeInput['prizes'] = [];
  draft.prizes.forEach((prize, i) => {
    const label = prize.label.trim();
    if (!label) errors[`prizes[${i}].label`] = 'Enter a label, e.g. “First prize”';
    else if (chars(label) > LIMITS.labelMax) errors[`prizes[${i}].label`] = `Use at most ${LIMITS.labelMax} characters`;
    const amount = parseDecimalToMinor(prize.amount, draft.currency || 'USD');
    if (!amount.ok) errors[`prizes[${i}].amountMinor`] = amount.error;
    else prizes.push({ rank: i + 1, label, amountMinor: amount.amountMinor });
  });

  let deadline: Date | undefined;
  if (!draft.deadline) errors.submissionDeadline = 'Choose the submission deadline';
  else {
    deadline = new Date(draft.deadline);
    if (Number.isNaN(deadline.getTime())) errors.submissionDeadline = 'Enter a valid date and time';
    else if (deadline.getTime() <= now.getTime()) errors.submissionDeadline = 'The deadline must be in the future';
    else {
      const latest = new Date(now);
      latest.setUTCFullYear(latest.getUTCFullYear() + 2);
      if (deadline.getTime() > latest.getTime()) errors.submissionDeadline = 'The deadline must be within two years';
    }
  }
  if (Object.keys(errors).length || !deadline) return { errors };
  return {
    errors,
    input: {
      organizationId: draft.organizationId,
      title: draft.title.trim(),
      summary: draft.summary.trim(),
      description: draft.description.trim(),
      terms: draft.terms.trim() || null,
      type: draft.type,
      visibility: draft.visibility,
      currency: draft.currency,
      prizes,
      submissionDeadline: deadline.toISOString(),
    },
  };
}

const STEPS = ['Basics', 'Prizes', 'Deadline and review'] as const;
const STEP_FIELDS: ((field: string) => boolean)[] = [
  (f) => ['organizationId', 'title', 'summary', 'description', 'terms', 'type', 'visibility'].includes(f),
  (f) => f === 'currency' || f.startsWith('prizes'),
  (f) => f === 'submissionDeadline',
];
const stepOf = (field: string) => Math.max(0, STEP_FIELDS.findIndex((match) => match(field)));

/** The type and visibility choices, shared with the edit form (ChallengeEditForm). */
export const TYPES: { value: ChallengeType; label: string }[] = [
  { value: 'IDEATION', label: 'Ideation' },
  { value: 'THEORETICAL', label: 'Theoretical' },
  { value: 'REDUCTION_TO_PRACTICE', label: 'Reduction to practice' },
  { value: 'DESIGN', label: 'Design' },
];
export const VISIBILITIES: { value: ChallengeVisibility; label: string }[] = [{ value: 'PUBLIC', label: 'Public' }, { value: 'INVITE_ONLY', label: 'Invite only' }];

export function ChallengeWizard({ organizations, currencies, action, now = () => new Date() }: {
  organizations: { id: string; name: string }[];
  /** The API's `challengeCurrencies` (from the page's query): the wizard keeps no list of its own. */
  currencies: readonly string[];
  action: (input: CreateChallengeInput) => Promise<FormState | undefined>;
  now?: () => Date;
}) {
  const nextKey = useRef(2);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<ChallengeDraft>({
    organizationId: organizations[0]?.id ?? '',
    title: '', summary: '', description: '', terms: '', type: 'IDEATION', visibility: 'PUBLIC', currency: currencies.includes('USD') ? 'USD' : currencies[0] ?? '', deadline: '',
    prizes: [{ key: 1, label: 'First prize', amount: '' }],
  });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const set = <K extends keyof ChallengeDraft>(key: K, value: ChallengeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setPrize = (index: number, patch: Partial<PrizeDraft>) =>
    setDraft((d) => ({ ...d, prizes: d.prizes.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));

  const goTo = (target: number) => {
    setStep(target);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateChallengeDraft(draft, now(), currencies);
    const stepErrors = Object.fromEntries(Object.entries(result.errors).filter(([field]) => stepOf(field) <= step));
    setErrors(stepErrors);
    setFormError(undefined);
    if (Object.keys(stepErrors).length) {
      const first = Object.keys(stepErrors)[0];
      if (stepOf(first) !== step) goTo(stepOf(first));
      return;
    }
    if (step < STEPS.length - 1) return goTo(step + 1);
    if (!result.input) return;
    const input = result.input;
    startTransition(async () => {
      const outcome = await action(input);
      if (!outcome) return;
      setErrors(outcome.fieldErrors ?? {});
      setFormError(outcome.formError ?? (outcome.fieldErrors ? 'Please correct the highlighted fields.' : undefined));
      const fields = Object.keys(outcome.fieldErrors ?? {});
      if (fields.length) goTo(Math.min(...fields.map(stepOf)));
    });
  };

  const total = (() => {
    const amounts = draft.prizes.map((p) => parseDecimalToMinor(p.amount, draft.currency));
    return amounts.every((a) => a.ok) && amounts.length ? sumMinor(amounts.map((a) => (a.ok ? a.amountMinor : '0'))) : null;
  })();

  return (
    <form onSubmit={submit} noValidate className="stack wizard" aria-label="Create a challenge">
      <ol className="steps" aria-label="Steps">
        {STEPS.map((name, i) => (
          <li key={name} aria-current={i === step ? 'step' : undefined} className={i === step ? 'step-current' : i < step ? 'step-done' : undefined}>
            <span className="step-number">{i + 1}</span> {name}
          </li>
        ))}
      </ol>
      <h2 ref={headingRef} tabIndex={-1}>
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </h2>
      {formError && <Alert tone="danger">{formError}</Alert>}
      {errors.organizationId && step !== 0 && <Alert tone="danger">{errors.organizationId}</Alert>}

      {step === 0 && (
        <>
          <Select label="Sponsoring organization" value={draft.organizationId} onChange={(e) => set('organizationId', e.target.value)} error={errors.organizationId}
            options={organizations.map((o) => ({ value: o.id, label: o.name }))} />
          <TextField label="Title" value={draft.title} onChange={(e) => set('title', e.target.value)} error={errors.title} hint={`${LIMITS.titleMin}–${LIMITS.titleMax} characters`} />
          <TextArea label="Summary" rows={3} value={draft.summary} onChange={(e) => set('summary', e.target.value)} error={errors.summary} hint={`Shown in listings; up to ${LIMITS.summaryMax} characters`} />
          <TextArea label="Description" rows={10} value={draft.description} onChange={(e) => set('description', e.target.value)} error={errors.description} hint="The full brief: problem, requirements, judging criteria" />
          <TextArea label="Terms" rows={6} value={draft.terms} onChange={(e) => set('terms', e.target.value)} error={errors.terms}
            hint="What solvers agree to: IP transfer, confidentiality, eligibility. Solvers must accept these before submitting." />
          <div className="grid-2">
            <Select label="Type" value={draft.type} onChange={(e) => set('type', e.target.value as ChallengeType)} options={TYPES} error={errors.type} />
            <Select label="Visibility" value={draft.visibility} onChange={(e) => set('visibility', e.target.value as ChallengeVisibility)} error={errors.visibility}
              options={VISIBILITIES} />
          </div>
        </>
      )}

      {step === 1 && (
        <>
          <Select label="Currency" value={draft.currency} onChange={(e) => set('currency', e.target.value)} error={errors.currency}
            options={currencies.map((c) => ({ value: c, label: c }))} />
          {errors.prizes && <Alert tone="danger">{errors.prizes}</Alert>}
          <fieldset className="prizes">
            <legend>Prize tiers</legend>
            {draft.prizes.map((prize, i) => (
              <Card key={prize.key} className="prize-row" as="div">
                <p className="prize-rank">{prize.label.trim() || `Prize ${i + 1}`}</p>
                <div className="grid-2">
                  <TextField label={`Prize ${i + 1} label`} value={prize.label} onChange={(e) => setPrize(i, { label: e.target.value })} error={errors[`prizes[${i}].label`]} />
                  <TextField label={`Prize ${i + 1} amount (${draft.currency})`} inputMode="decimal" value={prize.amount} onChange={(e) => setPrize(i, { amount: e.target.value })}
                    error={errors[`prizes[${i}].amountMinor`]} hint="e.g. 1500 or 1500.50" />
                </div>
                {draft.prizes.length > 1 && (
                  <Button variant="ghost" onClick={() => set('prizes', draft.prizes.filter((_, j) => j !== i))}>
                    Remove prize {i + 1}
                  </Button>
                )}
              </Card>
            ))}
          </fieldset>
          <div className="row">
            <Button variant="secondary" disabled={draft.prizes.length >= LIMITS.prizesMax}
              onClick={() => set('prizes', [...draft.prizes, { key: nextKey.current++, label: '', amount: '' }])}>
              Add a prize
            </Button>
            <p aria-live="polite">Total prize pool: <strong>{total ? formatMoney(total, draft.currency, 'en-US') : '—'}</strong></p>
          </div>
        </>
      )}

      {step === 2 && (
        <>
          <TextField label="Submission deadline" type="datetime-local" value={draft.deadline} onChange={(e) => set('deadline', e.target.value)}
            error={errors.submissionDeadline} hint="Your local time; at most two years ahead" />
          <Card as="div">
            <h3>{draft.title || 'Untitled challenge'}</h3>
            <p>{draft.summary}</p>
            <ul>
              {draft.prizes.map((p, i) => {
                const amount = parseDecimalToMinor(p.amount, draft.currency);
                return <li key={p.key}>{i + 1}. {p.label}: {amount.ok ? formatMoney(amount.amountMinor, draft.currency, 'en-US') : '—'}</li>;
              })}
            </ul>
            <p>{draft.terms.trim() ? 'Solvers must accept your terms before submitting.' : 'No terms: solvers can submit without accepting any.'} Terms cannot be changed once the challenge is published.</p>
            <p>The challenge is saved as a draft. You fund the prize pool (plus the platform fee) and publish it next.</p>
          </Card>
        </>
      )}

      <div className="row">
        {step > 0 && (
          <Button variant="secondary" onClick={() => goTo(step - 1)}>
            Back
          </Button>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? <><Spinner label="Creating" /> Creating…</> : step < STEPS.length - 1 ? 'Next' : 'Create draft challenge'}
        </Button>
      </div>
    </form>
  );
}
