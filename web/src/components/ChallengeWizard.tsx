'use client';

import { useRef, useState, useTransition, type FormEvent } from 'react';
import type { ChallengeType, ChallengeVisibility, CreateChallengeInput, RubricCriterionInput, SubmissionVisibility } from '@/gql/graphql';
import { toDateTimeLocal } from '@/lib/challenges';
import { checkVoting, COMMUNITY_CHOICE_MEANING, isGallery, SUBMISSION_VISIBILITIES, VOTING_HINT } from '@/lib/entries';
import type { FormState } from '@/lib/errors';
import { DEFAULT_RUBRIC, GUARANTEED_MEANING, defaultJudgingDeadline, isDefaultRubric, judgingDeadlineError, validateRubric, type CriterionDraft } from '@/lib/judging';
import { formatMoney, parseDecimalToMinor, sumMinor } from '@/lib/money';
import { RubricEditor } from './JudgingForms';
import { Alert, Button, Card, Checkbox, RadioGroup, Select, Spinner, TextArea, TextField } from './ui';

// Mirrors the server's checks (services/challenges challenge.validation.ts) so most mistakes never leave the page.
export const LIMITS = { titleMin: 3, titleMax: 140, summaryMax: 500, descriptionMax: 20_000, termsMax: 20_000, labelMax: 80, prizesMax: 20, quantityMax: 10_000, placesMax: 10_000 };

/** `quantity`: how many different submissions win this prize's amount ("10" honourable mentions); blank counts 1. */
export interface PrizeDraft {
  key: number; label: string; amount: string; quantity?: string;
  /** Decided by the public vote (needs a voting window). */
  communityChoice?: boolean;
}
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
  /** Every prize place will be paid out (the rules award what is left at the judging deadline). */
  guaranteed?: boolean;
  /** datetime-local; blank: the default, 30 days after the submission deadline. */
  judgingDeadline?: string;
  /** The judging criteria; the default rubric (Overall, 100 %) is not sent. */
  rubric?: CriterionDraft[];
  /** Who sees the entries; default SEALED. */
  submissionVisibility?: SubmissionVisibility;
  /** datetime-local; both blank: no public vote. */
  votingStartsAt?: string;
  votingEndsAt?: string;
}

export type DraftErrors = Record<string, string>;

const chars = (s: string) => [...s.trim()].length;

/**
 * Checks a draft; returns the errors (keyed like the server's BAD_USER_INPUT fields) and, when clean, the API input.
 * `currencies` are the API's `challengeCurrencies`, the only ones createChallenge accepts.
 */
export function validateChallengeDraft(draft: ChallengeDraft, now: Date, currencies: readonly string[]): { errors: DraftErrors; input?: CreateChallengeInput; rubric?: RubricCriterionInput[] } {
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
  let places = 0;
  draft.prizes.forEach((prize, i) => {
    const label = prize.label.trim();
    if (!label) errors[`prizes[${i}].label`] = 'Enter a label, e.g. “First prize”';
    else if (chars(label) > LIMITS.labelMax) errors[`prizes[${i}].label`] = `Use at most ${LIMITS.labelMax} characters`;
    const amount = parseDecimalToMinor(prize.amount, draft.currency || 'USD');
    if (!amount.ok) errors[`prizes[${i}].amountMinor`] = amount.error;
    const typedQuantity = (prize.quantity ?? '').trim() || '1';
    const quantity = /^\d+$/.test(typedQuantity) ? Number(typedQuantity) : NaN;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > LIMITS.quantityMax) errors[`prizes[${i}].quantity`] = `Enter a whole number from 1 to ${LIMITS.quantityMax.toLocaleString('en-US')}`;
    else places += quantity;
    if (amount.ok && !errors[`prizes[${i}].quantity`]) prizes.push({ rank: i + 1, label, amountMinor: amount.amountMinor, quantity, ...(prize.communityChoice ? { communityChoice: true } : {}) });
  });
  if (!errors.prizes && places > LIMITS.placesMax) errors.prizes = `At most ${LIMITS.placesMax.toLocaleString('en-US')} prize places in all (${places.toLocaleString('en-US')} now)`;

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
  let judgingDeadline: Date | undefined;
  if (draft.judgingDeadline) {
    judgingDeadline = new Date(draft.judgingDeadline);
    const error = deadline && !errors.submissionDeadline ? judgingDeadlineError(judgingDeadline, deadline) : Number.isNaN(judgingDeadline.getTime()) ? 'Enter a valid date and time' : null;
    if (error) errors.judgingDeadline = error;
  }
  const rubric = validateRubric(draft.rubric ?? DEFAULT_RUBRIC);
  Object.assign(errors, rubric.errors);
  const submissionVisibility = draft.submissionVisibility ?? 'SEALED';
  const validDeadline = deadline && !errors.submissionDeadline ? deadline : undefined;
  const voting = checkVoting({
    mode: submissionVisibility,
    startsAt: draft.votingStartsAt ?? '',
    endsAt: draft.votingEndsAt ?? '',
    submissionDeadline: validDeadline,
    judgingDeadline: errors.judgingDeadline ? undefined : judgingDeadline ?? (validDeadline && defaultJudgingDeadline(validDeadline)),
    communityChoice: draft.prizes.some((p) => p.communityChoice),
    now,
  });
  Object.assign(errors, voting.errors);
  if (Object.keys(errors).length || !deadline) return { errors };
  return {
    errors,
    rubric: isDefaultRubric(rubric.input) ? undefined : rubric.input,
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
      guaranteed: Boolean(draft.guaranteed),
      ...(judgingDeadline ? { judgingDeadline: judgingDeadline.toISOString() } : {}),
      submissionVisibility,
      ...(voting.voting ? { voting: voting.voting } : {}),
    },
  };
}

