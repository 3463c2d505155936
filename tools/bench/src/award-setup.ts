import { challengeInput, createChallenge, createOrganization, eventually, GraphQLTestClient, runContract, signUpUser, type TestUser } from '@ideagora/testing';
import { Client } from 'pg';
import { LOCAL_STRIPE_SECRET_KEY } from '@ideagora/config';
import Stripe from 'stripe';

/** One AwardPrize call ready to send: a JUDGING challenge's prize and a submission by an onboarded solver. */
export interface PendingAward {
  challengeId: string;
  prizeRank: number;
  submissionId: string;
  sponsorToken: string;
}

const PRIZES_PER_CHALLENGE = 5;

export async function onboard(client: GraphQLTestClient, solver: TestUser): Promise<void> {
  const started = await runContract(client, 'StartPayoutOnboarding', { input: { returnUrl: 'http://localhost/done', refreshUrl: 'http://localhost/retry' } }, solver.token);
  if (started.errors) throw new Error(`StartPayoutOnboarding failed: ${JSON.stringify(started.errors)}`);
  const url = started.data!.startPayoutOnboarding.onboardingUrl as string;
  const done = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=complete', redirect: 'manual' });
  if (done.status !== 303) throw new Error(`onboarding page answered ${done.status}`);
}

export async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return results;
}

/**
 * Builds `count` awards through the real flow (the API and the Stripe emulator, no shortcuts): a sponsor funds
 * and publishes challenges, onboarded solvers submit, the sponsor closes submissions; waits until the payouts
 * context knows every challenge is JUDGING, so the measured AwardPrize calls do not race the events.
 */
export async function prepareAwards(gatewayUrl: string, stripeUrl: string, databaseUrl: string, count: number): Promise<PendingAward[]> {
  const client = new GraphQLTestClient(gatewayUrl);
  const stripeAddress = new URL(stripeUrl);
  const stripe = new Stripe(LOCAL_STRIPE_SECRET_KEY, { host: stripeAddress.hostname, port: Number(stripeAddress.port), protocol: 'http', maxNetworkRetries: 2 });
  const sponsor = await signUpUser(client, { displayName: 'Bench sponsor' });
  const organizationId = await createOrganization(client, sponsor.token, 'Bench awards');
  const solvers = await inBatches(Array.from({ length: PRIZES_PER_CHALLENGE }, (_, i) => i), 5, (i) => signUpUser(client, { displayName: `Bench winner ${i}` }));
  await inBatches(solvers, 5, (solver) => onboard(client, solver));

  const challengeCount = Math.ceil(count / PRIZES_PER_CHALLENGE);
  const prizes = Array.from({ length: PRIZES_PER_CHALLENGE }, (_, i) => ({ rank: i + 1, label: `Prize ${i + 1}`, amountMinor: String((PRIZES_PER_CHALLENGE - i) * 10_000) }));
  const prepared = await inBatches(Array.from({ length: challengeCount }, (_, i) => i), 8, async () => {
    const challenge = await createChallenge(client, sponsor.token, challengeInput(organizationId, { prizes }));
    // The payouts context learns of the new challenge by event: retry until it knows it.
    const paymentIntentId = await eventually(async () => {
      const funding = await runContract(client, 'FundChallenge', { challengeId: challenge.id }, sponsor.token);
      if (funding.errors) throw new Error(`FundChallenge failed: ${JSON.stringify(funding.errors)}`);
      return funding.data!.fundChallenge.funding.paymentIntentId as string;
    }, { timeoutMs: 60_000 });
    await stripe.paymentIntents.confirm(paymentIntentId, { payment_method: 'pm_card_visa' });
    await eventually(async () => {
      const published = await runContract(client, 'PublishChallenge', { challengeId: challenge.id }, sponsor.token);
      if (published.errors) throw new Error(`PublishChallenge failed: ${JSON.stringify(published.errors)}`);
    }, { timeoutMs: 60_000 });
    const submissionIds = await Promise.all(
      solvers.map((solver, i) =>
        eventually(async () => {
          const submitted = await runContract(client, 'SubmitSolution', { input: { challengeId: challenge.id, title: `Entry ${i}`, body: 'A benchmark entry.' } }, solver.token);
          if (submitted.errors) throw new Error(`SubmitSolution failed: ${JSON.stringify(submitted.errors)}`);
          return submitted.data!.submitSolution.submission.id as string;
        }, { timeoutMs: 60_000 }),
      ),
    );
    const closed = await runContract(client, 'CloseSubmissions', { challengeId: challenge.id }, sponsor.token);
    if (closed.errors) throw new Error(`CloseSubmissions failed: ${JSON.stringify(closed.errors)}`);
    return { challengeId: challenge.id, submissionIds };
  });

  // The payouts context learns JUDGING and the submissions by events: wait for its read models.
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const ids = prepared.map((p) => p.challengeId);
    await eventually(async () => {
      const { rows } = await db.query<{ judging: string; submissions: string }>(
        `select (select count(*) from payouts.challenge_view where id = any($1) and status = 'JUDGING') as judging,
                (select count(*) from payouts.submission_view where challenge_id = any($1)) as submissions`,
        [ids],
      );
      if (Number(rows[0].judging) !== ids.length || Number(rows[0].submissions) !== ids.length * PRIZES_PER_CHALLENGE) throw new Error(`payouts not caught up: ${JSON.stringify(rows[0])}`);
    }, { timeoutMs: 120_000, intervalMs: 250 });
  } finally {
    await db.end();
  }
  return prepared
    .flatMap((p) => p.submissionIds.map((submissionId, i) => ({ challengeId: p.challengeId, prizeRank: i + 1, submissionId, sponsorToken: sponsor.token })))
    .slice(0, count);
}

