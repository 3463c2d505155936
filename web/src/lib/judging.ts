import type { FormState } from './errors';
import { inviteEmailError } from './organizations';

// Plain logic of the judging pages (no 'use client'): scores, rubrics, agreement in words, invitations, refusals.
// The rules mirror the server's (JUDGING-DESIGN.md, "Numbers and formats") so most mistakes never leave the page.

// ---- scores ------------------------------------------------------------------------------------------------------

export const SCORE_MAX = 10;
export const COMMENT_MAX = 2000;
export const SCORE_HINT = '0 to 10, one decimal at most (7.5)';

/** A typed score ("7.5", "7,5", " 10 ") as tenths (75), or an error in words. */
export function parseScore(typed: string): { ok: true; tenths: number } | { ok: false; error: string } {
  const value = typed.trim().replace(',', '.');
  if (!value) return { ok: false, error: 'Enter a score from 0 to 10' };
  if (!/^\d{1,2}(\.\d)?$/.test(value) && !/^\d{1,2}\.$/.test(value)) {
    return { ok: false, error: /^\d+\.\d{2,}$/.test(value) ? 'Use one decimal at most, e.g. 7.5' : 'Enter a number from 0 to 10, e.g. 7.5' };
  }
  const tenths = Math.round(Number(value) * 10);
  if (tenths > SCORE_MAX * 10) return { ok: false, error: 'Scores go up to 10' };
  return { ok: true, tenths };
}

