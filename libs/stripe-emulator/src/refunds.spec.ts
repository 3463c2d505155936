import { availableUsd, onboard, pay, startTestEmulator, type TestEmulator } from './emulator.testing';

describe('refunds', () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator();
  });
  afterEach(() => t.emulator.close());

  it('refunds part of a payment, then the rest, then refuses a further refund', async () => {
    const pi = await pay(t, 5000);
    const partial = await t.stripe.refunds.create({ payment_intent: pi.id, amount: 1500 });
    expect(partial.id).toMatch(/^re_/);
    expect(partial).toMatchObject({ object: 'refund', amount: 1500, status: 'succeeded', charge: pi.latest_charge });
    let charge = await t.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 1500, refunded: false });
    expect(await availableUsd(t.stripe)).toBe(3500);

    await expect(t.stripe.refunds.create({ payment_intent: pi.id, amount: 4000 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'amount_too_large',
      param: 'amount',
    });

    const rest = await t.stripe.refunds.create({ charge: pi.latest_charge as string });
    expect(rest.amount).toBe(3500);
    charge = await t.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    expect(await availableUsd(t.stripe)).toBe(0);

    await expect(t.stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({
      statusCode: 400,
      code: 'charge_already_refunded',
    });

    expect((await t.stripe.refunds.retrieve(rest.id)).amount).toBe(3500);
    const txns = await t.stripe.balanceTransactions.list({ type: 'refund' });
    expect(txns.data.map((x) => x.amount)).toEqual([-3500, -1500]);
    const refundedEvents = await t.stripe.events.list({ type: 'charge.refunded' });
    expect(refundedEvents.data).toHaveLength(2);
    expect(refundedEvents.data[0]?.data.object).toMatchObject({ refunded: true, amount_refunded: 5000 });
  });

  it('refuses a refund the platform balance cannot cover', async () => {
    const acct = await t.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
    const pi = await pay(t, 2000);
    // Move the funds out of the platform balance first.
    await onboard(t, acct.id, 'complete');
    await t.stripe.transfers.create({ amount: 2000, currency: 'usd', destination: acct.id });
    await expect(t.stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({ code: 'balance_insufficient' });
  });
});