export interface PaidSummary {
  paid: number;
  expected: number;
  /** From the award to PAID (payout created → paid_at), per payout. */
  p50Ms: number;
  p99Ms: number;
  /** From the first AwardPrize sent until the last payout PAID. */
  drainSeconds: number;
}

/** Waits until every awarded payout is PAID (the Stripe transfer made and recorded), then summarises. */
export async function waitUntilPaid(databaseUrl: string, awards: Pick<PendingAward, 'challengeId'>[], startedAt: Date, timeoutMs = 300_000, expected = awards.length): Promise<PaidSummary> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const challengeIds = [...new Set(awards.map((a) => a.challengeId))];
  try {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await db.query<{ paid: string }>(`select count(*) as paid from payouts.payout where challenge_id = any($1) and status = 'PAID'`, [challengeIds]);
      if (Number(rows[0].paid) >= expected || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { rows } = await db.query<{ paid: string; p50: string | null; p99: string | null; last: Date | null }>(
      `select count(*) as paid,
              percentile_cont(0.5) within group (order by extract(epoch from paid_at - created_at) * 1000) as p50,
              percentile_cont(0.99) within group (order by extract(epoch from paid_at - created_at) * 1000) as p99,
              max(paid_at) as last
         from payouts.payout where challenge_id = any($1) and status = 'PAID'`,
      [challengeIds],
    );
    const row = rows[0];
    return {
      paid: Number(row.paid),
      expected,
      p50Ms: Math.round(Number(row.p50 ?? 0)),
      p99Ms: Math.round(Number(row.p99 ?? 0)),
      drainSeconds: row.last ? Math.round(((row.last.getTime() - startedAt.getTime()) / 1000) * 100) / 100 : NaN,
    };
  } finally {
    await db.end();
  }
}

/** The ledger of one challenge after M3: transactions that do not sum to zero, and the escrow's lowest running balance. */
export interface LedgerSoundness {
  transactions: number;
  unbalancedTransactions: number;
  escrowPostings: number;
  /** Minor units; the escrow is a liability (credits negative), so held = -sum, which must never go below 0. */
  lowestEscrowHeld: number;
  escrowHeldAtEnd: number;
}

export async function ledgerSoundness(databaseUrl: string, challengeId: string): Promise<LedgerSoundness> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ transactions: number; unbalanced: number; postings: number; lowest: string | null; final: string | null }>(
      `select
         (select count(*)::int from payouts.ledger_transaction where challenge_id = $1::uuid) as transactions,
         (select count(*)::int from (
            select t.id from payouts.ledger_transaction t join payouts.ledger_posting p on p.transaction_id = t.id
            where t.challenge_id = $1::uuid group by t.id, p.currency having sum(p.amount_minor) <> 0) u) as unbalanced,
         count(*)::int as postings, min(held)::text as lowest,
         (select -coalesce(sum(amount_minor), 0) from payouts.ledger_posting where account = $2)::text as final
       from (select -sum(p.amount_minor) over (order by p.id) as held from payouts.ledger_posting p where p.account = $2) r`,
      [challengeId, `escrow:${challengeId}`],
    );
    const row = rows[0];
    return {
      transactions: row.transactions,
      unbalancedTransactions: row.unbalanced,
      escrowPostings: row.postings,
      lowestEscrowHeld: Number(row.lowest ?? 0),
      escrowHeldAtEnd: Number(row.final ?? 0),
    };
  } finally {
    await db.end();
  }
}
