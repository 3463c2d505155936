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
