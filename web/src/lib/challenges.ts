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
