import { formatMoney, type Money } from '@ideagora/money';
import type { OutgoingMail } from '../mail/mail.transport';

/** Where links in these mails point: the web client (WEB_BASE_URL). */
function link(webBaseUrl: string, path: string): string {
  return `${webBaseUrl.replace(/\/+$/, '')}${path}`;
}

/** To a winner, when a prize is awarded: what they won, and what to do to get paid (the payout waits until then). */
export function prizeAwardedMail(to: string, prize: { challengeId: string; amount: Money }, webBaseUrl: string): OutgoingMail {
  return {
    to,
    subject: 'You won a prize on Ideagora',
    text: [
      `Congratulations: your solution won a prize of ${formatMoney(prize.amount)} on Ideagora.`,
      '',
      'The challenge:',
      link(webBaseUrl, `/challenges/${encodeURIComponent(prize.challengeId)}`),
      '',
      `To receive it, set up payouts: ${link(webBaseUrl, '/me/payouts')}`,
      // Already set up: the money may even be sent before this mail goes out (the two events are delivered apart).
      'The money waits for you until then. If your payouts are already set up, there is nothing to do: it is sent to your payout account, and you get a mail when it has been.',
    ].join('\n'),
  };
}

/** To each member of a team whose submission won a prize: the prize, their part of it, and how to get paid. */
export function teamPrizeAwardedMail(to: string, prize: { challengeId: string; amount: Money; part: Money }, webBaseUrl: string): OutgoingMail {
  return {
    to,
    subject: 'Your team won a prize on Ideagora',
    text: [
      `Congratulations: your team's solution won a prize of ${formatMoney(prize.amount)} on Ideagora.`,
      `Your part, by the split your team agreed, is ${formatMoney(prize.part)}.`,
      '',
      'The challenge:',
      link(webBaseUrl, `/challenges/${encodeURIComponent(prize.challengeId)}`),
      '',
      `To receive it, set up payouts: ${link(webBaseUrl, '/me/payouts')}`,
      'Your part is paid to you directly, and waits for you until then. If your payouts are already set up, there is nothing to do: it is sent to your payout account, and you get a mail when it has been.',
    ].join('\n'),
  };
}

/** To a winner, when the transfer of their prize money has been made. */
export function payoutPaidMail(to: string, amount: Money, webBaseUrl: string): OutgoingMail {
  return {
    to,
    subject: 'Your prize money has been sent',
    text: [
      `We have sent your prize money, ${formatMoney(amount)}, to your payout account.`,
      'When it reaches your bank depends on that account\'s payout schedule.',
      '',
      'Your payouts:',
      link(webBaseUrl, '/me/payouts'),
    ].join('\n'),
  };
}

const ROLE_WORDS: Record<string, string> = { OWNER: 'an owner', ADMIN: 'an admin', MEMBER: 'a member' };

/**
 * To the invitee of an organization: who invited them, to what, until when, and how to accept: sign in (the address
 * has an account) or sign up with this address (it has none). Invitations wait on the sponsor page.
 */
export function organizationInvitationMail(
  to: string,
  invitation: { inviterName: string | null; organizationName: string; role: string; expiresAt: Date },
  hasAccount: boolean,
  webBaseUrl: string,
): OutgoingMail {
  const who = invitation.inviterName ?? 'Someone';
  const until = invitation.expiresAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const next = encodeURIComponent('/sponsor');
  return {
    to,
    subject: `${who} invited you to join ${invitation.organizationName} on Ideagora`,
    text: [
      `${who} invited you to join ${invitation.organizationName} on Ideagora as ${ROLE_WORDS[invitation.role] ?? 'a member'}.`,
      '',
      hasAccount ? 'Sign in to accept or decline:' : `Sign up with this email address (${to}) to accept or decline:`,
      link(webBaseUrl, hasAccount ? `/login?next=${next}` : `/signup?next=${next}`),
      '',
      `The invitation is valid until ${until}. If you did not expect it, you can ignore this mail.`,
    ].join('\n'),
  };
}

/**
 * To the invitee of a team: who invited them, to which team and challenge, until when, and how to answer: sign in
 * (the address has an account) or sign up with this address (it has none), then the team invitations page.
 */
