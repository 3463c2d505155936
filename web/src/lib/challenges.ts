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
