import {
  challengeInput,
  completePayoutOnboarding,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  publishTestEvent,
  runContract,
  setWebhookPolicy,
  signUpUser,
  startStack,
  type FaultMode,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * Property test of team awards against the real stack (gateway, subgraphs, Postgres, the Stripe emulator): random
 * splits (basis points, equal splits, members with 0) of random prizes in 0-, 2- and 3-decimal currencies, members
 * onboarding before or after the award, transfers failing (some after Stripe made them: the answer lost), the payouts
 * process killed right after the award (transfers claimed and sent, their result not committed), and webhooks
 * delayed at random (overtaking each other) and duplicated. The parts always sum to the prize, none is negative; every
 * member with a part has one payout, HELD until they onboard, then PAID exactly once by exactly one transfer.
 */
describe('team awards under random splits, prizes, faults, crashes and webhook chaos (property)', () => {
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
  }, 180_000); // the stack starts slowly on a loaded machine
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });
  afterEach(async () => {
    await setWebhookPolicy(stack, {});
    await fetch(`${stack.stripeEmulatorUrl}/_emulator/faults`, { method: 'DELETE' });
  });

  const sql = async <T = Record<string, any>>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];

  interface Campaign {
    currency: 'USD' | 'JPY' | 'KWD';
    prize: bigint;
    /** Basis points per member (sum 10,000), in the split's stated order; `equal`: divided 1:1:… instead. */
    basisPoints: number[];
    equal: boolean;
    onboardedBefore: boolean[];
    crash: boolean;
    faults: FaultMode[];
    delivery: { maxDelayMs: number; duplicateRate: number; seed: number };
  }

  /** n cut points in [0, 10000]: n + 1 shares summing to 10,000 (zeros included). */
  const basisPointsArb = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
      return points.slice(1).map((p, i) => p - points[i]!);
    });
  const campaignArb: fc.Arbitrary<Campaign> = fc.integer({ min: 2, max: 4 }).chain((n) =>
    fc.record({
      currency: fc.constantFrom<'USD' | 'JPY' | 'KWD'>('USD', 'JPY', 'KWD'),
      prize: fc.bigInt({ min: 100n, max: 5_000_000n }),
      basisPoints: basisPointsArb(n),
      equal: fc.boolean(),
      onboardedBefore: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      crash: fc.boolean(),
      // Half of them leave a transfer made at Stripe whose answer we never get.
      faults: fc.array(fc.constantFrom<FaultMode>('error_after', 'timeout_after', 'error_before', 'timeout_before', 'rate_limit'), { minLength: 1, maxLength: 3 }),
      delivery: fc.record({ maxDelayMs: fc.integer({ min: 50, max: 1200 }), duplicateRate: fc.double({ min: 0.2, max: 0.6, noNaN: true }), seed: fc.integer() }),
    }),
  );

  /** A funded, judging challenge with one prize, and a team's submission with this split agreed (as submissions emits). */
  async function teamChallenge(c: Campaign, members: TestUser[]): Promise<{ challengeId: string; submissionId: string }> {
    const input = challengeInput(organizationId, { currency: c.currency, prizes: [{ rank: 1, label: 'Only', amountMinor: String(c.prize) }] });
    const { id: challengeId } = await createChallenge(stack.client, sponsor.token, input);
    await fundAndPublish(stack, sponsor.token, challengeId);
    await eventually(async () => expect(errorCodes(await runContract(stack.client, 'CloseSubmissions', { challengeId }, sponsor.token))).toEqual([]));
    const submissionId = randomUUID();
    const teamId = randomUUID();
    await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: submissionId, challengeId, authorId: members[0]!.id, version: 1, teamId });
    await publishTestEvent(stack.databaseUrl, 'TeamSplitAgreed', {
      teamId,
      challengeId,
      splitVersion: 1,
      shares: members.map((m, i) => ({ userId: m.id, basisPoints: c.basisPoints[i]!, weight: c.equal ? 1 : c.basisPoints[i]! })),
    });
    return { challengeId, submissionId };
  }

  let runs = 0;
  it('parts sum to the prize, none negative; every member with a part is paid exactly once, HELD until onboarded', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(campaignArb, async (c) => {
        runs += 1;
        const members = await Promise.all(c.basisPoints.map((_, i) => signUpUser(stack.client, { displayName: `Member ${i}` })));
        for (const [i, before] of c.onboardedBefore.entries()) if (before) await completePayoutOnboarding(stack, members[i]!.token);
        // Wait for the accounts to be ACTIVE, so that the model below (HELD iff not onboarded) is exact.
        await eventually(async () => {
          const active = await sql(`select user_id from payouts.payout_account where status = 'ACTIVE' and user_id = any($1)`, [members.map((m) => m.id)]);
          expect(active.length).toBe(c.onboardedBefore.filter(Boolean).length);
        });
        const { challengeId, submissionId } = await teamChallenge(c, members);
        await setWebhookPolicy(stack, c.delivery);
        for (const mode of c.faults) {
          await fetch(`${stack.stripeEmulatorUrl}/_emulator/faults`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ method: 'POST', path: '/v1/transfers', mode, count: 1, timeoutMs: 300 }),
          });
        }

        const awarded = await eventually(async () => {
          const response = await runContract(stack.client, 'AwardPrize', { input: { challengeId, prizeRank: 1, submissionId } }, sponsor.token);
          expect(errorCodes(response)).toEqual([]);
          return response.data!.awardPrize.award as { id: string; payouts: { id: string; status: string; amount: { amountMinor: string; currency: string } }[] };
        });
        // Killed while the transfers of the onboarded members may be in flight: sent to Stripe, not recorded.
        if (c.crash) await stack.crashAndRestart('payouts');

        const rows = await sql<{ id: string; winner_id: string; amount: string }>(
          `select id, winner_id, amount_minor::text as amount from payouts.payout where award_id = $1`,
          [awarded.id],
        );
        const [award] = await sql<{ split: { version: number; shares: { userId: string; basisPoints: number; amountMinor: string }[] } }>(
          `select split from payouts.award where id = $1`,
          [awarded.id],
        );
        // The parts: one per member in the stated order, summing to the prize, none negative, within one unit of the
        // exact quota; a payout exactly for each non-zero part.
        const parts = award!.split.shares.map((s) => BigInt(s.amountMinor));
        expect(award!.split.shares.map((s) => s.userId)).toEqual(members.map((m) => m.id));
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(c.prize);
        const weights = c.basisPoints.map((bp) => BigInt(c.equal ? 1 : bp));
        const total = weights.reduce((a, b) => a + b, 0n);
        parts.forEach((part, i) => {
          expect(part >= 0n).toBe(true);
          const gap = part * total - c.prize * weights[i]!;
          expect(gap < total && -gap < total).toBe(true);
          if (weights[i] === 0n) expect(part).toBe(0n);
        });
        const paid = members.map((m, i) => ({ member: m, index: i, part: parts[i]! })).filter((x) => x.part > 0n);
        expect(rows.map((r) => [r.winner_id, r.amount]).sort()).toEqual(paid.map((x) => [x.member.id, String(x.part)]).sort());
        // HELD exactly for the members not onboarded yet.
        const statusOf = new Map(awarded.payouts.map((p) => [p.id, p.status]));
        for (const row of rows) {
          const index = members.findIndex((m) => m.id === row.winner_id);
          if (c.onboardedBefore[index]) expect(['PROCESSING', 'PAID']).toContain(statusOf.get(row.id));
          else expect(statusOf.get(row.id)).toBe('HELD');
        }

        for (const [i, before] of c.onboardedBefore.entries()) if (!before) await completePayoutOnboarding(stack, members[i]!.token);

        await eventually(
          async () => {
            const statuses = await sql(`select status from payouts.payout where award_id = $1`, [awarded.id]);
            expect(statuses.map((s) => s.status)).toEqual(rows.map(() => 'PAID'));
          },
          { timeoutMs: 40_000, intervalMs: 200 },
        );
        // Exactly one transfer per payout, of its part, to its member's account; one PayoutPaid and one ledger
        // transfer posting each; every member's payable for this challenge back to zero, escrow emptied.
        const transfers = (await stack.stripe.transfers.list({ transfer_group: challengeId, limit: 100 })).data;
        const accounts = await sql<{ user_id: string; stripe_account_id: string }>(`select user_id, stripe_account_id from payouts.payout_account where user_id = any($1)`, [
          members.map((m) => m.id),
        ]);
        const accountOf = new Map(accounts.map((a) => [a.user_id, a.stripe_account_id]));
        expect(transfers).toHaveLength(rows.length);
        for (const row of rows) {
          const paying = transfers.filter((t) => t.metadata?.['payoutId'] === row.id);
          expect(paying.map((t) => [t.amount, t.currency, t.destination])).toEqual([[Number(row.amount), c.currency.toLowerCase(), accountOf.get(row.winner_id)]]);
        }
        await new Promise((r) => setTimeout(r, 500)); // late duplicates of transfer.created
        const events = await sql(`select payload->>'payoutId' as id from payouts.outbox_event where type = 'PayoutPaid' and payload->>'challengeId' = $1`, [challengeId]);
        expect(events.map((e) => e.id).sort()).toEqual(rows.map((r) => r.id).sort());
        const postings = await sql(`select count(*)::int as n from payouts.ledger_transaction where challenge_id = $1 and kind = 'transfer_paid'`, [challengeId]);
        expect(postings[0]!.n).toBe(rows.length);
        const balances = await sql<{ account: string; balance: string }>(
          `select p.account, sum(p.amount_minor)::text as balance from payouts.ledger_posting p join payouts.ledger_transaction t on t.id = p.transaction_id
            where t.challenge_id = $1 and (p.account like 'payable:%' or p.account like 'escrow:%') and t.kind <> 'funding_succeeded' group by p.account`,
          [challengeId],
        );
        for (const b of balances) expect(b).toEqual({ account: b.account, balance: b.account.startsWith('escrow:') ? String(c.prize) : '0' });
        const [unbalanced] = await sql(`select count(*)::int as n from (select currency from payouts.ledger_posting group by currency having sum(amount_minor) <> 0) x`);
        expect(unbalanced!.n).toBe(0);

        await setWebhookPolicy(stack, {});
        await fetch(`${stack.stripeEmulatorUrl}/_emulator/faults`, { method: 'DELETE' });
      }),
      { numRuns: 4, endOnFailure: true },
    );
    console.info(`team awards property: ${runs} run(s) in ${Math.round((Date.now() - started) / 1000)} s`);
  }, 240_000);
});
