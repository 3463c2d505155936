import { attemptDelivery, MAIL_DELIVERY, mailRetryDelayMs, type DeliveryOutcome } from './mail.dispatcher';
import type { MailTransport, OutgoingMail } from './mail.transport';

/** A mail server that refuses the first `failures` mails, then accepts. */
class FlakyTransport implements MailTransport {
  sent: OutgoingMail[] = [];
  calls = 0;
  constructor(private readonly failures: number) {}
  async send(mail: OutgoingMail): Promise<void> {
    this.calls += 1;
    if (this.calls <= this.failures) throw new Error(`421 try again later (${this.calls})`);
    this.sent.push(mail);
  }
}

const mail: OutgoingMail = { to: 'ada@example.test', subject: 'Reset your Ideagora password', text: 'link' };

/** Plays the dispatcher's loop for one mail: attempt, record, attempt again while a retry is planned. */
async function deliverUntilDone(transport: MailTransport) {
  const outcomes: DeliveryOutcome[] = [];
  let attempts = 0;
  for (;;) {
    const outcome = await attemptDelivery(transport, mail, attempts);
    outcomes.push(outcome);
    if (outcome.sent || outcome.retryInMs === null) return outcomes;
    attempts = outcome.attempts;
  }
}

describe('mail delivery', () => {
  it('retries a failing mail with a doubling delay until it is sent', async () => {
    const transport = new FlakyTransport(3);
    const outcomes = await deliverUntilDone(transport);
    expect(outcomes).toEqual([
      { sent: false, attempts: 1, error: '421 try again later (1)', retryInMs: 5_000 },
      { sent: false, attempts: 2, error: '421 try again later (2)', retryInMs: 10_000 },
      { sent: false, attempts: 3, error: '421 try again later (3)', retryInMs: 20_000 },
      { sent: true },
    ]);
    expect(transport.sent).toEqual([mail]);
  });

  it('gives up after 10 failed attempts', async () => {
    const transport = new FlakyTransport(Infinity);
    const outcomes = await deliverUntilDone(transport);
    expect(transport.calls).toBe(MAIL_DELIVERY.MAX_ATTEMPTS);
    expect(outcomes.at(-1)).toEqual({ sent: false, attempts: 10, error: '421 try again later (10)', retryInMs: null });
    expect(outcomes.slice(0, -1).every((o) => !o.sent && o.retryInMs !== null)).toBe(true);
  });

  it('is sent on the 10th attempt still', async () => {
    const outcomes = await deliverUntilDone(new FlakyTransport(9));
    expect(outcomes).toHaveLength(10);
    expect(outcomes.at(-1)).toEqual({ sent: true });
  });

  it('caps the delay at an hour and keeps long errors short', async () => {
    expect(mailRetryDelayMs(9)).toBe(1_280_000);
    expect(mailRetryDelayMs(20)).toBe(3_600_000);
    const outcome = await attemptDelivery({ send: async () => { throw new Error('x'.repeat(5000)); } }, mail, 0);
    expect(outcome).toMatchObject({ sent: false, attempts: 1, error: 'x'.repeat(1000) });
  });
});
