/** The challenge statuses that can still be cancelled (the server's rule: DRAFT, OPEN, JUDGING, no prize awarded). */
export const CANCELLABLE = ['DRAFT', 'OPEN', 'JUDGING'] as const;

/** Plain logic (no 'use client'): the server-rendered challenge page calls it to decide whether to offer cancelling. */
export function canCancelChallenge(challenge: { status: string; prizes: { award?: unknown }[] }): boolean {
  return (CANCELLABLE as readonly string[]).includes(challenge.status) && !challenge.prizes.some((p) => p.award);
}
