import Stripe from 'stripe';
import { onboard, startTestEmulator, type TestEmulator } from './emulator.testing';

describe('accounts and hosted onboarding', () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator();
  });
  afterEach(() => t.emulator.close());

  it('creates and retrieves an express account that is not yet enabled', async () => {
    const created = await t.stripe.accounts.create({
      type: 'express',
      email: 'solver@example.com',
      capabilities: { transfers: { requested: true } },
      metadata: { userId: 'u1' },
    });
    expect(created.id).toMatch(/^acct_/);
    expect(created).toMatchObject({
      object: 'account',
      country: 'US',
      email: 'solver@example.com',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { transfers: 'inactive' },
      metadata: { userId: 'u1' },
      livemode: false,
    });
    expect(created.requirements?.currently_due).toEqual(expect.arrayContaining(['external_account', 'tos_acceptance.date']));
    expect(created.requirements?.disabled_reason).toBe('requirements.past_due');
    const fetched = await t.stripe.accounts.retrieve(created.id);
    expect(fetched).toEqual(created);
  });

  it('answers 404 resource_missing for an unknown account and 401 without a key', async () => {
    await expect(t.stripe.accounts.retrieve('acct_missing')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
    });
    const res = await fetch(`${t.emulator.url}/v1/accounts/acct_x`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    const bad = new Stripe('sk_live_nope', { host: '127.0.0.1', port: t.emulator.port, protocol: 'http', maxNetworkRetries: 0 });
    await expect(bad.balance.retrieve()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('rejects unknown parameters as Stripe does', async () => {
    await expect(t.stripe.accounts.create({ type: 'express', colour: 'red' } as Stripe.AccountCreateParams)).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'colour',
    });
  });

  it('serves an accessible onboarding page and completes onboarding via POST', async () => {
    const account = await t.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
    const link = await t.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://platform.example/refresh',
      return_url: 'https://platform.example/return',
    });
    expect(link.object).toBe('account_link');
    expect(link.url.startsWith(`${t.emulator.url}/hosted/onboarding/`)).toBe(true);
    expect(link.expires_at).toBeGreaterThan(Math.floor(Date.now() / 1000));

    const html = await (await fetch(link.url)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<input type="radio" id="outcome-complete" name="outcome" value="complete"/);
    expect(html).toContain('<label for="outcome-complete">');
    expect(html).toContain('<label for="outcome-incomplete">');
    expect(html).toContain('<legend>');

    const res = await fetch(link.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'outcome=complete',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://platform.example/return');

    const updated = await t.stripe.accounts.retrieve(account.id);
    expect(updated).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      capabilities: { transfers: 'active' },
    });
    expect(updated.requirements?.currently_due).toEqual([]);
    expect(updated.requirements?.disabled_reason).toBeNull();

    // account.updated is a Connect event: it lives on the connected account.
    const events = await t.stripe.events.list({ type: 'account.updated' }, { stripeAccount: account.id });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]).toMatchObject({ account: account.id, data: { object: { id: account.id, details_submitted: true } } });
    expect(events.data[0]?.data.previous_attributes).toMatchObject({ details_submitted: false });

    // The link is single-use: a second visit says so and points to refresh_url.
    const again = await fetch(link.url);
    expect(again.status).toBe(410);
    const text = await again.text();
    expect(text).toContain('already been used');
    expect(text).toContain('href="https://platform.example/refresh"');
  });

  it('leaves requirements due when onboarding is left incomplete', async () => {
    const account = await t.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
    const res = await onboard(t, account.id, 'incomplete');
    expect(res.status).toBe(303);
    const updated = await t.stripe.accounts.retrieve(account.id);
    expect(updated.details_submitted).toBe(true);
    expect(updated.charges_enabled).toBe(false);
    expect(updated.payouts_enabled).toBe(false);
    expect(updated.capabilities?.transfers).not.toBe('active');
    expect(updated.requirements?.currently_due?.length).toBeGreaterThan(0);
    const events = await t.stripe.events.list({ type: 'account.updated' }, { stripeAccount: account.id });
    expect(events.data).toHaveLength(1);
  });
});
