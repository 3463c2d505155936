import Stripe from 'stripe';
import { availableUsd, pay, startTestEmulator, type TestEmulator } from './emulator.testing';

describe('payment intents', () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator();
  });
  afterEach(() => t.emulator.close());

  it('creates a PaymentIntent awaiting a payment method, then confirms it with pm_card_visa', async () => {
    const pi = await t.stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      transfer_group: 'challenge_1',
      metadata: { challengeId: 'c1' },
      allowed_payment_method_types: ['card'],
    });
    expect(pi.id).toMatch(/^pi_/);
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    expect(pi.metadata).toEqual({ challengeId: 'c1' });

    const confirmed = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    expect(confirmed.status).toBe('succeeded');
    expect(confirmed.amount_received).toBe(2500);
    expect(confirmed.payment_method).toMatch(/^pm_/);
    expect(confirmed.latest_charge).toMatch(/^ch_/);

    const charge = await t.stripe.charges.retrieve(confirmed.latest_charge as string, { expand: ['balance_transaction'] });
    expect(charge).toMatchObject({ status: 'succeeded', amount: 2500, transfer_group: 'challenge_1', paid: true });
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({ object: 'balance_transaction', type: 'charge', amount: 2500, net: 2500 });
    expect(txn.id).toMatch(/^txn_/);
    expect(await availableUsd(t.stripe)).toBe(2500);

    const types = (await t.stripe.events.list()).data.map((e) => e.type);
    expect(types).toEqual(['payment_intent.succeeded', 'charge.succeeded', 'payment_intent.created']);
  });

  it('declines pm_card_chargeDeclined with a StripeCardError and returns the intent to requires_payment_method', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] });
    const err = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    const after = await t.stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline' });
    expect(await availableUsd(t.stripe)).toBe(0);
    const failed = await t.stripe.events.list({ type: 'payment_intent.payment_failed' });
    expect(failed.data).toHaveLength(1);

    // A second attempt with a good card succeeds.
    const ok = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_mastercard' });
    expect(ok.status).toBe('succeeded');
  });

  it('requires return_url for server-side confirmation when redirects are allowed, as Stripe does', async () => {
    await expect(
      t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true }),
    ).rejects.toMatchObject({ statusCode: 400 });
    const pi = await pay(t, 1000);
    expect(pi.status).toBe('succeeded');
  });

  it('validates amounts as integers above the currency minimum', async () => {
    await expect(t.stripe.paymentIntents.create({ amount: 10.5, currency: 'usd' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_invalid_integer',
      param: 'amount',
    });
    await expect(t.stripe.paymentIntents.create({ amount: 10, currency: 'usd' })).rejects.toMatchObject({ code: 'amount_too_small' });
  });

  it('cancels a PaymentIntent and refuses to cancel a succeeded one', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const canceled = await t.stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    const paid = await pay(t, 1000);
    await expect(t.stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  it('pays through the hosted payment page and redirects to return_url', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 4200, currency: 'usd' });
    const pageUrl = `${t.emulator.url}/hosted/pay/${pi.id}?client_secret=${encodeURIComponent(pi.client_secret as string)}&return_url=${encodeURIComponent('https://app.example/done')}`;
    expect((await fetch(`${t.emulator.url}/hosted/pay/${pi.id}?client_secret=wrong`)).status).toBe(404);
    const html = await (await fetch(pageUrl)).text();
    expect(html).toContain('42.00 USD');
    expect(html).toContain('<label for="payment_method-pm_card_visa">');

    // Opened by a POST (the web client's way): the secret travels in the body, the page is the same, never cached.
    const opened = await fetch(`${t.emulator.url}/hosted/pay/${pi.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ open: '1', client_secret: pi.client_secret as string, return_url: 'https://app.example/done' }).toString(),
    });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    const openedHtml = await opened.text();
    expect(openedHtml).toContain('42.00 USD');
    expect(openedHtml).toContain('<input type="hidden" name="return_url" value="https://app.example/done">');
    const wrongSecret = await fetch(`${t.emulator.url}/hosted/pay/${pi.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ open: '1', client_secret: 'wrong' }).toString(),
    });
    expect(wrongSecret.status).toBe(404);

    const declined = await fetch(`${t.emulator.url}/hosted/pay/${pi.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_secret: pi.client_secret as string, payment_method: 'pm_card_chargeDeclined' }).toString(),
    });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('Your card was declined.');

    const res = await fetch(`${t.emulator.url}/hosted/pay/${pi.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_secret: pi.client_secret as string,
        payment_method: 'pm_card_visa',
        return_url: 'https://app.example/done',
      }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') as string);
    expect(location.origin + location.pathname).toBe('https://app.example/done');
    expect(location.searchParams.get('payment_intent')).toBe(pi.id);
    expect(location.searchParams.get('redirect_status')).toBe('succeeded');
    expect((await t.stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
  });
});
