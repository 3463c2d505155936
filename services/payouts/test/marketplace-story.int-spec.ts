import {
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { Client } from 'pg';

/**
 * The whole story through the gateway with the partner contract's operations, the `stripe` SDK on the emulator for
 * the sponsor's card, and the emulator's hosted onboarding page for the winners.
 */
describe('the marketplace story, money included', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function onboard(user: TestUser, outcome: 'complete' | 'incomplete') {
    const started = await runContract(
      stack.client,
      'StartPayoutOnboarding',
      { input: { returnUrl: 'https://ideagora.test/payouts/done', refreshUrl: 'https://ideagora.test/payouts/retry' } },
      user.token,
    );
    expect(started.errors).toBeUndefined();
    const page = await fetch(started.data!.startPayoutOnboarding.onboardingUrl);
    expect(page.status).toBe(200);
    const done = await fetch(started.data!.startPayoutOnboarding.onboardingUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ outcome }).toString(),
      redirect: 'manual',
    });
    expect(done.status).toBe(303);
  }

  const payoutsOf = async (user: TestUser) => (await runContract(stack.client, 'Viewer', {}, user.token)).data!.viewer;

  it('funds, publishes, judges, pays winners exactly once and refunds the rest, with balanced books', async () => {
    // Sponsor: account, organization, challenge with three prizes.
    const sponsor = await signUpUser(stack.client, { displayName: 'Sponsor' });
    const organizationId = await createOrganization(stack.client, sponsor.token, 'Aquatech Labs');
    const challenge = await createChallenge(
      stack.client,
      sponsor.token,
      challengeInput(organizationId, {
        prizes: [
          { rank: 1, label: 'First', amountMinor: '500000' },
          { rank: 2, label: 'Second', amountMinor: '200000' },
          { rank: 3, label: 'Third', amountMinor: '100000' },
        ],
      }),
    );
    const challengeId = challenge.id;

    // Fund it: a PaymentIntent for pool + fee, confirmed with a test card, SUCCEEDED by webhook.
    const funding = await eventually(async () => {
      const response = await runContract(stack.client, 'FundChallenge', { challengeId }, sponsor.token);
      expect(response.errors).toBeUndefined();
      return response.data!.fundChallenge.funding;
    });
    expect(funding.amount).toEqual({ amountMinor: '880000', currency: 'USD' });
    await stack.stripe.paymentIntents.confirm(funding.paymentIntentId, { payment_method: 'pm_card_visa' });
    await eventually(async () => {
      const published = await runContract(stack.client, 'PublishChallenge', { challengeId }, sponsor.token);
      expect(published.data?.publishChallenge.challenge.status).toBe('OPEN');
    });

    // Two solvers submit; one is onboarded for payouts beforehand, the other is not.
    const ada = await signUpUser(stack.client, { displayName: 'Ada' });
    const grace = await signUpUser(stack.client, { displayName: 'Grace' });
    await onboard(ada, 'complete');
    await eventually(async () => expect((await payoutsOf(ada)).payoutAccount.status).toBe('ACTIVE'));
    const submit = (user: TestUser, title: string) =>
      eventually(async () => {
        const response = await runContract(stack.client, 'SubmitSolution', { input: { challengeId, title, body: `${title}: details` } }, user.token);
        expect(response.errors).toBeUndefined();
        return response.data!.submitSolution.submission.id as string;
      });
    const adaSubmission = await submit(ada, 'Solar still');
    const graceSubmission = await submit(grace, 'Solar pump');

    // The sponsor closes submissions and awards first and second prizes.
    const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId }, sponsor.token);
    expect(closed.data!.closeSubmissions.challenge.status).toBe('JUDGING');
    const award = (prizeRank: number, submissionId: string) =>
      eventually(async () => {
        const response = await runContract(stack.client, 'AwardPrize', { input: { challengeId, prizeRank, submissionId } }, sponsor.token);
        expect(response.errors).toBeUndefined();
        return response.data!.awardPrize.award;
      });
    const first = await award(1, adaSubmission);
    const second = await award(2, graceSubmission);
    expect(first).toMatchObject({ prizeRank: 1, submission: { id: adaSubmission }, payouts: [{ amount: { amountMinor: '500000', currency: 'USD' } }] });
    expect(second.payouts[0].status).toBe('HELD');
    expect(errorCodes(await runContract(stack.client, 'AwardPrize', { input: { challengeId, prizeRank: 1, submissionId: graceSubmission } }, sponsor.token))).toEqual([
      'CONFLICT',
    ]);

    // The onboarded winner is paid; the other is held until she onboards, then paid.
    await eventually(async () => expect((await payoutsOf(ada)).payouts.edges.map((e: any) => e.node.status)).toEqual(['PAID']));
    expect((await payoutsOf(grace)).payouts.edges.map((e: any) => e.node.status)).toEqual(['HELD']);
    await onboard(grace, 'incomplete');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await payoutsOf(grace)).payouts.edges.map((e: any) => e.node.status)).toEqual(['HELD']);
    await onboard(grace, 'complete');
    await eventually(async () => expect((await payoutsOf(grace)).payouts.edges.map((e: any) => e.node.status)).toEqual(['PAID']));

    // Judging ends: the third prize's money goes back to the sponsor; the challenge closes.
    const finished = await stack.client.request(`mutation($id: ID!) { finishJudging(challengeId: $id) { challenge { status } } }`, { id: challengeId }, { token: sponsor.token });
    expect(finished.data!.finishJudging.challenge.status).toBe('AWARDED');
    const detail = await eventually(async () => {
      const response = await runContract(stack.client, 'ChallengeDetail', { id: challengeId }, sponsor.token);
      expect(response.data!.challenge.status).toBe('CLOSED');
      return response.data!.challenge;
    });
    expect(detail.funding.status).toBe('PARTIALLY_REFUNDED');
    expect(detail.prizes.map((p: any) => [p.rank, p.award?.payouts.map((x: any) => x.status) ?? null])).toEqual([
      [1, ['PAID']],
      [2, ['PAID']],
      [3, null],
    ]);

    // Stripe saw exactly one transfer per winner, from this challenge's charge, and one refund.
    const transfers = (await stack.stripe.transfers.list({ transfer_group: challengeId, limit: 100 })).data;
    expect(transfers.map((t) => t.amount).sort()).toEqual([200000, 500000]);
    const intent = await stack.stripe.paymentIntents.retrieve(funding.paymentIntentId);
    expect(transfers.every((t) => t.source_transaction === intent.latest_charge)).toBe(true);
    const refunds = (await stack.stripe.refunds.list({ payment_intent: funding.paymentIntentId })).data;
    expect(refunds.map((r) => r.amount)).toEqual([100000]);

    // The books: escrow empty, paid + refunded + fee = funded.
    const escrow = await stack.client.request(
      `query($id: ID!) { challenge(id: $id) { escrow { funded { amountMinor } platformFee { amountMinor } paid { amountMinor } refunded { amountMinor } inEscrow { amountMinor } } } }`,
      { id: challengeId },
      { token: sponsor.token },
    );
    const e = escrow.data!.challenge.escrow;
    expect(e).toEqual({
      funded: { amountMinor: '880000' },
      platformFee: { amountMinor: '80000' },
      paid: { amountMinor: '700000' },
      refunded: { amountMinor: '100000' },
      inEscrow: { amountMinor: '0' },
    });
    expect(BigInt(e.paid.amountMinor) + BigInt(e.refunded.amountMinor) + BigInt(e.platformFee.amountMinor)).toBe(BigInt(e.funded.amountMinor));
    // Every currency's postings sum to zero (read straight from the payouts schema: the test is the auditor).
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const sums = await db.query(`select currency, sum(amount_minor)::text as total from payouts.ledger_posting group by currency`);
      expect(sums.rows).toEqual([{ currency: 'USD', total: '0' }]);
    } finally {
      await db.end();
    }
  });
});