/** Tenths as the API's decimal string: 75 -> "7.5", 70 -> "7", 0 -> "0". */
export function tenthsToScore(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.trunc(tenths / 10)}.${tenths % 10}`;
}

/** A decimal with no trailing zeros ("7.250" -> "7.25", "7.000" -> "7"). */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/**
 * The weighted total the server will compute, exact: sum(tenths x weight%) in thousandths, as "7.25". Null while a
 * score is missing or invalid.
 */
export function weightedTotal(criteria: readonly { key: string; weightPercent: number }[], typed: Record<string, string>): string | null {
  let thousandths = 0;
  for (const c of criteria) {
    const score = parseScore(typed[c.key] ?? '');
    if (!score.ok) return null;
    thousandths += score.tenths * c.weightPercent;
  }
  return trimDecimal(`${Math.trunc(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`);
}

/** Checks every criterion's typed score; the errors are keyed `score-<key>` (the inputs' names). */
export function validateScores(criteria: readonly { key: string }[], typed: Record<string, string>, comment: string) {
  const errors: Record<string, string> = {};
  const scores: { criterionKey: string; value: string }[] = [];
  for (const c of criteria) {
    const score = parseScore(typed[c.key] ?? '');
    if (score.ok) scores.push({ criterionKey: c.key, value: tenthsToScore(score.tenths) });
    else errors[scoreField(c.key)] = score.error;
  }
  if ([...comment].length > COMMENT_MAX) errors.comment = `Use at most ${COMMENT_MAX.toLocaleString('en-US')} characters`;
  return { errors, scores };
}

export const scoreField = (criterionKey: string) => `score-${criterionKey}`;

// ---- ranks and agreement -----------------------------------------------------------------------------------------

/** 1 -> "1st", 2 -> "2nd", 3 -> "3rd", 11 -> "11th", 22 -> "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/**
 * Kendall's W in words, with the number: the usual reading of W (Schmidt, 1997): 0.7 and above strong, 0.5 moderate,
 * 0.3 weak, below that little or none. Null: not enough overlapping scores to measure it.
 */
export function agreementInWords(w: number | null | undefined): { level: string; sentence: string } {
  if (w === null || w === undefined) {
    return { level: 'Not measured yet', sentence: 'Agreement is measured once at least two judges have scored the same two submissions.' };
  }
  const level = w >= 0.9 ? 'Very strong agreement' : w >= 0.7 ? 'Strong agreement' : w >= 0.5 ? 'Moderate agreement' : w >= 0.3 ? 'Weak agreement' : 'Little or no agreement';
  const number = w.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
  const advice = w >= 0.5 ? 'the judges rank the submissions they all scored in much the same order.' : 'the judges rank the submissions they all scored in different orders: worth discussing before awarding.';
  return { level, sentence: `${level} (Kendall’s W = ${number}, from 0 for none to 1 for full): ${advice}` };
}

// ---- rubrics -------------------------------------------------------------------------------------------------------

export interface CriterionDraft {
  /** Identifies the row while editing; the API's key is derived from the label when the rubric is saved. */
  key: string;
  label: string;
  description: string;
  weight: string;
}

export const RUBRIC_LIMITS = { criteriaMax: 10, labelMax: 80, descriptionMax: 500 };
export const DEFAULT_RUBRIC: CriterionDraft[] = [{ key: 'overall', label: 'Overall', description: '', weight: '100' }];

/** A key from a label ("Cost & durability" -> "cost_durability"), unique among `taken`. */
export function criterionKey(label: string, taken: readonly string[]): string {
  let base = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 28);
  if (!/^[a-z]/.test(base)) base = `c_${base}`.replace(/_+$/, '');
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}

/** The sum of the weights typed (invalid ones count 0) and whether it is exactly 100. */
export function weightSum(criteria: readonly CriterionDraft[]): { sum: number; ok: boolean } {
  const sum = criteria.reduce((total, c) => total + (/^\d+$/.test(c.weight.trim()) ? Number(c.weight.trim()) : 0), 0);
  return { sum, ok: sum === 100 };
}

/** The live check under the rubric editor. */
export function weightSumText(criteria: readonly CriterionDraft[]): string {
  const { sum, ok } = weightSum(criteria);
  return ok ? 'Weights add up to 100 %.' : `Weights add up to ${sum} %: they must add up to 100 %.`;
}

/**
 * Checks a rubric as the server does; errors keyed `criteria[i].label|description|weight` and `criteria` (the sum,
 * the count). Keys are made from the labels, unique.
 */
export function validateRubric(criteria: readonly CriterionDraft[]) {
  const errors: Record<string, string> = {};
  if (criteria.length < 1) errors.criteria = 'Add at least one criterion';
  if (criteria.length > RUBRIC_LIMITS.criteriaMax) errors.criteria = `At most ${RUBRIC_LIMITS.criteriaMax} criteria`;
  const keys: string[] = [];
  const input = criteria.map((c, i) => {
    const label = c.label.trim();
    if (!label) errors[`criteria[${i}].label`] = 'Enter a name for this criterion';
    else if ([...label].length > RUBRIC_LIMITS.labelMax) errors[`criteria[${i}].label`] = `Use at most ${RUBRIC_LIMITS.labelMax} characters`;
    if ([...c.description.trim()].length > RUBRIC_LIMITS.descriptionMax) errors[`criteria[${i}].description`] = `Use at most ${RUBRIC_LIMITS.descriptionMax} characters`;
    const weight = c.weight.trim();
    if (!/^\d+$/.test(weight) || Number(weight) < 1 || Number(weight) > 100) errors[`criteria[${i}].weight`] = 'Enter a whole number from 1 to 100';
    // Keys follow the names: a rubric is only edited as a draft, before any score names a key.
    const key = criterionKey(label || `criterion ${i + 1}`, keys);
    keys.push(key);
    return { key, label, description: c.description.trim(), weightPercent: Number(weight) };
  });
  if (!errors.criteria && criteria.length && !weightSum(criteria).ok) errors.criteria = weightSumText(criteria);
  return { errors, input };
}

/** Whether a rubric is the default one (one criterion "overall", 100 %): no need to send it. */
export function isDefaultRubric(criteria: readonly { key: string; label: string; description: string; weightPercent: number }[]): boolean {
  return criteria.length === 1 && criteria[0]!.key === 'overall' && criteria[0]!.label === 'Overall' && !criteria[0]!.description && criteria[0]!.weightPercent === 100;
}

export const toCriterionDrafts = (criteria: readonly { key: string; label: string; description: string; weightPercent: number }[]): CriterionDraft[] =>
  criteria.map((c) => ({ key: c.key, label: c.label, description: c.description, weight: String(c.weightPercent) }));

// ---- deadlines -----------------------------------------------------------------------------------------------------

export const JUDGING_PERIOD_DAYS = 30;
export const JUDGING_PERIOD_MAX_DAYS = 180;
const DAY_MS = 864e5;

/** The default judging deadline: 30 days after the submission deadline. */
export function defaultJudgingDeadline(submissionDeadline: Date): Date {
  return new Date(submissionDeadline.getTime() + JUDGING_PERIOD_DAYS * DAY_MS);
}

/** A judging deadline's error (after the submission deadline, at most 180 days after it), or null. */
export function judgingDeadlineError(judging: Date, submission: Date): string | null {
  if (Number.isNaN(judging.getTime())) return 'Enter a valid date and time';
  if (judging.getTime() <= submission.getTime()) return 'The judging deadline must be after the submission deadline';
  if (judging.getTime() > submission.getTime() + JUDGING_PERIOD_MAX_DAYS * DAY_MS) return `The judging deadline must be at most ${JUDGING_PERIOD_MAX_DAYS} days after the submission deadline`;
  return null;
}

export const GUARANTEED_MEANING =
  'Guaranteed: every prize place will be paid out. Places you have not awarded by the judging deadline go to the best-ranked submissions, and the challenge cannot be cancelled once published.';

// ---- invitations ---------------------------------------------------------------------------------------------------

export const JUDGE_INVITATIONS_MAX = 50;
export const CHALLENGE_INVITATION_DAYS = 30;

/** Addresses typed one per line or separated by commas (or semicolons, spaces): trimmed, lower-cased, distinct. */
export function parseEmails(typed: string): string[] {
  const seen = new Set<string>();
  for (const part of typed.split(/[\s,;]+/)) {
    const email = part.trim().toLowerCase();
    if (email) seen.add(email);
  }
  return [...seen];
}

/** The invite form's check: 1 to 50 addresses, each like name@example.com; null when fine. */
export function judgeEmailsError(emails: readonly string[], role: 'JUDGE' | 'PARTICIPANT' = 'JUDGE'): string | null {
  const who = role === 'PARTICIPANT' ? ['solver', 'solvers'] : ['judge', 'judges'];
  if (emails.length === 0) return `Enter the email address of at least one ${who[0]}`;
  if (emails.length > JUDGE_INVITATIONS_MAX) return `Invite at most ${JUDGE_INVITATIONS_MAX} ${who[1]} at a time`;
  const bad = emails.find((e) => inviteEmailError(e));
  return bad ? `“${bad}” is not an email address like name@example.com` : null;
}

/**
 * How many challenge invitations of a role wait for the viewer's answer: the header's "Judging (N)" (JUDGE) and
 * "Challenge invitations (N)" (PARTICIPANT, invite-only challenges); both are answered on /judging/invitations.
 */
export function pendingJudgeInvitations(invitations: readonly { role: string; status: string }[] | null | undefined, role: 'JUDGE' | 'PARTICIPANT' = 'JUDGE'): number {
  return (invitations ?? []).filter((i) => i.role === role && i.status === 'PENDING').length;
}

export const INVITATION_ROLE_WORDS: Record<string, string> = { JUDGE: 'Judge', PARTICIPANT: 'Take part (invite only)' };

export const INVITATION_STATUS_WORDS: Record<string, string> = {
  PENDING: 'Waiting for an answer', ACCEPTED: 'Accepted', DECLINED: 'Declined', REVOKED: 'Withdrawn', EXPIRED: 'Expired',
};

// ---- refusals in words -----------------------------------------------------------------------------------------------

export type JudgingOp = 'invite' | 'inviteParticipants' | 'revoke' | 'respond' | 'score' | 'rubric' | 'finalists' | 'award';

const REFUSALS: Record<JudgingOp, Partial<Record<string, string>>> = {
  invite: {
    FAILED_PRECONDITION: `Judges can be invited while the challenge is a draft, open or being judged, and at most ${JUDGE_INVITATIONS_MAX} per challenge.`,
    FORBIDDEN: 'Only owners and admins of the sponsoring organization can invite judges.',
  },
  inviteParticipants: {
    FAILED_PRECONDITION: 'Solvers can be invited while the challenge is a draft, open or being judged.',
    FORBIDDEN: 'Only owners and admins of the sponsoring organization can invite solvers.',
  },
  revoke: { FORBIDDEN: 'Only owners and admins of the sponsoring organization can withdraw an invitation.', NOT_FOUND: 'This invitation no longer exists. Reload the page.' },
  respond: {
    FAILED_PRECONDITION: 'This invitation can no longer be answered: it was answered already, withdrawn or has expired, or you have entered this challenge (a solver cannot judge it). Ask the sponsor to invite you again if needed.',
    NOT_FOUND: 'This invitation is not for the address you are signed in with, or it no longer exists.',
  },
  score: {
    FAILED_PRECONDITION: 'Scores are accepted only while the challenge is being judged, before its judging deadline (and, in the final round, for finalists only). Reload the page to see where it stands.',
    FORBIDDEN: 'Only the challenge’s judges and the sponsor’s owners and admins can score its submissions.',
    NOT_FOUND: 'This submission cannot be found: it may have been withdrawn.',
  },
  rubric: {
    FAILED_PRECONDITION: 'The judging criteria are fixed once the challenge is published.',
    FORBIDDEN: 'Only owners and admins of the sponsoring organization can set the judging criteria.',
  },
  finalists: {
    FAILED_PRECONDITION: 'A final round can be started once, while the first round is being judged and before its judging deadline. Reload the page to see where the challenge stands.',
    FORBIDDEN: 'Only owners and admins of the sponsoring organization can choose finalists.',
  },
  award: {
    CONFLICT: 'These awards conflict with the prizes as they stand: a prize has fewer places left than chosen, or a submission already holds a place of it. Reload the page and choose again.',
    FAILED_PRECONDITION: 'Prizes are awarded while the challenge is being judged, before its judging deadline. Reload the page to see where it stands.',
    FORBIDDEN: 'Only owners and admins of the sponsoring organization can award prizes.',
  },
};

/** A judging action's refusal in words for people (by code; field errors stay by their fields). */
export function judgingRefusal<S extends FormState>(state: S, op: JudgingOp): S {
  const sentence = state.code ? REFUSALS[op][state.code] : undefined;
  if (!sentence) return state;
  return { ...state, formError: sentence };
}
