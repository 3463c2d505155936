/**
 * Teams for the web client: the prize split in words and figures. A split is basis points (10,000 = the whole
 * prize) per member; a prize is divided by the largest-remainder rule, exactly as the server pays it
 * (`splitByLargestRemainder` is a copy of libs/money/src/split.ts: the web imports no server library). Shares are
 * typed as percentages with at most 2 decimals ("33.34" = 3,334 basis points).
 */

export const TOTAL_BASIS_POINTS = 10_000;

/**
 * Divides `amountMinor` in proportion to `weights` by the largest-remainder (Hamilton) method, exactly in bigint:
 * each part's quota is amount × w / Σw; every part gets the floor of its quota, and the units left over go one
 * each to the largest fractional remainders, ties to the lower index (the stated order). The parts always sum to
 * the amount; a zero weight gets 0. (Copy of libs/money's splitByLargestRemainder.)
 *
 * 100001 by 1:1:1 → 33334, 33334, 33333; by 3334:3333:3333 → 33341, 33330, 33330.
 */
export function splitByLargestRemainder(amountMinor: bigint, weights: readonly (bigint | number)[]): bigint[] {
  if (typeof amountMinor !== 'bigint' || amountMinor < 0n) throw new Error('the amount to split must be a non-negative bigint');
  const w = weights.map((weight) => {
    if (typeof weight === 'number' && !Number.isSafeInteger(weight)) throw new Error(`a weight must be a whole number, got ${weight}`);
    const value = BigInt(weight);
    if (value < 0n) throw new Error(`a weight must not be negative, got ${value}`);
    return value;
  });
  const total = w.reduce((sum, value) => sum + value, 0n);
  if (total <= 0n) throw new Error('the weights must not all be zero');
  const parts = w.map((value) => (amountMinor * value) / total);
  const remainders = w.map((value, index) => ({ index, remainder: (amountMinor * value) % total }));
  let left = amountMinor - parts.reduce((sum, part) => sum + part, 0n);
  remainders.sort((a, b) => (a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : a.index - b.index));
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return parts;
}

/**
 * What each member would receive of a prize (minor units as strings, in the split's order). An equal split is
 * divided 1:1 whatever its rounded basis points (3 members: thirds), as the server pays it. All shares zero: zeros.
 */
export function prizeParts(amountMinor: string, basisPoints: readonly number[], equal = false): string[] {
  if (basisPoints.length === 0) return [];
  const weights = equal ? basisPoints.map(() => 1) : basisPoints;
  if (weights.every((w) => w === 0)) return weights.map(() => '0');
  return splitByLargestRemainder(BigInt(amountMinor), weights).map(String);
}

/** 3334 → "33.34"; 5000 → "50"; 0 → "0" (the share as a person types it, without "%"). */
export function basisPointsToPercent(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = String(basisPoints % 100).padStart(2, '0');
  return fraction === '00' ? String(whole) : `${whole}.${fraction.replace(/0$/, '')}`;
}

export type PercentResult = { ok: true; basisPoints: number } | { ok: false; error: string };

/** "33.34" → 3334; "50" → 5000; "12.5" → 1250. At most 2 decimals, 0 to 100, with "." or ",". */
export function percentToBasisPoints(input: string): PercentResult {
  const raw = input.trim().replace(/%$/, '').trim().replace(',', '.');
  if (raw === '') return { ok: false, error: 'Enter a share in percent, from 0 to 100' };
  const match = /^(\d{1,3})(?:\.(\d*))?$/.exec(raw);
  if (!match) return { ok: false, error: 'Enter a share in percent, from 0 to 100, like 33.34' };
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, error: 'At most 2 decimal places' };
  const basisPoints = Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
  if (basisPoints > TOTAL_BASIS_POINTS) return { ok: false, error: 'A share is at most 100%' };
  return { ok: true, basisPoints };
}

/**
 * Checks a proposed split (a percentage per member, by user id). Per-field errors by `share-<userId>`, and
 * `shares` when the total is not 100%.
 */
