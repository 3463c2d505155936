'use client';

import { useActionState, useCallback, useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from './Dialog';
import { useRouter } from 'next/navigation';
import { ACCEPT_TERMS_FIELD, ACCEPT_TERMS_REQUIRED, type TermsStep } from '@/lib/challenges';
import type { SubmissionVisibility } from '@/gql/graphql';
import { submitFormNote } from '@/lib/entries';
import type { FormState } from '@/lib/errors';
import { FormMessages, requiredFields, SubmitButton, useClientChecked } from './forms';
import type { AttachmentView } from './Attachments';
import { AttachmentPicker, type CheckUpload, type CreateUpload, type PickerActivity } from './AttachmentsPicker';
import { Alert, Button, Checkbox, Select, TextArea, TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

/**
 * Submits (or resubmits) a solution. When the challenge has terms the viewer has not accepted yet, a required box
 * accepts them with the same submission (the action calls acceptChallengeTerms first).
 */
export function SubmitSolutionForm({ action, createUpload, checkUpload, challengeId, latest, terms = 'none', team, visibility = 'SEALED' }: {
  action: Action;
  /** createAttachmentUploadAction: the picker's first step for each file. */
  createUpload: CreateUpload;
  /** attachmentStatusAction: a file is Ready once the server has checked its bytes. */
  checkUpload?: CheckUpload;
  challengeId: string;
  /** The latest version: its title, body and files start the resubmission (the files are kept unless removed). */
  latest?: { title: string; body: string; version: number; attachments?: AttachmentView[] };
  terms?: TermsStep;
  /** Submitting as the viewer's team (its one submission); `blocker`: why it cannot yet, in words (split not agreed). */
  team?: { id: string; name: string; blocker?: string | null };
  /** Who reads the entries (Challenge.submissionVisibility): the form says so, and so does the action's answer. */
  visibility?: SubmissionVisibility;
}) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked(requiredFields({
    title: 'Enter a title for your solution.', body: 'Describe your solution.', ...(terms === 'to-accept' ? { [ACCEPT_TERMS_FIELD]: ACCEPT_TERMS_REQUIRED } : {}),
  }));
  const errors = { ...state.fieldErrors, ...clientErrors };
  const [files, setFiles] = useState<PickerActivity>({ uploading: false, failed: false });
  const onActivity = useCallback((activity: PickerActivity) => setFiles(activity), []);
  const held = files.uploading ? 'Wait for the files to finish uploading before submitting.'
    : files.failed ? 'A file failed to upload: retry or remove it before submitting.' : null;
  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby="submit-heading">
      <h2 id="submit-heading">
        {team ? (latest ? `Resubmit as team ${team.name} (version ${latest.version} so far)` : `Submit as team ${team.name}`) : latest ? `Resubmit (you are on version ${latest.version})` : 'Submit a solution'}
      </h2>
      <p className="muted">{submitFormNote(visibility, Boolean(team))}</p>
      {team?.blocker && <Alert tone="warning">{team.blocker}</Alert>}
      <FormMessages state={state} />
      <input type="hidden" name="challengeId" value={challengeId} />
      <input type="hidden" name="visibility" value={visibility} />
      {team && <input type="hidden" name="teamId" value={team.id} />}
      {/* What was typed comes back after a refusal: React resets the form after its action. */}
      <TextField label="Solution title" name="title" required defaultValue={state.values?.title ?? latest?.title} error={errors.title} key={`t${latest?.version}`} />
      <TextArea label="Solution" name="body" required rows={8} defaultValue={state.values?.body ?? latest?.body} error={errors.body} key={`b${latest?.version}`} />
      <AttachmentPicker key={`f${latest?.version}`} label="Files (optional)" createUpload={createUpload} checkUpload={checkUpload} initial={latest?.attachments} onActivity={onActivity}
        errors={{ byField: state.fieldErrors, submittedIds: state.values?.attachmentIds?.split(',').filter(Boolean) }} />
      {terms === 'to-accept' && (
        <>
          <input type="hidden" name="terms" value="to-accept" />
          <Checkbox label="I have read and accept the terms of this challenge" name={ACCEPT_TERMS_FIELD} value="yes" required error={errors[ACCEPT_TERMS_FIELD]}
            hint="The terms are on this page, under “Who can take part”." />
        </>
      )}
      {terms === 'accepted' && <p className="muted">You accepted the terms on this challenge.</p>}
      <SubmitButton pendingText="Submitting…" disabledReason={held}>{latest ? 'Resubmit solution' : 'Submit solution'}</SubmitButton>
    </form>
  );
}

