/** The challenge statuses that can still be cancelled (the server's rule: DRAFT, OPEN, JUDGING, no prize awarded). */
export const CANCELLABLE = ['DRAFT', 'OPEN', 'JUDGING'] as const;

/** Plain logic (no 'use client'): the server-rendered challenge page calls it to decide whether to offer cancelling. */
export function canCancelChallenge(challenge: { status: string; prizes: { award?: unknown }[] }): boolean {
  return (CANCELLABLE as readonly string[]).includes(challenge.status) && !challenge.prizes.some((p) => p.award);
}

/**
 * Whether the deadline is still ahead of the challenge: only then is a countdown meaningful. Once submissions are
 * closed (early or at the deadline) or the challenge is cancelled, the page shows the date alone.
 */
export function deadlineIsAhead(status: string): boolean {
  return status === 'DRAFT' || status === 'OPEN';
}

/** Where the viewer stands with a challenge's terms: none to accept, still to accept (before submitting), accepted. */
export type TermsStep = 'none' | 'to-accept' | 'accepted';

export function termsStep(challenge: { terms?: string | null; viewerHasAcceptedTerms: boolean }): TermsStep {
  if (!challenge.terms) return 'none';
  return challenge.viewerHasAcceptedTerms ? 'accepted' : 'to-accept';
}

/** The submit form's field for accepting the terms, and what the server action answers when it is not ticked. */
export const ACCEPT_TERMS_FIELD = 'acceptTerms';
export const ACCEPT_TERMS_REQUIRED = 'Tick the box to accept the terms of this challenge before submitting';

/** The statuses in which updateChallenge changes anything (the server's rule: DRAFT every field, OPEN some). */
export const EDITABLE = ['DRAFT', 'OPEN'] as const;
export type EditableStatus = (typeof EDITABLE)[number];

/** Whether to offer "Edit challenge": the sponsor's OWNER or ADMIN, while DRAFT or OPEN. */
export function canEditChallenge(challenge: { status: string; organization: { viewerRole?: string | null } }): boolean {
  const role = challenge.organization.viewerRole;
  return (role === 'OWNER' || role === 'ADMIN') && (EDITABLE as readonly string[]).includes(challenge.status);
}

/** What each status lets the sponsor change; prizes and currency never. */
export const EDITABLE_FIELDS: Record<EditableStatus, readonly string[]> = {
  DRAFT: ['title', 'summary', 'description', 'terms', 'type', 'visibility', 'submissionDeadline'],
  OPEN: ['summary', 'description', 'submissionDeadline'],
};

export const FIXED_PRIZES_NOTE = 'Prizes and currency are fixed: cancel this draft and create a new one to change them.';
export const EXTEND_ONLY_HINT = 'You can extend the deadline, not shorten it.';

/** An instant as an `<input type="datetime-local">` value in the reader's time zone (minute precision). */
export function toDateTimeLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
