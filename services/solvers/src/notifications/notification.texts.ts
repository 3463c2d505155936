import { formatMoney, type Money } from '@ideagora/money';
import type { NotificationKindName } from './notification.domain';

/**
 * The words of each notification: written for people (a challenge by its title, money by its currency, a time in
 * UTC), never an id; the link is a path of the web client. A challenge whose title is not known yet is "a challenge".
 */
export interface NotificationText {
  kind: NotificationKindName;
  title: string;
  body: string;
  link: string;
}

function quoted(title: string | null | undefined, otherwise = 'a challenge'): string {
  return title ? `“${title}”` : otherwise;
}

const challengePath = (challengeId: string, rest = '') => `/challenges/${encodeURIComponent(challengeId)}${rest}`;

function when(at: Date): string {
  return at.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
}

/**
 * New entries to a sponsor's challenge, collapsed while unread: the title is written in SQL from the count (the
 * upsert grows it), by these two templates, `%s` the quoted title (and the count first in the plural).
 */
export const NEW_SUBMISSION_TITLE = { one: 'A new entry to %s', many: '%s new entries to %s' } as const;
export function newSubmissionText(challengeId: string, challengeTitle: string | null): Omit<NotificationText, 'title'> & { quotedTitle: string } {
  return {
    kind: 'NEW_SUBMISSION',
    quotedTitle: quoted(challengeTitle, 'your challenge'),
    body: 'Read the entries on the review page of the challenge.',
    link: challengePath(challengeId, '/review'),
  };
}

export function newQuestionText(challengeId: string, challengeTitle: string): NotificationText {
  return {
    kind: 'NEW_QUESTION',
    title: `A new question about ${quoted(challengeTitle)}`,
    body: 'A solver asked a question about the brief. Answer it, and publish the answer if everyone should read it.',
    link: challengePath(challengeId, '#questions'),
  };
}

export function questionAnsweredText(challengeId: string, challengeTitle: string, isPublic: boolean): NotificationText {
  return {
    kind: 'QUESTION_ANSWERED',
    title: `Your question about ${quoted(challengeTitle)} was answered`,
    body: isPublic
      ? 'The sponsor answered your question, and published it for every solver to read.'
      : 'The sponsor answered your question. Only you can read the answer.',
    link: challengePath(challengeId, '#questions'),
  };
}

export function deadlineChangedText(challengeId: string, challengeTitle: string, deadline: Date, before: Date): NotificationText {
  return {
    kind: 'DEADLINE_CHANGED',
    title: `New deadline for ${quoted(challengeTitle)}`,
    body: `Submissions now close on ${when(deadline)} (it was ${when(before)}).`,
    link: challengePath(challengeId),
  };
}

export function submissionsClosedText(challengeId: string, challengeTitle: string, round: number): NotificationText {
  return {
    kind: 'SUBMISSIONS_CLOSED',
    title: round >= 2 ? `The final round of ${quoted(challengeTitle)} is closed` : `Submissions to ${quoted(challengeTitle)} are closed`,
    body: 'The entries are being judged now. You will hear when the results are published.',
    link: challengePath(challengeId),
  };
}

export function resultsPublishedText(challengeId: string, challengeTitle: string): NotificationText {
  return {
    kind: 'RESULTS_PUBLISHED',
    title: `The results of ${quoted(challengeTitle)} are out`,
    body: 'The prizes have been awarded. See the results on the challenge page.',
    link: challengePath(challengeId),
  };
}

export function finalistsChosenText(challengeId: string, challengeTitle: string | null, finalist: boolean, finalRoundDeadline: Date): NotificationText {
  return finalist
    ? {
        kind: 'FINALISTS_CHOSEN',
        title: `You are a finalist of ${quoted(challengeTitle, 'a challenge you entered')}`,
        body: `The sponsor chose your entry for the final round. You may improve it until ${when(finalRoundDeadline)}.`,
        link: challengePath(challengeId),
      }
    : {
        kind: 'FINALISTS_CHOSEN',
        title: `The finalists of ${quoted(challengeTitle, 'a challenge you entered')} have been chosen`,
        body: 'Your entry is not among them this time. Thank you for taking part: you will hear when the results are published.',
        link: challengePath(challengeId),
      };
}

export function prizeAwardedText(challengeTitle: string | null, amount: Money, part: Money | null): NotificationText {
  return {
    kind: 'PRIZE_AWARDED',
    title: part ? `Your team won a prize in ${quoted(challengeTitle)}` : `You won a prize in ${quoted(challengeTitle)}`,
    body: part
      ? `Your team's entry won ${formatMoney(amount)}; your part is ${formatMoney(part)}. Set up payouts to receive it.`
      : `Your entry won ${formatMoney(amount)}. Set up payouts to receive it, if you have not yet.`,
    link: '/me/payouts',
  };
}

export function payoutPaidText(challengeTitle: string | null, amount: Money): NotificationText {
  return {
    kind: 'PAYOUT_PAID',
    title: 'Your prize money has been sent',
    body: `${formatMoney(amount)} for ${quoted(challengeTitle)} is on its way to your payout account.`,
    link: '/me/payouts',
  };
}

export function payoutFailedText(challengeTitle: string | null, amount: Money): NotificationText {
  return {
    kind: 'PAYOUT_FAILED',
    title: 'Your prize money could not be sent',
    body: `The transfer of ${formatMoney(amount)} for ${quoted(challengeTitle)} was refused. Check your payout account: we try again on our own.`,
    link: '/me/payouts',
  };
}

export function payoutReversedText(challengeTitle: string | null, amount: Money): NotificationText {
  return {
    kind: 'PAYOUT_REVERSED',
    title: 'A prize transfer was reversed',
    body: `The transfer of ${formatMoney(amount)} for ${quoted(challengeTitle)} to your payout account was reversed. Contact us if you did not expect it.`,
    link: '/me/payouts',
  };
}

export function organizationInvitationText(organizationName: string, inviterName: string | null): NotificationText {
  return {
    kind: 'INVITATION',
    title: `${inviterName ?? 'Someone'} invited you to join ${organizationName}`,
    body: 'Accept or decline on your sponsor page.',
    link: '/sponsor',
  };
}

export function teamInvitationText(teamName: string, challengeTitle: string | null, inviterName: string | null): NotificationText {
  return {
    kind: 'INVITATION',
    title: `${inviterName ?? 'Someone'} invited you to join the team ${teamName}`,
    body: challengeTitle ? `The team enters ${quoted(challengeTitle)}. Accept or decline among your team invitations.` : 'Accept or decline among your team invitations.',
    link: '/teams/invitations',
  };
}

export function challengeInvitationText(organizationName: string, challengeTitle: string, role: string): NotificationText {
  return {
    kind: 'INVITATION',
    title: role === 'JUDGE' ? `${organizationName} invited you to judge ${quoted(challengeTitle)}` : `${organizationName} invited you to enter ${quoted(challengeTitle)}`,
    body: 'Accept or decline among your challenge invitations.',
    link: '/judging/invitations',
  };
}

export function teamSplitProposedText(challengeId: string, teamName: string, proposerName: string | null): NotificationText {
  return {
    kind: 'TEAM_SPLIT_PROPOSED',
    title: `${proposerName ?? 'A member'} proposed a new prize split for ${teamName}`,
    body: 'Every member must agree before it applies. Read it and agree on the team page.',
    link: challengePath(challengeId, '/team'),
  };
}
