import Stripe from 'stripe';
import { activeAccount, pay, startTestEmulator, type TestEmulator } from './emulator.testing';

type Raw = { lastResponse: { headers: Record<string, string>; statusCode: number } };

describe('idempotency keys', () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator();
  });
  afterEach(() => t.emulator.close());

  it('replays the saved response for the same key and parameters', async () => {
    const acct = await activeAccount(t);
    await pay(t, 5000);
    const params = { amount: 1200, currency: 'usd', destination: acct.id, metadata: { prize: 'p1' } };
    const first = await t.stripe.transfers.create(params, { idempotencyKey: 'award-p1' });
    const second = await t.stripe.transfers.create(params, { idempotencyKey: 'award-p1' });
    expect(second.id).toBe(first.id);
    expect((first as unknown as Raw).lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect((second as unknown as Raw).lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await t.stripe.transfers.list()).data).toHaveLength(1);
    const log = await t.control('/_emulator/requests?method=POST&path=/v1/transfers');
    expect(log.body.requests.map((r: { replayed: boolean }) => r.replayed)).toEqual([false, true]);
  });

  it('replays errors too, with the same status (a decline stays a decline)', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] });
    const opts = { idempotencyKey: 'confirm-1' };
    const e1 = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }, opts).catch((e: unknown) => e);
    const e2 = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }, opts).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(e2).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect((e2 as Stripe.errors.StripeError).headers?.['idempotent-replayed']).toBe('true');
    expect((await t.stripe.charges.list({ payment_intent: pi.id })).data).toHaveLength(1);
  });

  it('rejects the same key with different parameters as an idempotency error', async () => {
    await t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'k1' });
    const err = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'usd' }, { idempotencyKey: 'k1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
  });

  it('scopes keys per account (Stripe-Account header)', async () => {
    const acct = await activeAccount(t);
    const a = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'shared' });
    const b = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: 'shared', stripeAccount: acct.id });
    expect(b.id).not.toBe(a.id);
  });

  it('answers 409 to a concurrent request while the first with the same key is in flight', async () => {
    const acct = await activeAccount(t);
    await pay(t, 5000);
    // Hold the first request (without answering) so the duplicate arrives while it is in flight.
    await t.control('/_emulator/faults', { body: { method: 'POST', path: '/v1/transfers', mode: 'timeout_before', timeoutMs: 800 } });
    const params = { amount: 1000, currency: 'usd', destination: acct.id };
    const first = t.stripe.transfers.create(params, { idempotencyKey: 'dup', timeout: 5000 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 150));
    const err = await t.stripe.transfers.create(params, { idempotencyKey: 'dup' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeError);
    expect(err).toMatchObject({ statusCode: 409, code: 'idempotency_key_in_use' });
    // The held request's connection is dropped; stripe-node retries a closed connection once
    // with the same key, and that retry now executes.
    const outcome = await first;
    expect(outcome).toMatchObject({ object: 'transfer', amount: 1000 });
    expect((await t.stripe.transfers.list()).data).toHaveLength(1);
  });

  it('does not save 500s: a retry after error_before executes', async () => {
    await t.control('/_emulator/faults', { body: { method: 'POST', path: '/v1/payment_intents', mode: 'error_before' } });
    const opts = { idempotencyKey: 'k500' };
    await expect(t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, opts)).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    const pi = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, opts);
    expect((pi as unknown as Raw).lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect((await t.stripe.paymentIntents.list()).data).toHaveLength(1);
  });

  it('does not save parameter validation errors', async () => {
    const opts = { idempotencyKey: 'kv' };
    await expect(t.stripe.paymentIntents.create({ amount: 1, currency: 'usd' }, opts)).rejects.toMatchObject({ statusCode: 400 });
    // Stripe: no endpoint began executing, so the key is still free for a corrected request.
    await expect(t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, opts)).resolves.toMatchObject({ amount: 1000 });
  });

  it('replays via raw HTTP with the Idempotent-Replayed header', async () => {
    const post = () =>
      fetch(`${t.emulator.url}/v1/payment_intents`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer sk_test_raw',
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': 'raw-1',
        },
        body: 'amount=1500&currency=usd&metadata[a]=b',
      });
    const r1 = await post();
    const r2 = await post();
    expect(r1.status).toBe(200);
    expect(r2.status).toBe(200);
    expect(r1.headers.get('idempotent-replayed')).toBeNull();
    expect(r2.headers.get('idempotent-replayed')).toBe('true');
    const id = async (r: Response) => ((await r.json()) as { id: string }).id;
    expect(await id(r2)).toBe(await id(r1));
  });
});