export function validateShares(percents: Record<string, string>): { errors: Record<string, string>; shares: { userId: string; basisPoints: number }[] } {
  const errors: Record<string, string> = {};
  const shares: { userId: string; basisPoints: number }[] = [];
  for (const [userId, value] of Object.entries(percents)) {
    const parsed = percentToBasisPoints(value);
    if (parsed.ok) shares.push({ userId, basisPoints: parsed.basisPoints });
    else errors[shareField(userId)] = parsed.error;
  }
  if (Object.keys(errors).length === 0) {
    const total = shares.reduce((sum, s) => sum + s.basisPoints, 0);
    if (total !== TOTAL_BASIS_POINTS) errors.shares = `The shares add up to ${basisPointsToPercent(total)}%: they must add up to 100%.`;
  }
  return { errors, shares };
}

/** The form field of a member's share. */
export const shareField = (userId: string) => `share-${userId}`;

export interface SplitLike {
  status: 'PROPOSED' | 'AGREED' | string;
  shares: readonly { user: { id: string }; agreedAt?: string | null }[];
}

/** "Agreed by every member" or "Waiting for 2 members to agree" (the viewer included when they have not). */
export function splitStatusText(split: SplitLike): string {
  if (split.status === 'AGREED') return 'Agreed by every member: this split is in force.';
  const waiting = split.shares.filter((s) => !s.agreedAt).length;
  if (waiting === 0) return 'Every member has agreed.';
  return `Waiting for ${waiting} ${waiting === 1 ? 'member' : 'members'} to agree.`;
}

/** Whether the viewer still has to agree to the current version. */
export function viewerMustAgree(split: SplitLike, viewerId: string | undefined): boolean {
  return split.status === 'PROPOSED' && split.shares.some((s) => s.user.id === viewerId && !s.agreedAt);
}

/** Why a team cannot submit, in words; null when it can. */
export function teamSubmitBlocker(split: SplitLike): string | null {
  if (split.status === 'AGREED') return null;
  return `Your team can submit once every member has agreed to the prize split. ${splitStatusText(split)}`;
}

export type TeamOp = 'create' | 'invite' | 'respond' | 'propose' | 'agree' | 'leave' | 'submit';

/**
 * A team refusal in words for people, by what was being done and the error's code (never the server's text for
 * these codes): the reason and the way forward. Other codes keep toFormState's sentence.
 */
const TEAM_REFUSALS: Partial<Record<TeamOp, Partial<Record<string, string>>>> = {
  create: {
    CONFLICT: 'You are already in a team for this challenge, or you have submitted on your own: a solver enters a challenge once.',
    FAILED_PRECONDITION: 'Teams can be formed only while the challenge is open.',
    FORBIDDEN: 'Members of the sponsoring organization cannot enter its challenges.',
  },
  invite: {
    FAILED_PRECONDITION: 'A team has at most 20 members, counting the invitations waiting for an answer.',
    NOT_FOUND: 'You are no longer a member of this team.',
  },
  respond: {
    FAILED_PRECONDITION: 'This invitation can no longer be accepted: it has expired, or the challenge is no longer open.',
    CONFLICT: 'You cannot join: you are already in a team for this challenge, you have submitted on your own, or you have already answered this invitation.',
    NOT_FOUND: 'This invitation no longer exists, or it was sent to another address.',
  },
  propose: { NOT_FOUND: 'You are no longer a member of this team.' },
  agree: {
    CONFLICT: 'The split was changed while you were reading it. Read the new proposal, then agree to it.',
    NOT_FOUND: 'You are no longer a member of this team.',
  },
  leave: {
    FAILED_PRECONDITION: 'You can no longer leave this team: judging is over, or you are the last member of a team that has submitted.',
    NOT_FOUND: 'You are no longer a member of this team.',
  },
  submit: {
    FAILED_PRECONDITION: 'Your team can submit once every member has agreed to the prize split.',
    NOT_FOUND: 'You are no longer a member of this team.',
  },
};

export function teamRefusal<S extends { formError?: string; code?: string; fieldErrors?: Record<string, string> }>(state: S, op: TeamOp): S {
  const sentence = state.code ? TEAM_REFUSALS[op]?.[state.code] : undefined;
  if (!sentence) return state;
  // A refusal by the team's state is not about a field the person typed (teamId, splitVersion): it goes above the form.
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).filter(([name]) => !['teamId', 'splitVersion', 'invitationId'].includes(name)));
  return { ...state, formError: sentence, fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined };
}
