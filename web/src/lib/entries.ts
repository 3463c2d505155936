import type { SubmissionVisibility } from '@/gql/graphql';

// Plain logic of a challenge's entries settings (no 'use client'): who sees the entries, the public vote's window,
// community-choice prizes. The rules mirror the server's (challenge.domain.ts, entriesRuleViolation) so most
// mistakes never leave the page.

/** The three modes, in words for the sponsor choosing one. */
export const SUBMISSION_VISIBILITIES: { value: SubmissionVisibility; label: string; hint: string }[] = [
  { value: 'SEALED', label: 'Sealed: only you and your judges see entries', hint: 'Each solver sees only their own entry. Best when ideas are confidential.' },
  { value: 'GALLERY', label: 'Public gallery: everyone sees entries as soon as they are submitted', hint: 'Solvers can see and build on each other’s work; the public can vote.' },
  {
    value: 'GALLERY_AFTER_CLOSE',
    label: 'Public after submissions close: entries stay private until the submission deadline, then everyone sees them',
    hint: 'Nobody can copy an entry while submissions are open; the public can vote once they close.',
  },
];

/** What a solver (or visitor) is told about who will see the entries. */
export const ENTRIES_SEEN_BY: Record<SubmissionVisibility, string> = {
  SEALED: 'Entries are sealed: only the sponsor and the judges see them.',
  GALLERY: 'Entries are public: everyone can see them as soon as they are submitted.',
  GALLERY_AFTER_CLOSE: 'Entries become public when submissions close; until then only the sponsor and the judges see them.',
};

export const COMMUNITY_CHOICE_MEANING =
  'Community choice: decided by the public vote, not by you or your judges. When voting closes, the entries with the most votes win its places.';

export const VOTING_HINT = 'Optional. Anyone signed in can vote for up to 3 entries while voting is open. Your local time.';

/** The terms in short, to a solver: who will read their entry. */
export const YOUR_ENTRY_SEEN_BY: Record<SubmissionVisibility, string> = {
  SEALED: 'Submissions are sealed: only you and the sponsor can read yours.',
  GALLERY: 'Entries are public: everyone can read yours, and its files, as soon as you submit.',
  GALLERY_AFTER_CLOSE: 'Entries are private until submissions close, then public: everyone can read yours.',
};

/** Whether entries can be public, so that a public vote makes sense. */
export const isGallery = (mode: SubmissionVisibility) => mode !== 'SEALED';

export interface VotingDraft {
  mode: SubmissionVisibility;
  /** datetime-local values (the reader's time), or ISO instants; both blank: no public vote. */
  startsAt: string;
  endsAt: string;
  submissionDeadline?: Date;
  judgingDeadline?: Date;
  /** Some prize is a community-choice prize. */
  communityChoice: boolean;
  now: Date;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const valid = (date: Date | undefined): date is Date => date !== undefined && !Number.isNaN(date.getTime());

/**
 * Checks the voting settings; errors are keyed like the server's BAD_USER_INPUT fields (`voting`, `voting.startsAt`,
 * `voting.endsAt`). `voting`: the window to send (null: none), when there is no error. A sealed challenge has no
 * vote, whatever was typed.
 */
export function checkVoting(draft: VotingDraft): { errors: Record<string, string>; voting?: { startsAt: string; endsAt: string } | null } {
  const errors: Record<string, string> = {};
  const typed = draft.startsAt.trim() !== '' || draft.endsAt.trim() !== '';
  if (!isGallery(draft.mode) || !typed) {
    if (draft.communityChoice) {
      errors.voting = isGallery(draft.mode)
        ? 'A community-choice prize is decided by the public vote: set when voting opens and closes.'
        : 'A community-choice prize is decided by the public vote, which needs a public gallery: choose who sees the entries in the first step.';
      return { errors };
    }
    return { errors, voting: null };
  }
  if (!draft.startsAt.trim()) errors['voting.startsAt'] = 'Enter when voting opens';
  if (!draft.endsAt.trim()) errors['voting.endsAt'] = 'Enter when voting closes';
  if (Object.keys(errors).length) return { errors };
  const startsAt = new Date(draft.startsAt);
  const endsAt = new Date(draft.endsAt);
  if (!valid(startsAt)) errors['voting.startsAt'] = 'Enter a valid date and time';
  if (!valid(endsAt)) errors['voting.endsAt'] = 'Enter a valid date and time';
  if (Object.keys(errors).length) return { errors };
  if (endsAt.getTime() <= startsAt.getTime()) errors['voting.endsAt'] = 'Voting must close after it opens';
  else if (endsAt.getTime() <= draft.now.getTime()) errors['voting.endsAt'] = 'Voting must close in the future';
  else if (valid(draft.judgingDeadline) && endsAt.getTime() > draft.judgingDeadline.getTime()) {
    errors['voting.endsAt'] = `Voting must close by the judging deadline (${DATE_FORMAT.format(draft.judgingDeadline)}), when every prize is decided`;
  }
  if (draft.mode === 'GALLERY_AFTER_CLOSE' && valid(draft.submissionDeadline) && startsAt.getTime() < draft.submissionDeadline.getTime()) {
    errors['voting.startsAt'] = 'Entries become public when submissions close: voting can open at the submission deadline at the earliest';
  }
  if (Object.keys(errors).length) return { errors };
  return { errors, voting: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } };
}

/** Reads a posted mode; anything else is SEALED (the words then promise the least). */
export function visibilityFrom(value: string): SubmissionVisibility {
  return SUBMISSION_VISIBILITIES.some((m) => m.value === value) ? (value as SubmissionVisibility) : 'SEALED';
}

/** Above the submit form: who will read what the solver (or their team) submits. */
export function submitFormNote(mode: SubmissionVisibility, team: boolean): string {
  const who = team ? 'your team' : 'you';
  switch (mode) {
    case 'GALLERY':
      return `Entries are public: everyone can read ${team ? 'your team’s' : 'your'} solution and its files as soon as it is submitted. Resubmitting creates a new version; the latest is shown.`;
    case 'GALLERY_AFTER_CLOSE':
      return `Until submissions close only ${who} and the sponsor can read it; then every entry becomes public. Resubmitting creates a new version.`;
    default:
      return team
        ? 'Submissions are sealed: only your team and the sponsor can read them. Any member can resubmit: the latest version is the one judged.'
        : 'Submissions are sealed: only you and the sponsor can read them. Resubmitting creates a new version.';
  }
}

/** After a first submission: where it now is. */
export function submittedMessage(mode: SubmissionVisibility, whose: string): string {
  if (mode === 'GALLERY') return `Submitted: version 1 of ${whose} is in the public gallery.`;
  if (mode === 'GALLERY_AFTER_CLOSE') return `Submitted: version 1 of ${whose} stays private until submissions close, then it is public.`;
  return `Submitted: version 1 of ${whose} is sealed for the sponsor.`;
}
