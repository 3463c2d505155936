import { hashPassword } from '@ideagora/auth';
import { Client } from 'pg';
import { loadChallenges } from './challenges.loader';
import { buildPlan, type DatasetPlan } from './dataset-plan';
import { loadDataset, saveDataset } from './dataset.store';
import { benchUserEmail, EMAIL_DOMAIN, type Dataset, type DatasetSize } from './dataset.types';
import { loadPayouts } from './payouts.loader';
import { hashSeed, Random } from './random';
import { connectToSchema } from './schema-client';
import { loadSolvers } from './solvers.loader';
import { STREAM } from './submission-sequence';
import { loadSubmissions } from './submissions.loader';
import { bigContestJudges } from './judging-scores';
import { seedCommunities } from './communities-seed';
import { seedGallery } from './gallery-seed';
import { SentencePool } from './vocabulary';

export { benchUserEmail, DATASET_SIZES, type Dataset, type DatasetCounts, type DatasetSize } from './dataset.types';

export const DEFAULT_SEED = 20261124;
export const DEFAULT_PASSWORD = 'bench-password-2026';
/** The payouts subgraph's PLATFORM_FEE_BASIS_POINTS default (libs/config). */
const DEFAULT_FEE_BASIS_POINTS = 1000;
const DAY = 86_400_000;

export interface GenerateDatasetOptions {
  seed?: number;
  log?: (line: string) => void;
  /**
   * The instant the history is anchored to. Default: the start of the current UTC day, so the same seed gives the
   * same rows all day long (OPEN deadlines stay 30 to 120 days after it, JUDGING ones lie in the past).
   */
  now?: Date;
  /** Must match the payouts subgraph's PLATFORM_FEE_BASIS_POINTS (default: that variable, else 1000). */
  feeBasisPoints?: number;
  password?: string;
}

/** Tables the generator writes, per context schema: all must exist (the subgraphs' migrations ran) and be empty. */
const TABLES: Record<string, string[]> = {
  solvers: ['user_account'],
  challenges: ['organization', 'organization_membership', 'challenge', 'prize', 'prize_award', 'challenge_funding'],
  submissions: ['challenge_view', 'membership_view', 'submission', 'submission_version', 'challenge_role_view', 'score_card', 'submission_score', 'judge_round_progress', 'round_agreement'],
  payouts: ['payout_account', 'challenge_view', 'membership_view', 'submission_view', 'funding', 'ledger_transaction', 'ledger_posting', 'award', 'payout', 'settlement'],
};

/**
 * Fills a freshly migrated database with a marketplace's worth of data, exactly as the services would have written
 * it (read models included), then stores the descriptor in bench.dataset. Each context's tables are written over
 * a connection whose search_path is that context's schema.
 */
