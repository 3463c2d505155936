import {
  addMember,
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  postStripeWebhook,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { Client } from 'pg';

describe('funding a challenge through Stripe (emulator)', () => {
  let stack: Stack;
  let sponsor: TestUser;
  let organizationId: string;

  let db: Client;

  beforeAll(async () => {
    stack = await startStack();
    sponsor = await signUpUser(stack.client);
    organizationId = await createOrganization(stack.client, sponsor.token);
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const fund = (challengeId: string, token = sponsor.token) => runContract(stack.client, 'FundChallenge', { challengeId }, token);
  const detail = async (id: string) => (await runContract(stack.client, 'ChallengeDetail', { id }, sponsor.token)).data!.challenge;

  async function draft(overrides: Record<string, unknown> = {}) {
    const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, overrides));
    // payouts learns of the challenge through ChallengeChanged.
    await eventually(async () => expect(errorCodes(await fund(challenge.id))).toEqual([]));
    return challenge.id;
  }

  it('charges prize pool plus a 10 % fee with transfer_group = challenge, then publishes once Stripe confirms', async () => {
    const id = await draft({ prizes: [{ rank: 1, label: 'First', amountMinor: '500000' }, { rank: 2, label: 'Second', amountMinor: '200005' }] });
    const response = await fund(id);
    const funding = response.data!.fundChallenge.funding;
    expect(funding).toMatchObject({
      status: 'PENDING',
      amount: { amountMinor: '770006', currency: 'USD' }, // 700005 + 70000.5 rounded half up
      platformFee: { amountMinor: '70001', currency: 'USD' },
    });
    expect(funding.clientSecret).toMatch(/^pi_.+_secret_/);
    // Asking again while pending returns the same funding.
    expect((await fund(id)).data!.fundChallenge.funding.id).toBe(funding.id);

    const intent = await stack.stripe.paymentIntents.retrieve(funding.paymentIntentId);
    expect(intent).toMatchObject({ amount: 770006, currency: 'usd', transfer_group: id, metadata: { fundingId: funding.id, challengeId: id } });

    const early = await runContract(stack.client, 'PublishChallenge', { challengeId: id }, sponsor.token);
    expect(errorCodes(early)).toEqual(['FAILED_PRECONDITION']);

    await stack.stripe.paymentIntents.confirm(funding.paymentIntentId, { payment_method: 'pm_card_visa' });
    await eventually(async () => expect((await detail(id)).funding.status).toBe('SUCCEEDED'));
    await eventually(async () => {
      const published = await runContract(stack.client, 'PublishChallenge', { challengeId: id }, sponsor.token);
      expect(published.data?.publishChallenge.challenge.status).toBe('OPEN');
    });
    const again = await fund(id);
    expect(errorCodes(again)).toEqual(['FAILED_PRECONDITION']);

    const escrow = await stack.client.request(
      `query($id: ID!) { challenge(id: $id) { escrow { funded { amountMinor } platformFee { amountMinor } inEscrow { amountMinor } paid { amountMinor } } } }`,
      { id },
      { token: sponsor.token },
    );
    expect(escrow.data!.challenge.escrow).toEqual({
      funded: { amountMinor: '770006' },
      platformFee: { amountMinor: '70001' },
      inEscrow: { amountMinor: '700005' },
      paid: { amountMinor: '0' },
    });
  });

  it('leaves the challenge in DRAFT with the funding FAILED and a reason when the card is declined, and allows a new attempt', async () => {
    const id = await draft();
    const first = (await fund(id)).data!.fundChallenge.funding;
    await expect(stack.stripe.paymentIntents.confirm(first.paymentIntentId, { payment_method: 'pm_card_chargeDeclined' })).rejects.toThrow(/declined/);
    await eventually(async () => {
      const funding = (await detail(id)).funding;
      expect(funding.status).toBe('FAILED');
    });
    const failed = await stack.client.request(`query($id: ID!) { challenge(id: $id) { status funding { status failureReason } } }`, { id }, { token: sponsor.token });
    expect(failed.data!.challenge).toEqual({ status: 'DRAFT', funding: { status: 'FAILED', failureReason: expect.stringMatching(/declined/i) } });
    expect(errorCodes(await runContract(stack.client, 'PublishChallenge', { challengeId: id }, sponsor.token))).toEqual(['FAILED_PRECONDITION']);

    const second = (await fund(id)).data!.fundChallenge.funding;
    expect(second.id).not.toBe(first.id);
    expect(second.status).toBe('PENDING');
    // The failed attempt can no longer be paid.
    expect((await stack.stripe.paymentIntents.retrieve(first.paymentIntentId)).status).toBe('canceled');
  });

  it('charges exact amounts in zero- and three-decimal currencies', async () => {
    const yen = await draft({ currency: 'JPY', prizes: [{ rank: 1, label: 'Only', amountMinor: '123457' }] });
    expect((await fund(yen)).data!.fundChallenge.funding).toMatchObject({ amount: { amountMinor: '135803', currency: 'JPY' }, platformFee: { amountMinor: '12346', currency: 'JPY' } });
    const dinar = await draft({ currency: 'KWD', prizes: [{ rank: 1, label: 'Only', amountMinor: '1505' }] });
    const funding = (await fund(dinar)).data!.fundChallenge.funding;
    expect(funding).toMatchObject({ amount: { amountMinor: '1656', currency: 'KWD' }, platformFee: { amountMinor: '151', currency: 'KWD' } });
    expect(await stack.stripe.paymentIntents.retrieve(funding.paymentIntentId)).toMatchObject({ amount: 1656, currency: 'kwd' });
  });

  it('refuses a pool larger than one card payment can carry, and writes nothing', async () => {
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { prizes: [{ rank: 1, label: 'Huge', amountMinor: '9007199254740993' }] }));
    const refused = await eventually(async () => {
      const response = await fund(id);
      expect(errorCodes(response)).toEqual(['FAILED_PRECONDITION']);
      return response;
    });
    expect(refused.errors![0].message).toMatch(/above/);
    expect((await detail(id)).funding).toBeNull();
  });

  it('is for the sponsor’s owners and admins only, and hides payment details from others', async () => {
    const id = await draft();
    const [stranger, member] = await Promise.all([signUpUser(stack.client), signUpUser(stack.client)]);
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
    // A draft is its sponsor's business: NOT_FOUND for a stranger (as the challenges context answers), FORBIDDEN for a plain MEMBER.
    expect(errorCodes(await fund(id, stranger.token))).toEqual(['NOT_FOUND']);
    await eventually(async () => expect(errorCodes(await fund(id, member.token))).toEqual(['FORBIDDEN']));
    expect(errorCodes(await runContract(stack.client, 'FundChallenge', { challengeId: id }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await fund('not-an-id'))).toEqual(['BAD_USER_INPUT']);
  });

  it('survives a duplicate webhook delivery and refuses a forged one', async () => {
    const id = await draft();
    const funding = (await fund(id)).data!.fundChallenge.funding;
    await stack.stripe.paymentIntents.confirm(funding.paymentIntentId, { payment_method: 'pm_card_visa' });
    await eventually(async () => expect((await detail(id)).funding.status).toBe('SUCCEEDED'));
    const payoutsBase = stack.subgraphUrls.payouts.replace(/\/graphql$/, '');
    const events = await stack.stripe.events.list({ type: 'payment_intent.succeeded', limit: 20 });
    const event = events.data.find((e) => (e.data.object as { id: string }).id === funding.paymentIntentId)!;
    const body = JSON.stringify(event);
    const forged = await fetch(`${payoutsBase}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=deadbeef' }, body });
    expect(forged.status).toBe(400);
    const header = stack.stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_ideagora_local_emulator_0123456789' });
    const duplicate = await fetch(`${payoutsBase}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body });
    expect(duplicate.status).toBe(200);
    const stale = stack.stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_ideagora_local_emulator_0123456789', timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect((await fetch(`${payoutsBase}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': stale }, body })).status).toBe(400);
    // Out of order: a failure that Stripe (say) sent before the success arrives after it. It changes nothing.
    const late = JSON.stringify({
      ...event,
      id: `${event.id}_late_failure`,
      type: 'payment_intent.payment_failed',
      data: { object: { ...(event.data.object as object), status: 'requires_payment_method', last_payment_error: { message: 'Your card was declined.' } } },
    });
    const lateHeader = stack.stripe.webhooks.generateTestHeaderString({ payload: late, secret: 'whsec_ideagora_local_emulator_0123456789' });
    expect((await fetch(`${payoutsBase}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': lateHeader }, body: late })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await detail(id)).funding.status).toBe('SUCCEEDED');
    const escrow = await stack.client.request(`query($id: ID!) { challenge(id: $id) { escrow { funded { amountMinor } } } }`, { id }, { token: sponsor.token });
    expect(escrow.data!.challenge.escrow.funded.amountMinor).toBe('770000'); // posted once
  });

  describe('a validly signed webhook that contradicts the funding', () => {
    /** The stored events about one PaymentIntent (by the payload's object id) and what became of them. */
    const storedEventsOf = async (intentId: string) =>
      (
        await db.query<{ id: string; type: string; outcome: string | null; last_error: string | null }>(
          `select id, type, outcome, last_error from payouts.stripe_event where payload->'data'->'object'->>'id' = $1 and processed_at is not null order by received_at`,
          [intentId],
        )
      ).rows;
    const moneyTrail = async (challengeId: string) =>
      (
        await db.query(
          `select (select count(*)::int from payouts.ledger_transaction) as ledger,
                  (select count(*)::int from payouts.outbox_event where type = 'FundingSucceeded' and payload->>'challengeId' = $1::text) as succeeded,
                  (select string_agg(status, ',') from payouts.funding where challenge_id = $1::uuid) as fundings`,
          [challengeId],
        )
      ).rows[0];
    const succeededEvent = (intent: object, id: string) => ({ id, object: 'event', type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: intent } });

    it('changes nothing for a wrong amount, another PaymentIntent, or a success Stripe does not show; the real payment then succeeds', async () => {
      const id = await draft();
      const funding = (await fund(id)).data!.fundChallenge.funding;
      const intent = await stack.stripe.paymentIntents.retrieve(funding.paymentIntentId);
      const before = await moneyTrail(id);
      expect(before.fundings).toBe('PENDING');

      // 1. The funding's own PaymentIntent, "paid" for 1 minor unit.
      const paidOne = { ...intent, status: 'succeeded', amount: 1, amount_received: 1 };
      expect((await postStripeWebhook(stack, succeededEvent(paidOne, `evt_amount_one_${id}`))).status).toBe(200);
      // 2. The right amount and the funding's metadata, but the PaymentIntent is not the funding's (none at Stripe).
      const otherId = { ...intent, id: 'pi_forged_with_our_metadata', status: 'succeeded', amount_received: intent.amount };
      expect((await postStripeWebhook(stack, succeededEvent(otherId, `evt_other_intent_${id}`))).status).toBe(200);
      // 3. The funding's PaymentIntent with every field right, but Stripe shows it unpaid.
      const unpaid = { ...intent, status: 'succeeded', amount_received: intent.amount };
      expect((await postStripeWebhook(stack, succeededEvent(unpaid, `evt_not_paid_${id}`))).status).toBe(200);
      // 4. A real PaymentIntent, really paid, for the right amount and carrying the funding's metadata: Stripe's own
      // event for it (delivered by the emulator) pays some other intent, not this funding.
      const decoy = await stack.stripe.paymentIntents.create({
        amount: intent.amount,
        currency: intent.currency,
        metadata: intent.metadata,
        transfer_group: id,
        payment_method: 'pm_card_visa',
        confirm: true,
        automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      });
      expect(decoy.status).toBe('succeeded');

      await eventually(async () => {
        const stored = [...(await storedEventsOf(intent.id)), ...(await storedEventsOf('pi_forged_with_our_metadata')), ...(await storedEventsOf(decoy.id))];
        const succeeded = stored.filter((e) => e.type === 'payment_intent.succeeded');
        expect(succeeded.map((e) => [e.id.startsWith('evt_') && e.id.includes(id) ? e.id.replace(`_${id}`, '') : 'delivered', e.outcome]).sort()).toEqual(
          [['delivered', 'mismatch'], ['evt_amount_one', 'mismatch'], ['evt_not_paid', 'mismatch'], ['evt_other_intent', 'mismatch']].sort(),
        );
      });
      const reasons = (await storedEventsOf(intent.id)).map((e) => e.last_error).join('\n');
      expect(reasons).toMatch(/amount 1 is not the funding's/);
      expect(reasons).toMatch(/Stripe shows it requires_payment_method/);
      expect(await moneyTrail(id)).toEqual(before);
      expect((await detail(id)).funding.status).toBe('PENDING');

      // The sponsor's real payment goes through as usual.
      await stack.stripe.paymentIntents.confirm(funding.paymentIntentId, { payment_method: 'pm_card_visa' });
      await eventually(async () => expect((await detail(id)).funding.status).toBe('SUCCEEDED'));
      const after = await moneyTrail(id);
      expect([after.ledger - before.ledger, after.succeeded]).toEqual([1, 1]);
    });

    it('refuses a payment event signed with the Connect secret, and a Connect event signed with the account secret', async () => {
      const id = await draft();
      const funding = (await fund(id)).data!.fundChallenge.funding;
      const intent = await stack.stripe.paymentIntents.retrieve(funding.paymentIntentId);
      const paid = succeededEvent({ ...intent, status: 'succeeded', amount_received: intent.amount }, `evt_connect_signed_${id}`);
      expect((await postStripeWebhook(stack, paid, { secret: 'connect' })).status).toBe(400);
      const account = await stack.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
      const updated = { id: `evt_account_signed_${id}`, object: 'event', type: 'account.updated', account: account.id, created: Math.floor(Date.now() / 1000), data: { object: account } };
      expect((await postStripeWebhook(stack, updated, { secret: 'account' })).status).toBe(400);
      expect((await postStripeWebhook(stack, updated, { secret: 'connect' })).status).toBe(200);
      const stored = await db.query(`select id from payouts.stripe_event where id = any($1)`, [[paid.id, updated.id]]);
      expect(stored.rows.map((r) => r.id)).toEqual([updated.id]);
    });
  });
});