/**
 * Awards one of the unawarded prizes to this submission, from its card on the review page. The prize is chosen by
 * its label ("1. First prize — $1,000.00") and the award confirmed before it is sent (it cannot be taken back).
 * `back`: the hidden fields that bring the action back to the same review page.
 */
export function AwardSubmissionForm({ action, challengeId, submissionId, submissionTitle, prizes, back = {} }: {
  action: Action; challengeId: string; submissionId: string; submissionTitle: string; prizes: { rank: number; label: string }[]; back?: Record<string, string>;
}) {
  const [state, formAction] = useActionState(action, {});
  // The prize being confirmed (its label), or null: the first press asks, the confirmation's button sends.
  const [confirming, setConfirming] = useState<string | null>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.formError || state.fieldErrors) setConfirming(null);
  }, [state]);
  return (
    <form
      action={formAction}
      className="award-form"
      noValidate
      onSubmit={(e) => {
        if (confirming) return;
        const select = e.currentTarget.elements.namedItem('prizeRank');
        const prize = select instanceof HTMLSelectElement && select.value ? select.selectedOptions[0]?.text : undefined;
        // Without a prize the action answers "Choose a prize" by the field: nothing to confirm.
        if (prize) {
          e.preventDefault();
          setConfirming(prize);
        }
      }}
    >
      <input type="hidden" name="challengeId" value={challengeId} />
      <input type="hidden" name="submissionId" value={submissionId} />
      {Object.entries(back).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Select label={`Prize for ${submissionTitle}`} name="prizeRank" required defaultValue="" error={state.fieldErrors?.prizeRank} disabled={Boolean(confirming)}
        options={[{ value: '', label: 'Choose a prize…' }, ...prizes.map((p) => ({ value: String(p.rank), label: p.label }))]} />
      {/* A disabled select is not sent: the chosen rank travels in a hidden field while confirming. */}
      {confirming && <input type="hidden" name="prizeRank" value={prizes.find((p) => p.label === confirming)?.rank ?? ''} />}
      {!confirming && <Button ref={openerRef} type="submit" variant="secondary">Award</Button>}
      <ConfirmDialog open={Boolean(confirming)} title={`Award ${confirming ?? ''} to “${submissionTitle}”?`} onClose={() => setConfirming(null)} returnFocusTo={openerRef}>
        <p>An award cannot be taken back: the prize moves from escrow to the winner.</p>
        <div className="row">
          <SubmitButton pendingText="Awarding…">Yes, award</SubmitButton>
          <Button variant="secondary" onClick={() => setConfirming(null)}>Choose again</Button>
        </div>
      </ConfirmDialog>
      <FormMessages state={state} />
    </form>
  );
}

export function OrganizationForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked(requiredFields({ name: 'Enter the organization’s name.' }));
  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-label="Create an organization">
      <FormMessages state={state} />
      <TextField label="Organization name" name="name" required maxLength={120} error={clientErrors.name ?? state.fieldErrors?.name} />
      <SubmitButton pendingText="Creating…">Create organization</SubmitButton>
    </form>
  );
}

/** After the payment page, the webhook settles the funding within a few seconds: refresh until it does. */
export function RefreshWhile({ active, label, everyMs = 1500, maxTries = 40 }: { active: boolean; label: string; everyMs?: number; maxTries?: number }) {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (!active || tries >= maxTries) return;
    const t = setTimeout(() => {
      setTries((n) => n + 1);
      router.refresh();
    }, everyMs);
    return () => clearTimeout(t);
  }, [active, tries, maxTries, everyMs, router]);
  if (!active) return null;
  return <p role="status" className="muted">{tries >= maxTries ? 'Still waiting; reload the page in a moment.' : label}</p>;
}