export async function generateDataset(databaseUrl: string, size: DatasetSize, options: GenerateDatasetOptions = {}): Promise<Dataset> {
  const started = Date.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? (() => undefined);
  const now = options.now ? options.now.getTime() : Math.floor(Date.now() / DAY) * DAY;
  const feeBasisPoints = options.feeBasisPoints ?? Number(process.env.PLATFORM_FEE_BASIS_POINTS ?? DEFAULT_FEE_BASIS_POINTS);
  const password = options.password ?? DEFAULT_PASSWORD;

  const admin = new Client({ connectionString: databaseUrl, application_name: 'ideagora-bench-data' });
  admin.on('error', () => undefined);
  await admin.connect();
  const clients: Client[] = [];
  try {
    await assertFreshMigratedDatabase(admin);
    // scrypt runs on libuv's thread pool: it overlaps with the (synchronous) planning.
    const [passwordHash, plan] = await Promise.all([hashPassword(password), Promise.resolve(buildPlan(size, seed, now, feeBasisPoints))]);
    log(`plan ready in ${Date.now() - started} ms: ${plan.challenges.length} challenges, ${plan.solverIds.length} solvers, ${plan.spec.submissions} submissions, ${plan.totals.awards} awards`);
    const pool = new SentencePool(hashSeed(seed, STREAM.sentences));

    let aborted = false;
    const timed = async <T>(name: string, load: (client: Client) => Promise<T>): Promise<T> => {
      if (aborted) throw new Error(`${name} not loaded: another context failed`);
      const client = await connectToSchema(databaseUrl, name);
      clients.push(client);
      const t0 = Date.now();
      const result = await load(client);
      log(`${name} loaded in ${Date.now() - t0} ms: ${JSON.stringify(result)}`);
      return result;
    };
    // The first failure closes every connection at once: the other loaders stop instead of running to the end.
    const guard = <T>(task: Promise<T>): Promise<T> =>
      task.catch((error: unknown) => {
        if (!aborted) {
          aborted = true;
          for (const c of clients) void c.end().catch(() => undefined);
        }
        throw error;
      });
    // Two streams at a time on this 2-core kind of machine (each is a Node generator plus a Postgres backend):
    // the submissions (the bulk: ~70 % of the work) alongside the three other contexts one after the other.
    // Measured on `large`: 81 s this way, 99 s with all four at once (they then fight over CPU and WAL).
    const [submissions, [solvers, challenges, payouts]] = await Promise.all([
      guard(timed('submissions', (c) => loadSubmissions(c, plan, pool))),
      guard(
        (async () => {
          const loadedSolvers = await timed('solvers', (c) => loadSolvers(c, plan, passwordHash));
          const loadedChallenges = await timed('challenges', (c) => loadChallenges(c, plan, pool));
          const loadedPayouts = await timed('payouts', (c) => loadPayouts(c, plan));
          return [loadedSolvers, loadedChallenges, loadedPayouts] as const;
        })(),
      ),
    ]);

    // Q5: the big contest as a public gallery with votes (set-based SQL over the rows just loaded).
    const gallery = await seedGallery(databaseUrl, plan.bigChallenge.id);
    log(`big contest made a gallery: ${JSON.stringify(gallery)}`);
    const dataset: Dataset = {
      size,
      seed,
      anchoredAt: new Date(now).toISOString(),
      generatedAt: new Date().toISOString(),
      generatedInMs: 0,
      platformFeeBasisPoints: feeBasisPoints,
      counts: {
        organizations: challenges.organizations,
        users: solvers.users,
        sponsors: plan.sponsors.length,
        solvers: plan.solverIds.length,
        challenges: challenges.challenges,
        challengesByStatus: countByStatus(plan),
        inviteOnlyChallenges: plan.challenges.filter((c) => c.visibility === 'INVITE_ONLY').length,
        prizes: challenges.prizes,
        fundings: payouts.fundings,
        submissions: submissions.submissions,
        submissionVersions: submissions.submissionVersions,
        awards: payouts.awards,
        payouts: payouts.payouts,
        payoutAccounts: payouts.payoutAccounts,
        settlements: payouts.settlements,
        ledgerTransactions: payouts.ledgerTransactions,
        ledgerPostings: payouts.ledgerPostings,
      },
      password,
      emailDomain: EMAIL_DOMAIN,
      bigChallenge: {
        id: plan.bigChallenge.id,
        ownerUserId: plan.bigChallenge.organization.owner.id,
        ownerEmail: benchUserEmail(plan.bigChallenge.organization.owner.id),
        submissionCount: plan.bigChallenge.submissionCount,
        judgeIds: bigContestJudges(plan),
        scoreCards: submissions.scoreCards,
        gallery,
      },
      ...samples(plan, now),
      searchTerms: await searchTerms(admin, plan),
    };
    // Q6/Q7: profiles, skills and reputation (set-based SQL over the rows just loaded; skills from the search terms).
    dataset.communities = await seedCommunities(databaseUrl, dataset.searchTerms);
    log(`profiles and reputation seeded: ${JSON.stringify(dataset.communities)}`);
    dataset.generatedInMs = Date.now() - started;
    await saveDataset(admin, dataset);
    log(`dataset ${size} (seed ${seed}) generated in ${dataset.generatedInMs} ms`);
    return dataset;
  } finally {
    await Promise.all([admin, ...clients].map((c) => c.end().catch(() => undefined)));
  }
}

/** The stored descriptor; undefined when no generation completed in this database. */
export async function readDataset(databaseUrl: string): Promise<Dataset | undefined> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'ideagora-bench-data' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await loadDataset(client);
  } finally {
    await client.end();
  }
}

/**
 * A data set generated before Q5 or Q6/Q7: what it lacks seeded by the same steps the generator now ends with (its
 * big contest made a gallery with votes, `seedGallery`; profiles and reputation, `seedCommunities`), and the
 * descriptor saved again. No regeneration: the rest is unchanged. The same data set when it lacks nothing.
 */
