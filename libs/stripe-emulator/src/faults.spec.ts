import Stripe from 'stripe';
import { activeAccount, availableUsd, pay, startTestEmulator, type TestEmulator } from './emulator.testing';

describe('fault injection', () => {
  let t: TestEmulator;
  let destination: string;
  beforeEach(async () => {
    t = await startTestEmulator();
    destination = (await activeAccount(t)).id;
    await pay(t, 10_000);
  });
  afterEach(() => t.emulator.close());

  const arm = (body: Record<string, unknown>) => t.control('/_emulator/faults', { body: { method: 'POST', path: '/v1/transfers', ...body } });
  const transferCount = async () => (await t.stripe.transfers.list()).data.length;

  it('error_before answers 500 api_error without applying the request', async () => {
    await arm({ mode: 'error_before' });
    const err = await t.stripe.transfers.create({ amount: 1000, currency: 'usd', destination }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(err).toMatchObject({ statusCode: 500, rawType: 'api_error' });
    expect(await transferCount()).toBe(0);
    expect(await availableUsd(t.stripe)).toBe(10_000);
    // The fault was used up: the next request goes through.
    await t.stripe.transfers.create({ amount: 1000, currency: 'usd', destination });
    expect(await transferCount()).toBe(1);
  });

  it('error_after applies the request and then answers 500; a keyed retry replays the real result', async () => {
    await arm({ mode: 'error_after' });
    const opts = { idempotencyKey: 'ea-1' };
    const err = await t.stripe.transfers.create({ amount: 1000, currency: 'usd', destination }, opts).catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 500 });
    expect(await transferCount()).toBe(1);
    expect(await availableUsd(t.stripe)).toBe(9_000);
    expect((await t.stripe.events.list({ type: 'transfer.created' })).data).toHaveLength(1);
    const retried = await t.stripe.transfers.create({ amount: 1000, currency: 'usd', destination }, opts);
    expect(retried.amount).toBe(1000);
    expect(await transferCount()).toBe(1);
  });

  it('refuse answers a definitive 400 without applying the request; the same key replays it, a new key goes through', async () => {
    await arm({ mode: 'refuse' });
    const refused = await t.stripe.transfers.create({ amount: 1000, currency: 'usd', destination }, { idempotencyKey: 'rf-1' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(refused).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    expect(await transferCount()).toBe(0);
    // As on Stripe: the refusal is the saved result of that key.
    const replayed = await t.stripe.transfers.create({ amount: 1000, currency: 'usd', destination }, { idempotencyKey: 'rf-1' }).catch((e: unknown) => e);
    expect(replayed).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    expect(await transferCount()).toBe(0);
    await t.stripe.transfers.create({ amount: 1000, currency: 'usd', destination }, { idempotencyKey: 'rf-2' });
    expect(await transferCount()).toBe(1);
  });

  it('timeout_before holds the request past the client timeout and does not apply it', async () => {
    await arm({ mode: 'timeout_before', timeoutMs: 2000 });
    const err = await t.stripeWithTimeout(300).transfers.create({ amount: 1000, currency: 'usd', destination }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(await transferCount()).toBe(0);
    const log = await t.control('/_emulator/requests?method=POST&path=/v1/transfers');
    expect(log.body.requests).toEqual([expect.objectContaining({ fault: 'timeout_before', status: null })]);
  });

  it('timeout_after applies the request but the client times out', async () => {
    await arm({ mode: 'timeout_after', timeoutMs: 2000 });
    const opts = { idempotencyKey: 'ta-1' };
    const err = await t.stripeWithTimeout(300).transfers.create({ amount: 1000, currency: 'usd', destination }, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(await transferCount()).toBe(1);
    // Retrying with the same key is safe: it replays instead of transferring twice.
    const retried = await t.stripe.transfers.create({ amount: 1000, currency: 'usd', destination }, opts);
    expect((retried as unknown as { lastResponse: { headers: Record<string, string> } }).lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(await transferCount()).toBe(1);
  });

  it('rate_limit answers 429 and counts down', async () => {
    await arm({ mode: 'rate_limit', count: 2 });
    for (let i = 0; i < 2; i++) {
      const err = await t.stripe.transfers.create({ amount: 100, currency: 'usd', destination }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
      expect(err).toMatchObject({ statusCode: 429, code: 'rate_limit' });
    }
    await t.stripe.transfers.create({ amount: 100, currency: 'usd', destination });
    expect(await transferCount()).toBe(1);
  });

  it('matches by regex and method, and can be cleared', async () => {
    await t.control('/_emulator/faults', { body: { method: 'GET', path: '^/v1/transfers/tr_', mode: 'error_before', count: 5 } });
    const tr = await t.stripe.transfers.create({ amount: 100, currency: 'usd', destination }); // POST: not matched
    await expect(t.stripe.transfers.retrieve(tr.id)).rejects.toMatchObject({ statusCode: 500 });
    await t.stripe.transfers.list(); // path does not match
    const cleared = await t.control('/_emulator/faults', { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    await expect(t.stripe.transfers.retrieve(tr.id)).resolves.toMatchObject({ id: tr.id });
    const bad = await t.control('/_emulator/faults', { body: { path: '/v1', mode: 'explode' } });
    expect(bad.status).toBe(400);
  });

  it('logs API requests so tests can count calls, and resets', async () => {
    await t.stripe.transfers.create({ amount: 100, currency: 'usd', destination }, { idempotencyKey: 'log-1' });
    const log = await t.control('/_emulator/requests?method=POST&path=/v1/transfers');
    expect(log.body.requests).toEqual([
      expect.objectContaining({ method: 'POST', path: '/v1/transfers', idempotencyKey: 'log-1', status: 200 }),
    ]);
    await t.control('/_emulator/reset', { body: {} });
    expect(await transferCount()).toBe(0);
    expect(await availableUsd(t.stripe)).toBe(0);
  });
});