export function teamInvitationMail(
  to: string,
  invitation: { inviterName: string | null; teamName: string; challengeTitle: string | null; expiresAt: Date },
  hasAccount: boolean,
  webBaseUrl: string,
): OutgoingMail {
  const who = invitation.inviterName ?? 'Someone';
  const until = invitation.expiresAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const next = encodeURIComponent('/teams/invitations');
  const challenge = invitation.challengeTitle ? ` for the challenge “${invitation.challengeTitle}”` : '';
  return {
    to,
    subject: `${who} invited you to join the team ${invitation.teamName} on Ideagora`,
    text: [
      `${who} invited you to join the team ${invitation.teamName}${challenge} on Ideagora.`,
      'Team members enter the challenge together and share any prize by a split they all agree on; each member is paid their share directly.',
      '',
      hasAccount ? 'Sign in to accept or decline:' : `Sign up with this email address (${to}) to accept or decline:`,
      link(webBaseUrl, hasAccount ? `/login?next=${next}` : `/signup?next=${next}`),
      '',
      `The invitation is valid until ${until}. If you did not expect it, you can ignore this mail.`,
    ].join('\n'),
  };
}

const CHALLENGE_ROLE_WORDS: Record<string, string> = {
  JUDGE: 'to judge',
  PARTICIPANT: 'to enter',
};

/**
 * To the invitee of a challenge (a judge, or a participant of an INVITE_ONLY challenge): who invited them, to what,
 * until when, and how to answer: sign in (the address has an account) or sign up with this address, then the
 * judging invitations page.
 */
export function challengeInvitationMail(
  to: string,
  invitation: { inviterName: string | null; organizationName: string; challengeTitle: string; role: string; expiresAt: Date },
  hasAccount: boolean,
  webBaseUrl: string,
): OutgoingMail {
  const who = invitation.inviterName ? `${invitation.inviterName} of ${invitation.organizationName}` : invitation.organizationName;
  const what = CHALLENGE_ROLE_WORDS[invitation.role] ?? 'to take part in';
  const until = invitation.expiresAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const next = encodeURIComponent('/judging/invitations');
  const about =
    invitation.role === 'JUDGE'
      ? 'Judges read the sealed submissions of this challenge and score them by its criteria; the sponsor decides the prizes.'
      : 'This challenge is by invitation only: accepting lets you read it and submit a solution.';
  return {
    to,
    subject: `${who} invited you ${what} “${invitation.challengeTitle}” on Ideagora`,
    text: [
      `${who} invited you ${what} the challenge “${invitation.challengeTitle}” on Ideagora.`,
      about,
      '',
      hasAccount ? 'Sign in to accept or decline:' : `Sign up with this email address (${to}) to accept or decline:`,
      link(webBaseUrl, hasAccount ? `/login?next=${next}` : `/signup?next=${next}`),
      '',
      `The invitation is valid until ${until}. If you did not expect it, you can ignore this mail.`,
    ].join('\n'),
  };
}

/**
 * To each author (and team member) of a submission when the sponsor chose the finalists: a finalist may submit new
 * versions until the final round's deadline; the others are told they were not chosen.
 */
export function finalistsAnnouncedMail(
  to: string,
  announcement: { challengeId: string; challengeTitle: string | null; finalRoundDeadline: Date; finalist: boolean },
  webBaseUrl: string,
): OutgoingMail {
  const title = announcement.challengeTitle ? `“${announcement.challengeTitle}”` : 'a challenge you entered';
  const challengeLink = link(webBaseUrl, `/challenges/${encodeURIComponent(announcement.challengeId)}`);
  if (announcement.finalist) {
    const until = announcement.finalRoundDeadline.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
    return {
      to,
      subject: `Your submission is a finalist of ${title}`,
      text: [
        `Congratulations: the sponsor chose your submission to ${title} as a finalist.`,
        `In the final round you may improve it: submit new versions until ${until}. The judges then score the finalists again.`,
        '',
        'The challenge:',
        challengeLink,
      ].join('\n'),
    };
  }
  return {
    to,
    subject: `The finalists of ${title} have been chosen`,
    text: [
      `The sponsor of ${title} has chosen the finalists, and your submission is not among them this time.`,
      'Thank you for taking part. You will hear about the results when the challenge is awarded.',
      '',
      'The challenge:',
      challengeLink,
    ].join('\n'),
  };
}

/**
 * The mail of a notification kind with no mail of its own (a question answered, a moved deadline, a failed payout
 * …): its title as the subject, its words, and the link. Recipients of one event share it, so it is queued by the
 * notifying statement itself.
 */
export function notificationMail(notification: { title: string; body: string; link: string }, webBaseUrl: string): { subject: string; text: string } {
  return {
    subject: notification.title,
    text: [notification.body, '', link(webBaseUrl, notification.link), '', `Choose which news you receive by mail: ${link(webBaseUrl, '/me/profile#notifications')}`].join('\n'),
  };
}
