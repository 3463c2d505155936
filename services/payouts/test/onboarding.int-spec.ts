import { errorCodes, eventually, runContract, signUpUser, startStack, type Stack, type TestUser } from '@ideagora/testing';

describe('payout onboarding through Stripe Connect (emulator)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const urls = { returnUrl: 'https://app.ideagora.test/payouts/return', refreshUrl: 'https://app.ideagora.test/payouts/refresh' };
  const start = (token?: string, input: Record<string, string> = urls) => runContract(stack.client, 'StartPayoutOnboarding', { input }, token);
  const viewerAccount = async (user: TestUser) =>
    (await stack.client.request(`{ viewer { id payoutAccount { status requirementsDue } } }`, {}, { token: user.token })).data!.viewer.payoutAccount;
  const submitOnboarding = (url: string, outcome: 'complete' | 'incomplete') =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `outcome=${outcome}`, redirect: 'manual' });
  async function accountRequests(): Promise<{ method: string; path: string; idempotencyKey: string | null; status: number | null }[]> {
    const response = await fetch(`${stack.stripeEmulatorUrl}/_emulator/requests?method=POST&path=/v1/accounts`);
    const body = (await response.json()) as { requests?: unknown[] } | unknown[];
    return (Array.isArray(body) ? body : (body.requests ?? [])) as { method: string; path: string; idempotencyKey: string | null; status: number | null }[];
  }
  async function accountsOf(userId: string) {
    const all = await stack.stripe.accounts.list({ limit: 100 });
    return all.data.filter((a) => a.metadata?.userId === userId);
  }

  it('creates one Express account per user, however often it is asked, and activates it once onboarding is complete', async () => {
    const solver = await signUpUser(stack.client);
    expect(await viewerAccount(solver)).toEqual({ status: 'NOT_STARTED', requirementsDue: [] });

    const first = await start(solver.token);
    expect(errorCodes(first)).toEqual([]);
    expect(first.data!.startPayoutOnboarding.payoutAccount.status).toBe('PENDING');
    const second = await start(solver.token);
    expect(errorCodes(second)).toEqual([]);
    expect(second.data!.startPayoutOnboarding.onboardingUrl).not.toBe(first.data!.startPayoutOnboarding.onboardingUrl);

    const accounts = await accountsOf(solver.id);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ type: 'express', capabilities: { transfers: 'inactive' } });
    const created = (await accountRequests()).filter((r) => r.path === '/v1/accounts' && r.idempotencyKey === `account:${solver.id}`);
    expect(created).toHaveLength(1);

    // Leaving onboarding early: details submitted, requirements still due, not ACTIVE.
    expect((await submitOnboarding(first.data!.startPayoutOnboarding.onboardingUrl, 'incomplete')).status).toBe(303);
    await eventually(async () => {
      const account = await viewerAccount(solver);
      expect(account.status).toBe('PENDING');
      expect(account.requirementsDue).toEqual(expect.arrayContaining(['external_account', 'tos_acceptance.date']));
    });
    // A spent link is refused; a fresh one completes onboarding.
    expect((await submitOnboarding(first.data!.startPayoutOnboarding.onboardingUrl, 'complete')).status).toBe(410);
    const third = (await start(solver.token)).data!.startPayoutOnboarding;
    expect(third.payoutAccount.status).toBe('PENDING');
    expect((await submitOnboarding(third.onboardingUrl, 'complete')).status).toBe(303);
    await eventually(async () => expect(await viewerAccount(solver)).toEqual({ status: 'ACTIVE', requirementsDue: [] }));

    const viewer = await runContract(stack.client, 'Viewer', {}, solver.token);
    expect(viewer.data!.viewer.payoutAccount).toEqual({ status: 'ACTIVE' });
    // Asking again once active: still the same account, a fresh link, still ACTIVE.
    const again = (await start(solver.token)).data!.startPayoutOnboarding;
    expect(again.payoutAccount.status).toBe('ACTIVE');
    expect(await accountsOf(solver.id)).toHaveLength(1);
  });

  it('creates a single account under concurrent calls', async () => {
    const solver = await signUpUser(stack.client);
    const responses = await Promise.all(Array.from({ length: 8 }, () => start(solver.token)));
    for (const response of responses) expect(errorCodes(response)).toEqual([]);
    expect(await accountsOf(solver.id)).toHaveLength(1);
  });

  it('ignores an account.updated older than the one applied', async () => {
    const solver = await signUpUser(stack.client);
    const link = (await start(solver.token)).data!.startPayoutOnboarding.onboardingUrl;
    await submitOnboarding(link, 'complete');
    await eventually(async () => expect((await viewerAccount(solver)).status).toBe('ACTIVE'));
    const [account] = await accountsOf(solver.id);
    // Replay an old state (restricted) with an older `created`: it changes nothing.
    const stale = {
      id: `evt_stale_${solver.id.slice(0, 8)}`,
      object: 'event',
      type: 'account.updated',
      created: Math.floor(Date.now() / 1000) - 3600,
      account: account!.id,
      data: { object: { ...account, capabilities: { transfers: 'inactive' }, requirements: { ...account!.requirements, currently_due: ['external_account'] } } },
    };
    const body = JSON.stringify(stale);
    const header = stack.stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_ideagora_local_emulator_0123456789' });
    const payoutsBase = stack.subgraphUrls.payouts.replace(/\/graphql$/, '');
    const response = await fetch(`${payoutsBase}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body });
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await viewerAccount(solver)).toEqual({ status: 'ACTIVE', requirementsDue: [] });
  });

  it('requires a signed-in user and http(s) URLs', async () => {
    expect(errorCodes(await start(undefined))).toEqual(['UNAUTHENTICATED']);
    const solver = await signUpUser(stack.client);
    const badReturn = await start(solver.token, { ...urls, returnUrl: 'javascript:alert(1)' });
    expect(errorCodes(badReturn)).toEqual(['BAD_USER_INPUT']);
    expect(badReturn.errors![0]!.extensions!.field).toBe('returnUrl');
    const badRefresh = await start(solver.token, { ...urls, refreshUrl: 'not a url' });
    expect(errorCodes(badRefresh)).toEqual(['BAD_USER_INPUT']);
    expect(badRefresh.errors![0]!.extensions!.field).toBe('refreshUrl');
    expect(await accountsOf(solver.id)).toHaveLength(0);
  });
});
