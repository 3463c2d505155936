import {
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  postStripeWebhook,
  releaseHeldWebhooks,
  runContract,
  setWebhookPolicy,
  signUpUser,
  startStack,
  submitHostedOnboarding,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { Client } from 'pg';

describe('payout onboarding through Stripe Connect (emulator)', () => {
  let stack: Stack;
  let db: Client;

  beforeAll(async () => {
    // The HELD re-check stays at its default (minutes): these tests show what the webhooks alone do.
    stack = await startStack({ env: { PAYOUT_RETRY_BASE_MS: '200', PAYOUT_POLL_MS: '300' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const urls = { returnUrl: 'https://app.ideagora.test/payouts/return', refreshUrl: 'https://app.ideagora.test/payouts/refresh' };
  const start = (token?: string, input: Record<string, string> = urls) => runContract(stack.client, 'StartPayoutOnboarding', { input }, token);
  const viewerAccount = async (user: TestUser) =>
    (await stack.client.request(`{ viewer { id payoutAccount { status requirementsDue } } }`, {}, { token: user.token })).data!.viewer.payoutAccount;
  const submitOnboarding = submitHostedOnboarding;
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

  it('applies the account as Stripe shows it, not a stale event’s snapshot', async () => {
    const solver = await signUpUser(stack.client);
    const link = (await start(solver.token)).data!.startPayoutOnboarding.onboardingUrl;
    await submitOnboarding(link, 'complete');
    await eventually(async () => expect((await viewerAccount(solver)).status).toBe('ACTIVE'));
    const [account] = await accountsOf(solver.id);
    // An old state (restricted), validly signed, delivered late with a newer `created`: Stripe says active.
    const stale = {
      id: `evt_stale_${solver.id.slice(0, 8)}`,
      object: 'event',
      type: 'account.updated',
      created: Math.floor(Date.now() / 1000) + 5,
      account: account!.id,
      data: { object: { ...account, capabilities: { transfers: 'inactive' }, requirements: { ...account!.requirements, currently_due: ['external_account'] } } },
    };
    expect((await postStripeWebhook(stack, stale, { secret: 'connect' })).status).toBe(200);
    await eventually(async () => {
      const { rows } = await db.query(`select outcome from payouts.stripe_event where id = $1`, [stale.id]);
      expect(rows).toEqual([{ outcome: 'applied' }]);
    });
    expect(await viewerAccount(solver)).toEqual({ status: 'ACTIVE', requirementsDue: [] });
  });

  it('ends ACTIVE and pays the HELD payout with one transfer when two account.updated of the same second arrive newest first', async () => {
    const sponsor = await signUpUser(stack.client);
    const organizationId = await createOrganization(stack.client, sponsor.token);
    const { id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { prizes: [{ rank: 1, label: 'Only', amountMinor: '250000' }] }));
    await fundAndPublish(stack, sponsor.token, challengeId);
    const solver = await signUpUser(stack.client);
    const submissionId = await eventually(async () => {
      const response = await runContract(stack.client, 'SubmitSolution', { input: { challengeId, title: 'Sand filter', body: 'Slow sand with a biofilm.' } }, solver.token);
      expect(errorCodes(response)).toEqual([]);
      return response.data!.submitSolution.submission.id as string;
    });
    // Two onboarding links: the solver will leave the first incomplete, then at once complete the second.
    const incomplete = (await start(solver.token)).data!.startPayoutOnboarding.onboardingUrl;
    const complete = (await start(solver.token)).data!.startPayoutOnboarding.onboardingUrl;
    expect((await runContract(stack.client, 'CloseSubmissions', { challengeId }, sponsor.token)).errors).toBeUndefined();
    const awarded = await eventually(async () => {
      const response = await runContract(stack.client, 'AwardPrize', { input: { challengeId, prizeRank: 1, submissionId } }, sponsor.token);
      expect(errorCodes(response)).toEqual([]);
      return response.data!.awardPrize.award;
    });
    expect(awarded.payouts[0].status).toBe('HELD');

    await setWebhookPolicy(stack, { hold: true });
    try {
      // Early in a second, so both account.updated events get the same `created` (Stripe's resolution).
      while (Date.now() % 1000 > 300) await new Promise((r) => setTimeout(r, 20));
      expect((await submitOnboarding(incomplete, 'incomplete')).status).toBe(303);
      expect((await submitOnboarding(complete, 'complete')).status).toBe(303);
    } finally {
      await setWebhookPolicy(stack, {});
    }
    const [account] = await accountsOf(solver.id);
    const updates = (await stack.stripe.events.list({ type: 'account.updated', limit: 100 }, { stripeAccount: account!.id })).data;
    expect(updates).toHaveLength(2);
    expect(updates[0]!.created).toBe(updates[1]!.created);
    expect(await releaseHeldWebhooks(stack, 'newest-first')).toBeGreaterThanOrEqual(2);

    await eventually(
      async () => {
        const { rows } = await db.query(`select count(*)::int as n from payouts.stripe_event where id = any($1) and outcome = 'applied'`, [updates.map((e) => e.id)]);
        expect(rows[0].n).toBe(2); // the stale one was applied too, after the newer one
        expect((await viewerAccount(solver)).status).toBe('ACTIVE');
        const { rows: payouts } = await db.query(`select status from payouts.payout where challenge_id = $1`, [challengeId]);
        expect(payouts).toEqual([{ status: 'PAID' }]);
      },
      { timeoutMs: 20_000 },
    );
    const transfers = (await stack.stripe.transfers.list({ transfer_group: challengeId, limit: 100 })).data;
    expect(transfers.map((t) => [t.amount, t.destination])).toEqual([[250000, account!.id]]);
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