export async function upgradeDataset(databaseUrl: string, dataset: Dataset, log: (line: string) => void = () => undefined): Promise<Dataset> {
  if (dataset.bigChallenge.gallery && dataset.communities) return dataset;
  let upgraded = dataset;
  if (!upgraded.bigChallenge.gallery) {
    const started = Date.now();
    const gallery = await seedGallery(databaseUrl, dataset.bigChallenge.id);
    upgraded = { ...upgraded, bigChallenge: { ...upgraded.bigChallenge, gallery } };
    log(`the big contest made a gallery with votes (Q5) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(gallery)}`);
  }
  if (!upgraded.communities) {
    const started = Date.now();
    upgraded = { ...upgraded, communities: await seedCommunities(databaseUrl, upgraded.searchTerms) };
    log(`profiles and reputation seeded (Q6, Q7) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(upgraded.communities)}`);
  }
  const client = new Client({ connectionString: databaseUrl, application_name: 'ideagora-bench-data' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await saveDataset(client, upgraded);
  } finally {
    await client.end();
  }
  return upgraded;
}

async function assertFreshMigratedDatabase(client: Client): Promise<void> {
  const qualified = Object.entries(TABLES).flatMap(([schema, tables]) => tables.map((t) => `${schema}.${t}`));
  const { rows } = await client.query<{ name: string; exists: boolean }>(
    `select name, to_regclass(name) is not null as exists from unnest($1::text[]) as name`,
    [qualified],
  );
  const missing = rows.filter((r) => !r.exists).map((r) => r.name);
  if (missing.length > 0) {
    throw new Error(`The database is not migrated (missing ${missing.join(', ')}): start every subgraph once against it first`);
  }
  const dataset = await loadDataset(client);
  if (dataset) throw new Error(`The database already holds a generated data set (${dataset.size}, seed ${dataset.seed})`);
  const checks = ['solvers.user_account', 'challenges.challenge', 'submissions.submission', 'payouts.funding', 'payouts.ledger_transaction'];
  const found = await client.query<{ name: string }>(checks.map((t) => `select '${t}' as name where exists (select 1 from ${t})`).join(' union all '));
  if (found.rows.length > 0) {
    throw new Error(`The database already holds business data (${found.rows.map((r) => r.name).join(', ')}): generate into a fresh database`);
  }
}

function countByStatus(plan: DatasetPlan): Dataset['counts']['challengesByStatus'] {
  const counts = { DRAFT: 0, OPEN: 0, JUDGING: 0, CLOSED: 0 };
  for (const c of plan.challenges) counts[c.status] += 1;
  return counts;
}

function samples(plan: DatasetPlan, now: number): Pick<Dataset, 'browsableChallengeIds' | 'openChallengeIds' | 'closedChallengeIds' | 'solverIds'> {
  const rng = new Random(hashSeed(plan.seed, STREAM.plan, 1));
  const browsable = plan.challenges.filter((c) => c.visibility === 'PUBLIC' && c.publishedAt !== null);
  return {
    browsableChallengeIds: rng.sample(browsable.map((c) => c.id), 2000),
    openChallengeIds: rng.sample(browsable.filter((c) => c.status === 'OPEN' && c.deadline >= now + 60 * DAY).map((c) => c.id), 2000),
    closedChallengeIds: rng.sample(browsable.filter((c) => c.status === 'CLOSED').map((c) => c.id), 2000),
    solverIds: rng.sample(plan.solverIds, 5000),
  };
}

/**
 * About 20 title nouns of public published challenges, among the frequent ones, each checked against the real
 * full-text index (the english configuration stems both sides, so this is what a search will match).
 */
async function searchTerms(client: Client, plan: DatasetPlan): Promise<string[]> {
  const frequency = new Map<string, number>();
  for (const c of plan.challenges) {
    if (c.visibility !== 'PUBLIC' || c.publishedAt === null) continue;
    for (const noun of new Set(c.titleNouns)) frequency.set(noun, (frequency.get(noun) ?? 0) + 1);
  }
  const frequent = [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 40)
    .map(([word]) => word);
  const candidates = new Random(hashSeed(plan.seed, STREAM.plan, 2)).sample(frequent, 24);
  const { rows } = await client.query<{ term: string; matches: number }>(
    `select term, (select count(*)::int from challenges.challenge c
                   where c.search_vector @@ websearch_to_tsquery('english', term)
                     and c.visibility = 'PUBLIC' and c.published_at is not null) as matches
       from unnest($1::text[]) as term`,
    [candidates],
  );
  return rows.filter((r) => r.matches > 0).map((r) => r.term).slice(0, 20);
}
