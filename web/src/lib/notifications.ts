import type { NotificationKind } from '@/gql/graphql';

// Notifications as people read them: the kinds in words (the preferences' sentences), the bell's name, and the links
// a notification may open. Titles and bodies are written for people by the server (services/solvers,
// notification.texts.ts) and shown as they are.

/** Every kind, in the order the preferences list them: a solver's first, then a sponsor's, then money. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'INVITATION', 'QUESTION_ANSWERED', 'DEADLINE_CHANGED', 'SUBMISSIONS_CLOSED', 'FINALISTS_CHOSEN', 'RESULTS_PUBLISHED', 'TEAM_SPLIT_PROPOSED',
  'NEW_QUESTION', 'NEW_SUBMISSION',
  'PRIZE_AWARDED', 'PAYOUT_PAID', 'PAYOUT_FAILED', 'PAYOUT_REVERSED',
];

/** The preference for each kind, as a sentence after its checkbox. */
export const MAIL_PREFERENCE_WORDS: Record<NotificationKind, string> = {
  INVITATION: 'Mail me when I am invited to a challenge, a team or an organization',
  QUESTION_ANSWERED: 'Mail me when a sponsor answers my question',
  DEADLINE_CHANGED: 'Mail me when the deadline of a challenge I entered changes',
  SUBMISSIONS_CLOSED: 'Mail me when submissions close on a challenge I entered',
  FINALISTS_CHOSEN: 'Mail me when the finalists of a challenge I entered are chosen',
  RESULTS_PUBLISHED: 'Mail me when the results of a challenge I entered are published',
  TEAM_SPLIT_PROPOSED: 'Mail me when my team proposes how to split a prize',
  NEW_QUESTION: 'Mail me when a solver asks a question about my organization’s challenge',
  NEW_SUBMISSION: 'Mail me about new submissions to my organization’s challenges',
  PRIZE_AWARDED: 'Mail me when I win a prize',
  PAYOUT_PAID: 'Mail me when a prize is paid to my account',
  PAYOUT_FAILED: 'Mail me when a payout to me fails',
  PAYOUT_REVERSED: 'Mail me when a payout to me is reversed',
};

/** Groups of the preferences form, each a fieldset. */
export const PREFERENCE_GROUPS: { legend: string; kinds: NotificationKind[] }[] = [
  { legend: 'Challenges you take part in', kinds: ['INVITATION', 'QUESTION_ANSWERED', 'DEADLINE_CHANGED', 'SUBMISSIONS_CLOSED', 'FINALISTS_CHOSEN', 'RESULTS_PUBLISHED', 'TEAM_SPLIT_PROPOSED'] },
  { legend: 'Challenges your organization runs', kinds: ['NEW_QUESTION', 'NEW_SUBMISSION'] },
  { legend: 'Prizes and payouts', kinds: ['PRIZE_AWARDED', 'PAYOUT_PAID', 'PAYOUT_FAILED', 'PAYOUT_REVERSED'] },
];

export const isNotificationKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);

/** The header's bell, named for a screen reader: "Notifications", "Notifications, 1 unread", "Notifications, 3 unread". */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
}

/** The badge's text: the count, "99+" beyond. */
export const bellCount = (unread: number): string => (unread > 99 ? '99+' : String(unread));

/**
 * Where opening a notification may go: a path of this site ("/challenges/…"), never another origin ("//evil",
 * "https://…", "/\\evil"); null otherwise.
 */
export function safeNotificationLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.includes('\\')) return null;
  try {
    const url = new URL(link, 'http://ideagora.invalid');
    return url.origin === 'http://ideagora.invalid' ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}
