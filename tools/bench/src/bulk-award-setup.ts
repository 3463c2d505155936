import { issueUserToken } from '@ideagora/auth';
import { LOCAL_STRIPE_SECRET_KEY } from '@ideagora/config';
import { challengeInput, createChallenge, createOrganization, eventually, GraphQLTestClient, runContract, signUpUser, type TestUser } from '@ideagora/testing';
import { Client } from 'pg';
import Stripe from 'stripe';
import { inBatches, onboard } from './award-setup';
import { BENCH_SECRETS } from './bench-stack';
import { EMAIL_DOMAIN } from './data/dataset.types';
import { UUID_KIND, uuidV7 } from './data/random';

/** M3: one AwardPrizes call of `submissionIds.length` awards of prize rank 1 (quantity = that many), ready to send. */
export interface BulkAward {
  challengeId: string;
  sponsorToken: string;
  submissionIds: string[];
  /** Seconds each setup step took (reported, not measured). */
  setupSeconds: Record<string, number>;
}

/** 0.50 USD a place. */
export const BULK_AWARD_AMOUNT_MINOR = '50';
/** Requests in flight while preparing (onboarding, submissions): enough to keep two cores busy. */
const SETUP_CONCURRENCY = 16;

/**
 * `count` solver accounts written into solvers.user_account as signUp writes them (lower-case email, a scrypt hash:
 * the data set's shared one), with fresh ids. Only this is generated: hashing 10,000 passwords through signUp would
 * take longer than everything else, and nothing here depends on how the account was made. No UserRegistered event
 * (the data set's generated users have none either).
 */
async function generateSolvers(databaseUrl: string, count: number): Promise<string[]> {
  const now = Date.now();
  const ids = Array.from({ length: count }, (_, i) => uuidV7(now, UUID_KIND.bulkSolver, i + 1, (Math.random() * 2 ** 32) >>> 0));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `insert into solvers.user_account (id, email, password_hash, display_name, bio, skills, country, created_at, updated_at)
       select id, id::text || '@' || $2::text, (select password_hash from solvers.user_account order by created_at limit 1),
              'Bench mention ' || n, '', '{}', null, now(), now()
         from unnest($1::uuid[]) with ordinality as u(id, n)`,
      [ids, EMAIL_DOMAIN],
    );
  } finally {
    await db.end();
  }
  return ids;
}

/**
 * What payouts' account.updated handler writes for an account whose onboarding completed (transfers capability
 * active, nothing due): ACTIVE. The accounts themselves were made by StartPayoutOnboarding and completed on the
 * emulator's hosted page, so the emulator accepts transfers to them.
 */
async function activateAccounts(databaseUrl: string, userIds: string[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rowCount } = await db.query(
      `update payouts.payout_account set status = 'ACTIVE', requirements_due = '{}', last_event_created = extract(epoch from now())::bigint, updated_at = now()
        where user_id = any($1::uuid[]) and stripe_account_id is not null`,
      [userIds],
    );
    if (rowCount !== userIds.length) throw new Error(`only ${rowCount} of ${userIds.length} payout accounts have a Stripe account`);
  } finally {
    await db.end();
  }
}

const timed = async <T>(seconds: Record<string, number>, step: string, work: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  const result = await work();
  seconds[step] = Math.round((Date.now() - started) / 100) / 10;
  return result;
};

/**
 * Everything else through the real API and the Stripe emulator, as M2 does: a sponsor signs up, creates a challenge
 * with one prize of `count` places of 0.50 USD, funds it (the emulator's payment page) and publishes it; each solver
 * completes payout onboarding (StartPayoutOnboarding, then the emulator's hosted page: a real connected account,
 * ACTIVE by its account.updated webhook) and submits; the sponsor closes submissions. Returns once payouts' read
 * models know the challenge is JUDGING, every submission, and every account ACTIVE, and the event queues are empty.
 */
