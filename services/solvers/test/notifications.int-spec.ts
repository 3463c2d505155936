import { publishEnvelope, startEventBus, type EventEnvelope, type PgBoss } from '@ideagora/events';
import {
  challengeInput,
  completePayoutOnboarding,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  publishTestEvent,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const WEBHOOK_SECRET = 'whsec_ideagora_local_emulator_0123456789';
const WEB = 'http://localhost:3000';
/** The relay and the mail dispatcher poll this rarely here: a mail sent within seconds was sent because of a nudge. */
const POLL_MS = 120_000;

describe('mail to prize winners: "you won", then "your prize money has been sent"', () => {
  let stack: Stack;
  let db: Client;
  let bus: PgBoss;
  let sponsor: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack({ env: { OUTBOX_POLL_MS: String(POLL_MS), PAYOUT_RETRY_BASE_MS: '200', PAYOUT_POLL_MS: '300', PAYOUT_CLAIM_LEASE_SECONDS: '2' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    bus = await startEventBus({ url: stack.databaseUrl, poolMax: 2, declareTopology: false });
    sponsor = await signUpUser(stack.client);
    organizationId = await createOrganization(stack.client, sponsor.token);
  });
  afterAll(async () => {
    await bus?.stop({ graceful: false, wait: true, timeout: 2000 });
    await db?.end();
    await stack?.stop();
  });

  const sql = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows;
  // The prize mails only: the winner, a participant, may also hear that submissions closed (notifications' own mail).
  const mailsTo = (email: string): Promise<{ subject: string; body_text: string; created_at: Date; sent_at: Date | null }[]> =>
    sql(
      `select subject, body_text, created_at, sent_at from solvers.mail_outbox
        where to_email = $1 and subject in ('You won a prize on Ideagora', 'Your prize money has been sent') order by created_at, id`,
      [email],
    );
  const countMails = async () => Number((await sql(`select count(*) from solvers.mail_outbox`))[0].count);
  const outboxEvents = (type: string, field: string, value: string) =>
    sql(`select id, payload from payouts.outbox_event where type = $1 and payload->>$2 = $3 order by occurred_at, id`, [type, field, value]);
  /** The jobs solvers' consumer got for one event id, by state ('completed', 'retry', 'failed' …). */
  const solversJobs = (eventId: string) => sql(`select name, state from pgboss.job where name like 'solvers\\_%' and data->>'eventId' = $1`, [eventId]);
  const payoutStatusOf = async (challengeId: string) =>
    (await runContract(stack.client, 'ChallengeDetail', { id: challengeId }, sponsor.token)).data!.challenge.prizes.find((p: { rank: number }) => p.rank === 1).award
      ?.payouts[0]?.status;

  /** Sent by the dispatcher, nudged when the event's transaction committed (it polls only every POLL_MS here). */
  const expectSentPromptly = (mail: { created_at: Date; sent_at: Date | null }) => {
    expect(mail.sent_at).not.toBeNull();
    expect(mail.sent_at!.getTime() - mail.created_at.getTime()).toBeLessThan(8_000); // far below POLL_MS, with room for a loaded machine
  };

  async function onboard(user: TestUser): Promise<void> {
    await completePayoutOnboarding(stack, user.token);
  }

  /** A funded challenge, judging, with the winner's submission; prize 1 awarded to it once payouts knows both. */
  async function awardFirstPrize(winner: TestUser, overrides: Record<string, unknown> = {}): Promise<{ challengeId: string; payoutId: string }> {
    const { id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, overrides));
    await fundAndPublish(stack, sponsor.token, challengeId);
    const submissionId = await eventually(async () => {
      const response = await runContract(stack.client, 'SubmitSolution', { input: { challengeId, title: 'Ceramic filter', body: 'A ceramic filter with silver nanoparticles.' } }, winner.token);
      expect(errorCodes(response)).toEqual([]);
      return response.data!.submitSolution.submission.id as string;
    });
    const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId }, sponsor.token);
    expect(closed.data!.closeSubmissions.challenge.status).toBe('JUDGING');
    const award = await eventually(async () => {
      const response = await runContract(stack.client, 'AwardPrize', { input: { challengeId, prizeRank: 1, submissionId } }, sponsor.token);
      expect(errorCodes(response)).toEqual([]);
      return response.data!.awardPrize.award;
    });
    return { challengeId, payoutId: award.payouts[0].id as string };
  }

  it('mails the winner once when the prize is awarded (how to get paid), and once when the money is sent', async () => {
    const winner = await signUpUser(stack.client);
    const { challengeId, payoutId } = await awardFirstPrize(winner);
    expect(await payoutStatusOf(challengeId)).toBe('HELD');

    // PrizeAwarded carries the winner and the amount.
    const [awarded] = await outboxEvents('PrizeAwarded', 'challengeId', challengeId);
    expect(awarded.payload).toEqual({
      challengeId, prizeRank: 1, submissionId: expect.any(String), awardId: expect.any(String), automatic: false,
      winnerId: winner.id, amountMinor: '500000', currency: 'USD',
    });

    const [won] = await eventually(async () => {
      const mails = await mailsTo(winner.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].sent_at).not.toBeNull();
      return mails;
    });
    expect(won.subject).toBe('You won a prize on Ideagora');
    expect(won.body_text).toContain('won a prize of $5,000.00 on Ideagora.');
    expect(won.body_text).toContain(`${WEB}/challenges/${challengeId}`);
    expect(won.body_text).toContain(`To receive it, set up payouts: ${WEB}/me/payouts`);
    expectSentPromptly(won);
    // Nothing more while the payout waits for the winner.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await mailsTo(winner.email)).toHaveLength(1);
    expect(await payoutStatusOf(challengeId)).toBe('HELD');

    await onboard(winner);
    await eventually(async () => expect(await payoutStatusOf(challengeId)).toBe('PAID'));
    const mails = await eventually(async () => {
      const all = await mailsTo(winner.email);
      expect(all).toHaveLength(2);
      expect(all[1].sent_at).not.toBeNull();
      return all;
    });
    expect(mails[1].subject).toBe('Your prize money has been sent');
    expect(mails[1].body_text).toContain('We have sent your prize money, $5,000.00, to your payout account.');
    expect(mails[1].body_text).toContain(`${WEB}/me/payouts`);
    expectSentPromptly(mails[1]);

    // One PayoutPaid, although both the transfer's result and Stripe's transfer.created webhook mark it PAID.
    await new Promise((r) => setTimeout(r, 1000));
    const paid = await outboxEvents('PayoutPaid', 'payoutId', payoutId);
    expect(paid.map((e) => e.payload)).toEqual([{ payoutId, challengeId, winnerId: winner.id, amountMinor: '500000', currency: 'USD' }]);
    expect(await mailsTo(winner.email)).toHaveLength(2);
  });

  it('queues no second mail when the same PrizeAwarded or PayoutPaid is delivered again', async () => {
    const winner = await signUpUser(stack.client);
    await onboard(winner);
    const { challengeId, payoutId } = await awardFirstPrize(winner, {
      currency: 'JPY',
      prizes: [
        { rank: 1, label: 'First prize', amountMinor: '1500000' },
        { rank: 2, label: 'Second prize', amountMinor: '500000' },
      ],
    });
    // Already onboarded: paid at once, and the two events travel on separate queues, so the mails come in either order.
    const mails = await eventually(async () => {
      const all = await mailsTo(winner.email);
      expect(all.map((m) => m.subject).sort()).toEqual(['You won a prize on Ideagora', 'Your prize money has been sent']);
      return all;
    });
    const bodies = mails.map((m) => m.body_text).join('\n');
    expect(bodies).toContain('won a prize of ¥1,500,000 on Ideagora.');
    expect(bodies).toContain('We have sent your prize money, ¥1,500,000, to your payout account.');

    // Delivered again with the same event id, as the relay does after a crash between publishing and marking.
    const [prizeAwarded] = await outboxEvents('PrizeAwarded', 'challengeId', challengeId);
    const [payoutPaid] = await outboxEvents('PayoutPaid', 'payoutId', payoutId);
    for (const row of [prizeAwarded, payoutPaid]) {
      const [job] = await sql(`select data from pgboss.job where name like 'solvers\\_%' and data->>'eventId' = $1`, [row.id]);
      const envelope = job.data as EventEnvelope;
      expect(envelope.eventId).toBe(row.id);
      await publishEnvelope(bus, envelope);
      await publishEnvelope(bus, envelope);
    }
    for (const row of [prizeAwarded, payoutPaid]) {
      await eventually(async () => expect((await solversJobs(row.id)).map((j) => j.state)).toEqual(['completed', 'completed', 'completed']));
    }
    expect(await mailsTo(winner.email)).toHaveLength(2);
  });

  it('mails nobody for an old PrizeAwarded without a winner, or for a winner whose account does not exist, and fails no job', async () => {
    const before = await countMails();
    const events = [
      // As payouts wrote it before PrizeAwarded carried the winner and the amount.
      await publishTestEvent(stack.databaseUrl, 'PrizeAwarded', { challengeId: randomUUID(), prizeRank: 1, submissionId: randomUUID() }),
      await publishTestEvent(stack.databaseUrl, 'PrizeAwarded', { challengeId: randomUUID(), prizeRank: 1, submissionId: randomUUID(), winnerId: randomUUID(), amountMinor: '100', currency: 'USD' }),
      await publishTestEvent(stack.databaseUrl, 'PayoutPaid', { payoutId: randomUUID(), challengeId: randomUUID(), winnerId: randomUUID(), amountMinor: '100', currency: 'USD' }),
    ];
    for (const eventId of events) await eventually(async () => expect((await solversJobs(eventId)).map((j) => j.state)).toEqual(['completed']));
    expect(await sql(`select count(*)::int as n from solvers.processed_event where event_id = any($1::uuid[])`, [events])).toEqual([{ n: 3 }]);
    expect(await countMails()).toBe(before);
    expect(await sql(`select name, state from pgboss.job where name like 'solvers\\_%' and state in ('retry', 'failed')`)).toEqual([]);
  });

  it('emits no second PayoutPaid when Stripe delivers the transfer again, under the same or another event id', async () => {
    const winner = await signUpUser(stack.client);
    await onboard(winner);
    const { challengeId, payoutId } = await awardFirstPrize(winner);
    await eventually(async () => expect(await payoutStatusOf(challengeId)).toBe('PAID'));
    await eventually(async () => expect(await mailsTo(winner.email)).toHaveLength(2));

    const payoutsBase = stack.subgraphUrls.payouts.replace(/\/graphql$/, '');
    const deliver = async (body: string) => {
      const header = stack.stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET });
      const response = await fetch(`${payoutsBase}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body });
      expect(response.status).toBe(200);
    };
    const original = await eventually(async () => {
      const events = await stack.stripe.events.list({ type: 'transfer.created', limit: 100 });
      const event = events.data.find((e) => (e.data.object as { transfer_group?: string }).transfer_group === challengeId);
      expect(event).toBeDefined();
      return event!;
    });
    // The same event again (stored once by id), and the same transfer under a new event id (applied: PAID stays PAID).
    const replay = { ...original, id: `evt_replay_${randomUUID().replaceAll('-', '')}` };
    await deliver(JSON.stringify(original));
    await deliver(JSON.stringify(replay));
    await eventually(async () => expect(await sql(`select processed_at is not null as done from payouts.stripe_event where id = $1`, [replay.id])).toEqual([{ done: true }]));
    await new Promise((r) => setTimeout(r, 1000));

    expect(await outboxEvents('PayoutPaid', 'payoutId', payoutId)).toHaveLength(1);
    expect(await mailsTo(winner.email)).toHaveLength(2);
  });
});