const STEPS = ['Basics', 'Prizes', 'Deadlines, judging and review'] as const;
const STEP_FIELDS: ((field: string) => boolean)[] = [
  (f) => ['organizationId', 'title', 'summary', 'description', 'terms', 'type', 'visibility', 'submissionVisibility'].includes(f),
  (f) => f === 'currency' || f === 'guaranteed' || f.startsWith('prizes'),
  (f) => f === 'submissionDeadline' || f === 'judgingDeadline' || f.startsWith('criteria') || f === 'voting' || f.startsWith('voting.'),
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

/** The review's sentence about who sees the entries and the public vote. */
function entriesSummary(draft: ChallengeDraft): string {
  const mode = SUBMISSION_VISIBILITIES.find((m) => m.value === (draft.submissionVisibility ?? 'SEALED'))!;
  const vote = isGallery(mode.value) && draft.votingStartsAt && draft.votingEndsAt
    ? ` The public votes from ${draft.votingStartsAt.replace('T', ' ')} to ${draft.votingEndsAt.replace('T', ' ')}.`
    : ' No public vote.';
  return `${mode.label}.${vote} Both are fixed once the challenge is published.`;
}

export function ChallengeWizard({ organizations, currencies, action, now = () => new Date() }: {
  organizations: { id: string; name: string }[];
  /** The API's `challengeCurrencies` (from the page's query): the wizard keeps no list of its own. */
  currencies: readonly string[];
  /** Creates the draft; `rubric`: judging criteria to set on it (absent: the default one). */
  action: (input: CreateChallengeInput, rubric?: RubricCriterionInput[]) => Promise<FormState | undefined>;
  now?: () => Date;
}) {
  const nextKey = useRef(2);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<ChallengeDraft>({
    organizationId: organizations[0]?.id ?? '',
    title: '', summary: '', description: '', terms: '', type: 'IDEATION', visibility: 'PUBLIC', currency: currencies.includes('USD') ? 'USD' : currencies[0] ?? '', deadline: '',
    prizes: [{ key: 1, label: 'First prize', amount: '', quantity: '1' }],
    guaranteed: false, judgingDeadline: '', rubric: DEFAULT_RUBRIC,
    submissionVisibility: 'SEALED', votingStartsAt: '', votingEndsAt: '',
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
    const rubric = result.rubric;
    startTransition(async () => {
      const outcome = await action(input, rubric);
      if (!outcome) return;
      setErrors(outcome.fieldErrors ?? {});
      setFormError(outcome.formError ?? (outcome.fieldErrors ? 'Please correct the highlighted fields.' : undefined));
      const fields = Object.keys(outcome.fieldErrors ?? {});
      if (fields.length) goTo(Math.min(...fields.map(stepOf)));
    });
  };

  const total = (() => {
    const amounts = draft.prizes.map((p) => parseDecimalToMinor(p.amount, draft.currency));
    const quantities = draft.prizes.map((p) => ((p.quantity ?? '').trim() || '1'));
    if (!amounts.length || !amounts.every((a) => a.ok) || !quantities.every((q) => /^\d+$/.test(q))) return null;
    // The pool: each prize's amount times its places.
    return sumMinor(amounts.map((a, i) => (a.ok ? (BigInt(a.amountMinor) * BigInt(quantities[i]!)).toString() : '0')));
  })();
  const submissionDeadline = draft.deadline ? new Date(draft.deadline) : null;
  const judgingDefault = submissionDeadline && !Number.isNaN(submissionDeadline.getTime()) ? defaultJudgingDeadline(submissionDeadline) : null;
  const money = (amountMinor: string) => formatMoney(amountMinor, draft.currency, 'en-US');
  const quantityOf = (p: PrizeDraft) => Number((p.quantity ?? '').trim() || '1');

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
          <RadioGroup legend="Who sees the entries" name="submissionVisibility" value={draft.submissionVisibility ?? 'SEALED'} onChange={(mode) => set('submissionVisibility', mode)}
            options={SUBMISSION_VISIBILITIES} error={errors.submissionVisibility} hint="Fixed once the challenge is published." />
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
                    error={errors[`prizes[${i}].amountMinor`]} hint="Each winner of this prize receives it; e.g. 1500 or 1500.50" />
                </div>
                <TextField label={`Prize ${i + 1} places`} inputMode="numeric" value={prize.quantity ?? '1'} onChange={(e) => setPrize(i, { quantity: e.target.value })}
                  error={errors[`prizes[${i}].quantity`]} hint="How many different submissions win it: 1 for a single winner, 10 for “10 × $50 honourable mentions”" />
                <Checkbox label={`Prize ${i + 1} is a community choice prize`} checked={Boolean(prize.communityChoice)} onChange={(e) => setPrize(i, { communityChoice: e.target.checked })}
                  error={errors[`prizes[${i}].communityChoice`]} hint={COMMUNITY_CHOICE_MEANING} />
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
              onClick={() => set('prizes', [...draft.prizes, { key: nextKey.current++, label: '', amount: '', quantity: '1' }])}>
              Add a prize
            </Button>
            <p aria-live="polite">Total prize pool: <strong>{total ? formatMoney(total, draft.currency, 'en-US') : '—'}</strong></p>
          </div>
          <Checkbox label="Guarantee the prizes" checked={Boolean(draft.guaranteed)} onChange={(e) => set('guaranteed', e.target.checked)} error={errors.guaranteed} hint={GUARANTEED_MEANING} />
        </>
      )}

      {step === 2 && (
        <>
          <TextField label="Submission deadline" type="datetime-local" value={draft.deadline} onChange={(e) => set('deadline', e.target.value)}
            error={errors.submissionDeadline} hint="Your local time; at most two years ahead" />
          <TextField label="Judging deadline (optional)" type="datetime-local" value={draft.judgingDeadline ?? ''} onChange={(e) => set('judgingDeadline', e.target.value)}
            error={errors.judgingDeadline}
            hint={`Default: 30 days after the submission deadline${judgingDefault ? ` (${toDateTimeLocal(judgingDefault.toISOString()).replace('T', ' ')})` : ''}; at most 180 days after it. By then every prize is decided: ${draft.guaranteed ? 'places not awarded go to the best-ranked submissions' : 'prizes not awarded are refunded to you'}.`} />
          <RubricEditor criteria={draft.rubric ?? DEFAULT_RUBRIC} onChange={(rubric) => set('rubric', rubric)} errors={errors} />
          <fieldset className="stack" aria-describedby={errors.voting ? 'voting-error' : undefined}>
            <legend>Public vote (optional)</legend>
            {isGallery(draft.submissionVisibility ?? 'SEALED') ? (
              <>
                <p className="field-hint">{VOTING_HINT}{draft.submissionVisibility === 'GALLERY_AFTER_CLOSE' ? ' Voting can open when submissions close at the earliest.' : ''} It closes by the judging deadline at the latest.</p>
                <div className="grid-2">
                  <TextField label="Voting opens" type="datetime-local" value={draft.votingStartsAt ?? ''} onChange={(e) => set('votingStartsAt', e.target.value)} error={errors['voting.startsAt']} />
                  <TextField label="Voting closes" type="datetime-local" value={draft.votingEndsAt ?? ''} onChange={(e) => set('votingEndsAt', e.target.value)} error={errors['voting.endsAt']} />
                </div>
              </>
            ) : (
              <p className="muted">Entries are sealed, so the public cannot vote. To let people vote, choose a public gallery in step 1.</p>
            )}
            {errors.voting && <p className="field-error" id="voting-error">{errors.voting}</p>}
          </fieldset>
          <Card as="div">
            <h3>{draft.title || 'Untitled challenge'}</h3>
            <p>{draft.summary}</p>
            <ul>
              {draft.prizes.map((p, i) => {
                const amount = parseDecimalToMinor(p.amount, draft.currency);
                const q = quantityOf(p);
                return <li key={p.key}>{i + 1}. {q > 1 ? `${q} × ` : ''}{p.label}: {amount.ok ? `${money(amount.amountMinor)}${q > 1 ? ' each' : ''}` : '—'}{p.communityChoice ? ' (community choice: decided by the public vote)' : ''}</li>;
              })}
            </ul>
            <p>{draft.guaranteed ? 'Guaranteed: every prize place will be paid out.' : 'Not guaranteed: prizes you do not award are refunded to you.'}</p>
            <p>{entriesSummary(draft)}</p>
            <p>Judged on: {(draft.rubric ?? DEFAULT_RUBRIC).map((c) => `${c.label.trim() || 'unnamed'} (${c.weight.trim() || '?'} %)`).join(', ')}.</p>
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
