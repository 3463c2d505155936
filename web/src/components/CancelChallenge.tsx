'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from './Dialog';
import type { FormState } from '@/lib/errors';
import { SubmitButton } from './forms';
import { Alert, Button } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const ERROR_TITLES: Record<string, string> = {
  FAILED_PRECONDITION: 'This challenge can no longer be cancelled',
  FORBIDDEN: 'You are not allowed to cancel this challenge',
  NOT_FOUND: 'This challenge no longer exists',
  UNAUTHENTICATED: 'Your session has ended',
};

/** What cancelling does, in the sponsor's terms. */
export function cancelConsequences(opts: { funded: boolean; submissionCount: number }): string[] {
  const lines = ['The challenge is closed for good: this cannot be undone.'];
  if (opts.submissionCount > 0) lines.push(`The ${opts.submissionCount} submission${opts.submissionCount === 1 ? '' : 's'} received will not be judged.`);
  lines.push(opts.funded ? 'The prize pool is refunded to you; the platform fee is kept.' : 'Nothing has been paid, so nothing is refunded.');
  return lines;
}

/**
 * "Cancel challenge" with a confirmation step in the page (no browser dialog): the first button opens the
 * confirmation, which takes the focus; "Keep challenge" or Escape closes it and gives the focus back.
 * On success the action redirects (the page then shows the outcome); a refusal is shown with the server's message.
 */
export function CancelChallenge({ action, challengeId, title, funded, submissionCount }: {
  action: Action;
  challengeId: string;
  title: string;
  funded: boolean;
  submissionCount: number;
}) {
  const [state, formAction] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);

  // A refusal closes the confirmation: the error below says why.
  useEffect(() => {
    if (state.formError) setConfirming(false);
  }, [state]);

  return (
    <div className="cancel-challenge">
      {!confirming && (
        <Button ref={openerRef} variant="danger-outline" onClick={() => setConfirming(true)}>
          Cancel challenge
        </Button>
      )}
      <ConfirmDialog open={confirming} title={`Cancel “${title}”?`} onClose={() => setConfirming(false)} returnFocusTo={openerRef}>
        <ul>
          {cancelConsequences({ funded, submissionCount }).map((line) => <li key={line}>{line}</li>)}
        </ul>
        <form action={formAction} className="row">
          <input type="hidden" name="challengeId" value={challengeId} />
          <input type="hidden" name="op" value="cancel" />
          <SubmitButton variant="danger" pendingText="Cancelling…">Yes, cancel challenge</SubmitButton>
          <Button variant="secondary" onClick={() => setConfirming(false)}>Keep challenge</Button>
        </form>
      </ConfirmDialog>
      {state.formError && (
        <Alert tone="danger" title={ERROR_TITLES[state.code ?? ''] ?? 'The challenge was not cancelled'}>
          <p>{state.formError}</p>
          {state.code === 'FAILED_PRECONDITION' && <p>Reload the page to see the challenge’s current state.</p>}
        </Alert>
      )}
    </div>
  );
}
