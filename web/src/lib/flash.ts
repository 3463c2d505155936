/**
 * Success feedback that survives the re-render after an action: the server action redirects with `?done=<key>`
 * and the page shows the matching message (never text from the URL itself) in a role=status region.
 */
export const FLASH_PARAM = 'done';

export const FLASH_MESSAGES = {
  funded: 'This challenge is already funded: you can publish it.',
  published: 'Published: solvers can now find and enter it.',
  closed: 'Submissions closed: judging has started.',
  finished: 'Judging finished. Unawarded prize money is refunded.',
  cancelled: 'Challenge cancelled. Solvers can no longer submit; if it was funded, the prize pool is refunded to you (the platform fee is kept).',
  cancelling: 'Cancellation requested. It completes in a few seconds, once payouts confirms that no prize was awarded meanwhile; the prize pool is then refunded to you (the platform fee is kept).',
  awarded: 'Prize awarded. The winner is paid from escrow as soon as their payout account can receive it.',
  shortlisted: 'Added to the shortlist.',
  unshortlisted: 'Removed from the shortlist.',
  passwordChanged: 'Your password has been changed.',
  updated: 'Challenge updated.',
  questionSent: 'Question sent.',
  answerSaved: 'Answer saved.',
  invitationAccepted: 'Invitation accepted: you are now a member of the organization.',
  invitationDeclined: 'Invitation declined.',
  invitationExpired: 'This invitation has expired. Ask the organization to invite you again.',
  teamCreated: 'Team created. Invite your teammates by email, then agree how a prize is split.',
  teamJoined: 'You joined the team. Read the prize split and agree to it: the team can submit once everyone has.',
  teamInvitationDeclined: 'Invitation declined.',
  splitProposed: 'Split proposed. Each member now agrees to it; you already have.',
  splitAgreed: 'You agreed to the split.',
  teamLeft: 'You left the team.',
  rubricNotSaved: 'Draft created, but its judging criteria could not be saved: set them again below.',
  judgeAccepted: 'Invitation accepted: you are a judge of this challenge. You can score its submissions once submissions close.',
  challengeInvitationDeclined: 'Invitation declined.',
  participantAccepted: 'Invitation accepted: you can take part in this challenge.',
  notificationsRead: 'Every notification is marked as read.',
  finalRoundStarted: 'Final round started: the finalists can resubmit until its deadline, then judging starts again.',
  apiKeyRevoked: 'API key revoked: requests with it are refused from now on.',
  webhookEndpointDeleted: 'Webhook endpoint deleted: nothing more is sent to it.',
  webhookRedelivered: 'Sent again: the new attempt shows in the log in a moment.',
} as const;

export type FlashKey = keyof typeof FLASH_MESSAGES;

export function flashMessage(value: string | string[] | undefined): string | undefined {
  const key = Array.isArray(value) ? value[0] : value;
  return key && Object.hasOwn(FLASH_MESSAGES, key) ? FLASH_MESSAGES[key as FlashKey] : undefined;
}

/** `/challenges/1` + published -> `/challenges/1?done=published`. */
export function withFlash(path: string, key: FlashKey): string {
  return `${path}${path.includes('?') ? '&' : '?'}${FLASH_PARAM}=${key}`;
}