export async function prepareBulkAward(gatewayUrl: string, stripeUrl: string, databaseUrl: string, count: number, log: (line: string) => void): Promise<BulkAward> {
  const setupSeconds: Record<string, number> = {};
  const client = new GraphQLTestClient(gatewayUrl);
  const stripeAddress = new URL(stripeUrl);
  const stripe = new Stripe(LOCAL_STRIPE_SECRET_KEY, { host: stripeAddress.hostname, port: Number(stripeAddress.port), protocol: 'http', maxNetworkRetries: 2 });
  const sponsor = await signUpUser(client, { displayName: 'Bench bulk sponsor' });
  const challengeId = await timed(setupSeconds, 'challenge', async () => {
    const organizationId = await createOrganization(client, sponsor.token, 'Bench mentions');
    const prizes = [{ rank: 1, label: 'Honourable mention', amountMinor: BULK_AWARD_AMOUNT_MINOR, quantity: count }];
    const challenge = await createChallenge(client, sponsor.token, challengeInput(organizationId, { currency: 'USD', prizes }));
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
    return challenge.id;
  });

  const solverIds = await timed(setupSeconds, 'generate solvers', () => generateSolvers(databaseUrl, count));
  const solvers: TestUser[] = await Promise.all(
    solverIds.map(async (id) => ({ id, email: `${id}@${EMAIL_DOMAIN}`, displayName: '', token: await issueUserToken(id, BENCH_SECRETS.AUTH_TOKEN_SECRET, 7200) })),
  );
  log(`M3 setup: challenge ${challengeId} published, ${count} solvers generated; onboarding them through the API…`);
  // The emulator delivers webhooks one at a time with retries: 10,000 onboardings' account.updated events took over
  // 10 minutes to reach payouts (2,248 applied after 13 min on small). They are dropped (the emulator's Connect
  // drop policy) and the accounts' ACTIVE status is written below as their handler would have.
  const policy = (body: object) => fetch(`${stripeUrl}/_emulator/webhook-policy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await policy({ drop: 'connect' });
  try {
    await timed(setupSeconds, 'onboarding', () => inBatches(solvers, SETUP_CONCURRENCY, (solver) => onboard(client, solver)));
  } finally {
    await policy({});
  }
  await activateAccounts(databaseUrl, solverIds);
  log(`M3 setup: ${count} onboarded; submitting through the API…`);
  const submissionIds = await timed(setupSeconds, 'submissions', () =>
    inBatches(solvers, SETUP_CONCURRENCY, (solver) =>
      eventually(async () => {
        const submitted = await runContract(client, 'SubmitSolution', { input: { challengeId, title: `Mention ${solver.id.slice(-6)}`, body: 'A benchmark entry.' } }, solver.token);
        if (submitted.errors) throw new Error(`SubmitSolution failed: ${JSON.stringify(submitted.errors)}`);
        return submitted.data!.submitSolution.submission.id as string;
      }, { timeoutMs: 60_000 }),
    ),
  );
  const closed = await runContract(client, 'CloseSubmissions', { challengeId }, sponsor.token);
  if (closed.errors) throw new Error(`CloseSubmissions failed: ${JSON.stringify(closed.errors)}`);

  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await timed(setupSeconds, 'payouts caught up', () =>
      eventually(async () => {
        const { rows } = await db.query<{ judging: string; submissions: string; active: string }>(
          `select (select count(*) from payouts.challenge_view where id = $1 and status = 'JUDGING') as judging,
                  (select count(*) from payouts.submission_view where challenge_id = $1) as submissions,
                  (select count(*) from payouts.payout_account where user_id = any($2::uuid[]) and status = 'ACTIVE') as active`,
          [challengeId, solverIds],
        );
        const row = rows[0]!;
        if (Number(row.judging) !== 1 || Number(row.submissions) !== count || Number(row.active) !== count) throw new Error(`payouts not caught up: ${JSON.stringify(row)}`);
      }, { timeoutMs: 600_000, intervalMs: 500 }),
    );
  } finally {
    await db.end();
  }
  return { challengeId, sponsorToken: sponsor.token, submissionIds, setupSeconds };
}
