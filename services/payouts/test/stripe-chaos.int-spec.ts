import {
  challengeInput,
  completePayoutOnboarding,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  payoutOnboardingLink,
  runContract,
  setWebhookPolicy,
  signUpUser,
  startStack,
  submitHostedOnboarding,
  type Stack,
  type FaultMode,
  type TestUser,
} from '@ideagora/testing';
import fc from 'fast-check';
import { Client } from 'pg';

/**
 * Stripe promises delivery at least once, in any order, and may give up. Against the real stack (gateway, four
 * subgraphs, Postgres, the Stripe emulator): webhooks delayed at random (so they overtake each other), duplicated,
 * or never sent; the payouts process killed mid-way; transfers failing. Every payout must end PAID, by exactly one
 * transfer at Stripe, with the books balanced.
 */
describe('payouts under reordered, duplicated and lost Stripe events, crashes and transfer faults', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack({
      env: { PAYOUT_RETRY_BASE_MS: '200', PAYOUT_POLL_MS: '300', PAYOUT_CLAIM_LEASE_SECONDS: '2', HELD_PAYOUT_RECHECK_MS: '1000' },
    });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    sponsor = await signUpUser(stack.client, { displayName: 'Sponsor' });
    organizationId = await createOrganization(stack.client, sponsor.token);
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });
  afterEach(async () => {
    await setWebhookPolicy(stack, {});
    await fetch(`${stack.stripeEmulatorUrl}/_emulator/faults`, { method: 'DELETE' });
  });

  const sql = async <T = Record<string, any>>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
  const onboardingLink = (user: TestUser) => payoutOnboardingLink(stack, user.token);
  const submitOnboarding = async (url: string, outcome: 'complete' | 'incomplete') => expect((await submitHostedOnboarding(url, outcome)).status).toBe(303);

  /** A published challenge with one prize per solver and one submission by each, closed for judging. */
  async function judgingChallenge(prizes: bigint[], solvers: TestUser[]): Promise<{ challengeId: string; submissions: string[] }> {
    const { id: challengeId } = await createChallenge(
      stack.client,
      sponsor.token,
      challengeInput(organizationId, { prizes: prizes.map((amount, i) => ({ rank: i + 1, label: `Prize ${i + 1}`, amountMinor: String(amount) })) }),
    );
    await fundAndPublish(stack, sponsor.token, challengeId);
    const submissions: string[] = [];
    for (const solver of solvers) {
      submissions.push(
        await eventually(async () => {
          const response = await runContract(stack.client, 'SubmitSolution', { input: { challengeId, title: `By ${solver.displayName}`, body: 'A ceramic filter.' } }, solver.token);
          expect(errorCodes(response)).toEqual([]);
          return response.data!.submitSolution.submission.id as string;
        }),
      );
    }
    expect((await runContract(stack.client, 'CloseSubmissions', { challengeId }, sponsor.token)).errors).toBeUndefined();
    return { challengeId, submissions };
  }

  const award = (challengeId: string, prizeRank: number, submissionId: string) =>
    eventually(async () => {
      const response = await runContract(stack.client, 'AwardPrize', { input: { challengeId, prizeRank, submissionId } }, sponsor.token);
      expect(errorCodes(response)).toEqual([]);
      return response.data!.awardPrize.award as { payouts: { status: string }[] };
    });

  /** Every payout PAID by one transfer of its amount to the winner's account, the books balanced, nothing owed. */
  async function expectPaidExactlyOnce(challengeId: string, prizes: bigint[], winners: TestUser[], timeoutMs: number): Promise<void> {
    await eventually(
      async () => {
        const payouts = await sql(`select status from payouts.payout where challenge_id = $1`, [challengeId]);
        expect(payouts.map((p) => p.status)).toEqual(prizes.map(() => 'PAID'));
      },
      { timeoutMs, intervalMs: 200 },
    );
    const payouts = await sql<{ id: string; winner_id: string; amount_minor: string; transfer_id: string; stripe_account_id: string }>(
      `select p.id, p.winner_id, p.amount_minor::text, p.transfer_id, a.stripe_account_id
         from payouts.payout p join payouts.payout_account a on a.user_id = p.winner_id where p.challenge_id = $1`,
      [challengeId],
    );
    const transfers = (await stack.stripe.transfers.list({ transfer_group: challengeId, limit: 100 })).data;
    expect(transfers).toHaveLength(prizes.length);
    for (const payout of payouts) {
      const paying = transfers.filter((t) => t.metadata?.['payoutId'] === payout.id);
      expect(paying.map((t) => [t.id, t.amount, t.destination])).toEqual([[payout.transfer_id, Number(payout.amount_minor), payout.stripe_account_id]]);
    }
    const [unbalanced] = await sql(`select count(*)::int as n from (select currency from payouts.ledger_posting group by currency having sum(amount_minor) <> 0) x`);
    expect(unbalanced!.n).toBe(0);
    const owed = await sql(`select account, sum(amount_minor)::text as balance from payouts.ledger_posting where account = any($1) group by account`, [
      [...winners.map((w) => `payable:${w.id}`), `escrow:${challengeId}`],
    ]);
    for (const row of owed) expect(row).toEqual({ account: row.account, balance: '0' });
    const paidPostings = await sql(`select count(*)::int as n from payouts.ledger_transaction where challenge_id = $1 and kind = 'transfer_paid'`, [challengeId]);
    expect(paidPostings[0]!.n).toBe(prizes.length);
  }

  it('releases a HELD payout whose account.updated never arrived, once Stripe shows the account can receive transfers', async () => {
    const solver = await signUpUser(stack.client, { displayName: 'Solver' });
    const { challengeId, submissions } = await judgingChallenge([120_000n], [solver]);
    const link = await onboardingLink(solver);
    expect((await award(challengeId, 1, submissions[0]!)).payouts[0]!.status).toBe('HELD');
    // Stripe gives up on the Connect endpoint: no account.updated ever reaches payouts.
    await setWebhookPolicy(stack, { drop: 'connect' });
    await submitOnboarding(link, 'complete');
    await expectPaidExactlyOnce(challengeId, [120_000n], [solver], 15_000);
    const viewer = await runContract(stack.client, 'Viewer', {}, solver.token);
    expect(viewer.data!.viewer.payoutAccount.status).toBe('ACTIVE');
  });

  type Onboarding = 'before' | 'after' | 'incomplete-then-complete';
  interface Campaign {
    prizes: bigint[];
    onboarding: Onboarding[];
    crashAfterAward: number;
    faults: FaultMode[];
    delivery: { maxDelayMs: number; duplicateRate: number; seed: number };
  }
  const campaignArb: fc.Arbitrary<Campaign> = fc.integer({ min: 2, max: 4 }).chain((n) =>
    fc.record({
      prizes: fc.array(fc.bigInt({ min: 100n, max: 500_000n }), { minLength: n, maxLength: n }),
      onboarding: fc.array(fc.constantFrom<Onboarding>('before', 'after', 'incomplete-then-complete'), { minLength: n, maxLength: n }),
      crashAfterAward: fc.integer({ min: 0, max: n - 1 }),
      // Half of them leave a transfer made at Stripe whose answer we never get (error_after, timeout_after).
      faults: fc.array(fc.constantFrom<FaultMode>('error_after', 'timeout_after', 'error_before', 'timeout_before', 'rate_limit', 'refuse'), { minLength: 2, maxLength: 4 }),
      delivery: fc.record({ maxDelayMs: fc.integer({ min: 50, max: 1500 }), duplicateRate: fc.double({ min: 0.2, max: 0.6, noNaN: true }), seed: fc.integer() }),
    }),
  );

  it('pays every payout exactly once whatever the order and number of deliveries, crashes and transfer faults', async () => {
    const started = Date.now();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(campaignArb, async (c) => {
        runs += 1;
        await setWebhookPolicy(stack, c.delivery);
        const solvers = await Promise.all(c.prizes.map((_, i) => signUpUser(stack.client, { displayName: `Winner ${i}` })));
        const { challengeId, submissions } = await judgingChallenge(c.prizes, solvers);
        const links: string[][] = [];
        for (const [i, plan] of c.onboarding.entries()) {
          if (plan === 'before') await completePayoutOnboarding(stack, solvers[i]!.token);
          links[i] = plan === 'incomplete-then-complete' ? [await onboardingLink(solvers[i]!), await onboardingLink(solvers[i]!)] : [];
        }
        for (const mode of c.faults) {
          await fetch(`${stack.stripeEmulatorUrl}/_emulator/faults`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ method: 'POST', path: '/v1/transfers', mode, count: 1, timeoutMs: 300 }),
          });
        }
        for (const [i, submissionId] of submissions.entries()) {
          await award(challengeId, i + 1, submissionId);
          // Killed while transfers for the awards so far may be in flight (claimed, sent, not recorded).
          if (i === c.crashAfterAward) await stack.crashAndRestart('payouts');
        }
        for (const [i, plan] of c.onboarding.entries()) {
          if (plan === 'after') await completePayoutOnboarding(stack, solvers[i]!.token);
          if (plan === 'incomplete-then-complete') {
            await submitOnboarding(links[i]![0]!, 'incomplete');
            await submitOnboarding(links[i]![1]!, 'complete');
          }
        }
        await expectPaidExactlyOnce(challengeId, c.prizes, solvers, 40_000);
        await setWebhookPolicy(stack, {});
        await fetch(`${stack.stripeEmulatorUrl}/_emulator/faults`, { method: 'DELETE' });
      }),
      { numRuns: 4, endOnFailure: true },
    );
    const deliveries = (await (await fetch(`${stack.stripeEmulatorUrl}/_emulator/webhook-deliveries`)).json()) as { deliveries: { duplicate?: boolean }[] };
    console.info(
      `stripe chaos: ${runs} run(s) in ${Math.round((Date.now() - started) / 1000)} s, ${deliveries.deliveries.length} deliveries (${deliveries.deliveries.filter((d) => d.duplicate).length} duplicates)`,
    );
  }, 180_000);
});
