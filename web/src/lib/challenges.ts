import type { SubmissionVisibility } from '@/gql/graphql';
import { YOUR_ENTRY_SEEN_BY } from './entries';

/** The challenge statuses that can still be cancelled (the server's rule: DRAFT, OPEN, JUDGING, no prize awarded). */
export const CANCELLABLE = ['DRAFT', 'OPEN', 'JUDGING'] as const;

/** Plain logic (no 'use client'): the server-rendered challenge page calls it to decide whether to offer cancelling. */
export function canCancelChallenge(challenge: { status: string; prizes: { award?: unknown }[]; guaranteed?: boolean }): boolean {
  // A guaranteed pool is promised to the solvers: only a draft can still be cancelled.
  if (challenge.guaranteed && challenge.status !== 'DRAFT') return false;
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

// ---- the challenge page ---------------------------------------------------------------------------------------

export type TimelineState = 'done' | 'current' | 'upcoming' | 'skipped';
export interface TimelineStep {
  key: 'published' | 'deadline' | 'judging' | 'results' | 'cancelled';
  title: string;
  /** An instant to show, when the step has one. */
  at?: string | null;
  /** Words for when there is no instant ("After the deadline"). */
  note?: string;
  state: TimelineState;
}

const AFTER_DEADLINE = ['JUDGING', 'AWARDED', 'CLOSED'];

/**
 * The challenge's life from its dates and status only (the API has no judging or results dates): published,
 * submission deadline, judging, results; a cancelled challenge ends with "Cancelled" and the steps it never
 * reached are struck through.
 */
export function challengeTimeline(c: { status: string; publishedAt?: string | null; submissionDeadline: string; prizes: { award?: { awardedAt: string } | null }[] }): TimelineStep[] {
  const s = c.status;
  const cancelled = s === 'CANCELLED' || s === 'CANCELLING';
  const awardDates = c.prizes.map((p) => p.award?.awardedAt).filter((d): d is string => Boolean(d)).sort();
  const lastAward = awardDates[awardDates.length - 1];
  const steps: TimelineStep[] = [
    { key: 'published', title: 'Published', at: c.publishedAt, note: c.publishedAt ? undefined : 'Not published yet', state: c.publishedAt ? 'done' : s === 'DRAFT' ? 'current' : 'skipped' },
    {
      key: 'deadline', title: 'Submission deadline', at: c.submissionDeadline,
      state: AFTER_DEADLINE.includes(s) ? 'done' : s === 'OPEN' ? 'current' : cancelled ? 'skipped' : 'upcoming',
    },
    {
      key: 'judging', title: 'Judging', note: s === 'JUDGING' ? 'The sponsor is reviewing the submissions' : 'After the deadline, the sponsor reviews every submission',
      state: s === 'JUDGING' ? 'current' : s === 'AWARDED' || s === 'CLOSED' ? 'done' : cancelled ? 'skipped' : 'upcoming',
    },
    {
      key: 'results', title: 'Results', at: s === 'AWARDED' || s === 'CLOSED' ? lastAward : undefined,
      note: s === 'AWARDED' || s === 'CLOSED' ? (lastAward ? undefined : 'Winners announced') : 'Winners announced and paid from escrow',
      state: s === 'AWARDED' || s === 'CLOSED' ? 'done' : cancelled ? 'skipped' : 'upcoming',
    },
  ];
  if (cancelled) steps.push({ key: 'cancelled', title: s === 'CANCELLING' ? 'Being cancelled' : 'Cancelled', note: 'The prize pool is refunded to the sponsor', state: 'current' });
  return steps;
}

/** Who may take part, from what the API knows (it has no eligibility field): visibility, the sponsor rule, the terms. */
export function eligibility(c: { visibility: string; organization: { name: string }; terms?: string | null }): string[] {
  return [
    c.visibility === 'INVITE_ONLY' ? 'By invitation only: the sponsor chooses who can see and enter this challenge.' : 'Open to anyone with an Ideagora account.',
    `Members of ${c.organization.name} cannot take part in its own challenges.`,
    c.terms ? 'You accept the sponsor’s terms before your first submission.' : 'No terms to accept beyond Ideagora’s own.',
  ];
}

/** The rules every challenge shares, in a few lines, above the sponsor's own terms. */
export function termsSummary(c: { funding?: { status: string } | null; status: string; submissionVisibility?: SubmissionVisibility }): string[] {
  const funded = c.funding?.status === 'SUCCEEDED' || ['OPEN', 'JUDGING', 'AWARDED', 'CLOSED'].includes(c.status);
  return [
    funded ? 'The whole prize pool is already paid into escrow: it can only go to the winners or back to the sponsor if nobody wins.' : 'The prize pool is paid into escrow before the challenge opens.',
    YOUR_ENTRY_SEEN_BY[c.submissionVisibility ?? 'SEALED'],
    'You can resubmit until the deadline; the latest version is judged.',
    'An award is final: the prize is paid to the winner’s payout account.',
  ];
}

/** The label of the prize a submission won, if any ("First prize"). */
export function prizeWonBy(prizes: { label: string; award?: { submission?: { id: string } | null } | null }[], submissionId?: string): string | undefined {
  if (!submissionId) return undefined;
  return prizes.find((p) => p.award?.submission?.id === submissionId)?.label;
}
