import { isIP } from 'node:net';
import { z } from 'zod';

/** Thrown at start-up when the environment is invalid: the process must not start. */
export class ConfigError extends Error {
  constructor(issues: string[]) {
    super(`Invalid configuration:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

// Local-only defaults. They are refused when NODE_ENV=production (see `secret()`).
const LOCAL_AUTH_SECRET = 'local-only-auth-token-secret-change-me-0123456789';
const LOCAL_IDENTITY_SECRET = 'local-only-gateway-identity-secret-change-me-0123456789';
const LOCAL_FILES_SIGNING_SECRET = 'local-only-files-signing-secret-change-me-0123456789';
/** Secrets written in this repository (the defaults above, docker-compose.yml's): anyone can read them. */
const PUBLISHED_SECRETS = new Set([
  LOCAL_AUTH_SECRET,
  LOCAL_IDENTITY_SECRET,
  LOCAL_FILES_SIGNING_SECRET,
  'compose-only-auth-token-secret-0123456789',
  'compose-only-identity-secret-0123456789',
  'compose-only-files-signing-secret-0123456789',
]);

const nodeEnv = z.enum(['development', 'test', 'production']).default('development');

function secret(localDefault: string) {
  return z.string().min(32, 'must be at least 32 characters').default(localDefault);
}

export const SUBGRAPH_NAMES = ['solvers', 'challenges', 'submissions', 'payouts'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const port = z.coerce.number().int().min(0).max(65535);
/** Where local state lives: the embedded Postgres cluster, the filesystem storage's objects. */
const dataDir = z.string().default('.data');
// docker-compose passes an unset variable as '': that is "unset", not an invalid value.
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const baseSchema = z.object({
  NODE_ENV: nodeEnv,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Postgres connection string; when absent the embedded Postgres under DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: dataDir,
  AUTH_TOKEN_SECRET: secret(LOCAL_AUTH_SECRET),
  /** Lifetime of an access token (the bearer token). Short: the gateway checks no state, so a revoked session's
   * access token lives until it expires; the session goes on through its refresh token (see SESSION_TTL_DAYS). */
  AUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  /** A session's absolute lifetime: its refresh token is refused after this, whatever its use. */
  SESSION_TTL_DAYS: z.coerce.number().int().positive().default(30),
  GATEWAY_IDENTITY_SECRET: secret(LOCAL_IDENTITY_SECRET),
  /** Lifetime of the identity the gateway signs for one subgraph request. */
  GATEWAY_IDENTITY_TTL_SECONDS: z.coerce.number().int().positive().default(60),
});

/**
 * Uploaded files (libs/storage), a part for the schema of a process that stores files:
 * `subgraphSchema.extend(storageSchema.shape)`. With S3_BUCKET: that bucket, clients using presigned URLs; without it:
 * files under DATA_DIR/objects, reached through FILES_PUBLIC_URL with URLs signed by FILES_SIGNING_SECRET.
 */
export const storageSchema = z.object({
  DATA_DIR: dataDir,
  /** Where browsers reach the filesystem storage's routes (`PUT/GET <url>/<token>`): the gateway's /files. */
  FILES_PUBLIC_URL: z.string().url().default('http://localhost:4000/files'),
  /** HMAC key of the filesystem storage's upload/download URLs (unused with S3). */
  FILES_SIGNING_SECRET: secret(LOCAL_FILES_SIGNING_SECRET),
  S3_BUCKET: optional(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')),
  /** An S3-compatible server (MinIO, R2...); unset: AWS. */
  S3_ENDPOINT: optional(z.string().url().regex(/^https?:\/\//, 'must be an http:// or https:// URL')),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Both or neither; neither: the AWS SDK's default credential chain (instance role, AWS_* variables). */
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
});

export type StorageConfig = z.infer<typeof storageSchema>;

/**
 * What a process that takes part in events needs (its outbox relay, its event consumer, its read-model waits): every
 * subgraph, and the gateway (its API key registry, issue 16).
 */
const eventParticipantShape = {
  /** How often the outbox relay looks for unpublished events when it was not nudged. */
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
  /** Read-your-writes: how long a command waits for its read model to learn of an event in flight before it answers
   * what it would have answered (0: never waits). See docs/ARCHITECTURE.md, "Read your writes". */
  READ_MODEL_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** Commands waiting for a read model at once, per process; beyond it they answer at once. */
  READ_MODEL_MAX_WAITERS: z.coerce.number().int().min(0).max(10_000).default(100),
};

export const subgraphSchema = baseSchema.extend({
  PORT: port.default(0),
  HOST: z.string().default('127.0.0.1'),
  ...eventParticipantShape,
  /** A GraphQL request's deadline: no field starts resolving after it (TIMEOUT). Below the gateway's fetch deadline. */
  SUBGRAPH_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** A mutation's deadline, checked before each mutation field starts (a committed mutation always answers). Longer:
   * a bounded write such as awardPrizes' 10,000 awards takes ~6 s at rest and several times that under load. */
  SUBGRAPH_MUTATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(60_000),
  /** Postgres statement_timeout of the subgraph's connections: a statement already running is cancelled past it (the
   * request deadline only stops new fields). Above the request deadline, so background batches have room. */
  SUBGRAPH_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Postgres idle_in_transaction_session_timeout: a transaction left open cannot hold its row locks for ever. */
  SUBGRAPH_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
});

/** Submissions stores entries' files (libs/storage) and sweeps them. */
export const submissionsSchema = subgraphSchema.extend(storageSchema.shape).extend({
  /** How often PENDING attachments whose upload window passed are verified (REJECTED when no bytes came). */
  ATTACHMENT_VERIFY_POLL_MS: z.coerce.number().int().positive().default(60_000),
  /** How often unreferenced attachments older than ATTACHMENT_ORPHAN_HOURS are deleted (object and row). */
  ATTACHMENT_SWEEP_POLL_MS: z.coerce.number().int().positive().default(600_000),
  ATTACHMENT_ORPHAN_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
  /** castVote: the voter's account must be at least this old (hours). Unset: 24 with NODE_ENV=production, 0 otherwise (voteMinAccountAgeHours). */
  VOTE_MIN_ACCOUNT_AGE_HOURS: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().min(0).max(24 * 365).optional()),
});

export type SubmissionsConfig = z.infer<typeof submissionsSchema>;

/** The minimum account age to vote: VOTE_MIN_ACCOUNT_AGE_HOURS, else 24 h in production (new accounts cannot stuff a vote) and 0 elsewhere. */
export function voteMinAccountAgeHours(config: Pick<SubmissionsConfig, 'NODE_ENV' | 'VOTE_MIN_ACCOUNT_AGE_HOURS'>): number {
  return config.VOTE_MIN_ACCOUNT_AGE_HOURS ?? (config.NODE_ENV === 'production' ? 24 : 0);
}

export const solversSchema = subgraphSchema.extend({
  /** Where the web client lives: links in mail (password reset) point there. */
  WEB_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Outgoing mail server (smtp:// or smtps://, credentials in the URL). Unset: mail is written to the log (local use
   * only: refused in production, where reset links must never reach the logs). */
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value), // docker-compose passes an unset variable as ''
    z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional(),
  ),
  /** The From header of outgoing mail. */
  MAIL_FROM: z.string().min(3).default('Ideagora <no-reply@ideagora.local>'),
});

export type SolversConfig = z.infer<typeof solversSchema>;

/** Encrypts partner webhooks' signing secrets outside production; refused there (see loadConfig). */
export const LOCAL_WEBHOOK_SECRETS_KEY = '6c6f63616c2d6f6e6c792d776562686f6f6b2d736563726574732d6b65792d21';

export const challengesSchema = subgraphSchema.extend({
  /** AES-256-GCM key of the webhook endpoints' signing secrets at rest: 32 bytes as 64 hex digits (`openssl rand -hex 32`).
   * Required in production (the local default is refused). Changing it makes the stored secrets unreadable. */
  WEBHOOK_SECRETS_KEY: z.preprocess(
    (value) => (value === '' ? undefined : value), // docker-compose passes an unset variable as ''
    z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal digits (32 bytes, e.g. `openssl rand -hex 32`)').default(LOCAL_WEBHOOK_SECRETS_KEY),
  ),
  /** A failed webhook delivery is retried after this, doubling each time (capped at 1 h), for 24 h. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** How often due webhook deliveries are looked for when the queue was not nudged. */
  WEBHOOK_POLL_MS: z.coerce.number().int().positive().default(1000),
  /** Webhook deliveries in flight at once per process (each mostly waits on the partner's server, 10 s at most). */
  WEBHOOK_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(8),
});

export type ChallengesConfig = z.infer<typeof challengesSchema>;

function isPublicHttps(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/** The local Stripe emulator's address and the key/secret it accepts: the default when no Stripe key is set. */
export const LOCAL_STRIPE_API_URL = 'http://127.0.0.1:12111';
export const LOCAL_STRIPE_SECRET_KEY = 'sk_test_ideagora_local_emulator';
export const LOCAL_STRIPE_WEBHOOK_SECRET = 'whsec_ideagora_local_emulator_0123456789';
export const LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET = 'whsec_ideagora_local_emulator_connect_0123456789';

export const payoutsSchema = subgraphSchema.extend({
  /** Real Stripe (test or live) when set; otherwise the local emulator at STRIPE_API_URL. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key').optional(),
  /** Signs the platform's own events (payments, transfers, refunds, disputes): the account endpoint's secret. */
  STRIPE_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Signs Connect events (those of connected accounts, e.g. account.updated): the Connect endpoint's secret. Outside
   * production it defaults to STRIPE_WEBHOOK_SECRET (the Stripe CLI forwards both kinds signed with one secret). */
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Only for the emulator (or a proxy): where the Stripe API is. Ignored when unset with a real key. */
  STRIPE_API_URL: z.string().url().optional(),
  /** Platform fee charged on top of the prize pool, in basis points (1000 = 10 %). */
  PLATFORM_FEE_BASIS_POINTS: z.coerce.number().int().min(0).max(5000).default(1000),
  /** Payout transfers: how often due payouts are looked for, and the first retry delay (doubling, capped at 1 h). */
  PAYOUT_POLL_MS: z.coerce.number().int().positive().default(1000),
  PAYOUT_RETRY_BASE_MS: z.coerce.number().int().positive().default(2000),
  /** How long a payout being transferred is reserved; a crashed attempt is retried after it. */
  PAYOUT_CLAIM_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Transfers in flight at once per process (each waits on Stripe most of its time). Stripe allows 100 requests a
   * second in live mode and 25 in test mode; 4 lanes of ~200 ms each stay well under both. */
  PAYOUT_TRANSFER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  /** How often ended challenges are checked for refunds and settlement. */
  SETTLEMENT_POLL_MS: z.coerce.number().int().positive().default(1000),
  /** How often payout accounts with HELD payouts are read again from Stripe, in case an account.updated was lost
   * (0 turns the re-check off). */
  HELD_PAYOUT_RECHECK_MS: z.coerce.number().int().min(0).default(300_000),
  /** How often the ledger is reconciled with Stripe (0 turns the periodic run off). */
  RECONCILIATION_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** Where the web client lives: Stripe onboarding and payment pages return there. */
  PUBLIC_WEB_URL: z.string().url().default('http://localhost:3000'),
});

export type PayoutsConfig = z.infer<typeof payoutsSchema>;

export interface StripeSettings {
  secretKey: string;
  /** Verifies platform events (no `account`). */
  webhookSecret: string;
  /** Verifies Connect events (with an `account`). */
  connectWebhookSecret: string;
  /** host/port/protocol for the stripe SDK when talking to the emulator; undefined for api.stripe.com. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
  emulated: boolean;
}

/**
 * With no STRIPE_SECRET_KEY: the local emulator (and its local secrets). With one: Stripe itself; its webhook secret
 * is required, and in production the Connect endpoint's secret too (a second endpoint, a second secret).
 */
export function stripeSettings(config: PayoutsConfig): StripeSettings {
  const emulated = !config.STRIPE_SECRET_KEY;
  const issues: string[] = [];
  if (!emulated && !config.STRIPE_WEBHOOK_SECRET) issues.push('STRIPE_WEBHOOK_SECRET: required with STRIPE_SECRET_KEY');
  if (!emulated && !config.STRIPE_CONNECT_WEBHOOK_SECRET && config.NODE_ENV === 'production') {
    issues.push('STRIPE_CONNECT_WEBHOOK_SECRET: required with STRIPE_SECRET_KEY in production (the Connect endpoint signs with its own secret)');
  }
  if (emulated && config.NODE_ENV === 'production') issues.push('STRIPE_SECRET_KEY: required in production (the emulator is for local use)');
  if (issues.length > 0) throw new ConfigError(issues);
  const apiUrl = config.STRIPE_API_URL ?? (emulated ? LOCAL_STRIPE_API_URL : undefined);
  const url = apiUrl ? new URL(apiUrl) : undefined;
  return {
    secretKey: config.STRIPE_SECRET_KEY ?? LOCAL_STRIPE_SECRET_KEY,
    webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? LOCAL_STRIPE_WEBHOOK_SECRET,
    connectWebhookSecret:
      config.STRIPE_CONNECT_WEBHOOK_SECRET ?? (emulated ? LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET : (config.STRIPE_WEBHOOK_SECRET ?? LOCAL_STRIPE_WEBHOOK_SECRET)),
    api: url
      ? { host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), protocol: url.protocol === 'https:' ? 'https' : 'http' }
      : undefined,
    emulated,
  };
}

export const gatewaySchema = baseSchema.extend({
  PORT: port.default(4000),
  HOST: z.string().default('127.0.0.1'),
  SOLVERS_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
  CHALLENGES_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
  SUBMISSIONS_URL: z.string().url().default('http://127.0.0.1:4003/graphql'),
  PAYOUTS_URL: z.string().url().default('http://127.0.0.1:4004/graphql'),
  /** Comma-separated origins allowed by CORS (the web client). */
  CORS_ORIGINS: z.string().default('http://localhost:3000'),
  /** Gateway processes sharing the port (Node cluster); one per core the gateway may use. */
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * Which peers may tell the gateway the client's address (X-Forwarded-For), comma-separated: addresses, CIDR ranges,
   * or `loopback`, `linklocal`, `uniquelocal` (Express's "trust proxy"). Empty: none, the peer's own address counts.
   * Set it to your load balancer and the web client's servers; the per-address limits are only as good as this.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .refine((value) => value.split(',').map((v) => v.trim()).filter(Boolean).every(isProxyAddress), 'must list IP addresses, CIDR ranges, loopback, linklocal or uniquelocal'),
  /** Multiplies every per-address and per-account limit (1 = the documented values; tests and benchmarks raise it). */
  RATE_LIMIT_SCALE: z.coerce.number().min(1).max(1_000_000).default(1),
  /** Deadline of one subgraph fetch (connect to last byte); past it the fetch fails with TIMEOUT. Above the
   * subgraphs' own request deadline (SUBGRAPH_REQUEST_TIMEOUT_MS), so a slow subgraph usually answers TIMEOUT itself. */
  GATEWAY_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** The same for every fetch of a mutation operation; above SUBGRAPH_MUTATION_TIMEOUT_MS. */
  GATEWAY_MUTATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(65_000),
  /** The API key registry (issue 16): OUTBOX_POLL_MS for the gateway's own events (ApiKeysUsed); READ_MODEL_WAIT_MS and
   * READ_MODEL_MAX_WAITERS bound how long, and how many at once, requests with a key not heard of yet wait for it. */
  ...eventParticipantShape,
  /** How often the keys used since the last report are recorded as one ApiKeysUsed event (and at stop): a crash
   * loses at most this much of the keys' lastUsedAt. */
  API_KEY_USAGE_FLUSH_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
});

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix >= 0 && prefix <= (version === 4 ? 32 : 128);
}

export type BaseConfig = z.infer<typeof baseSchema>;
export type SubgraphConfig = z.infer<typeof subgraphSchema>;
export type GatewayConfig = z.infer<typeof gatewaySchema>;

/** Parses and checks the environment; throws ConfigError listing every problem. */
export function loadConfig<S extends typeof baseSchema>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const config = parsed.data as z.infer<S>;
  if ('S3_BUCKET' in schema.shape) {
    const storage = config as unknown as StorageConfig;
    if (!storage.S3_ACCESS_KEY_ID !== !storage.S3_SECRET_ACCESS_KEY) throw new ConfigError(['S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both, or neither (the default credential chain)']);
  }
  if (config.NODE_ENV === 'production') {
    const unsafe: string[] = [];
    if (PUBLISHED_SECRETS.has(config.AUTH_TOKEN_SECRET)) unsafe.push('AUTH_TOKEN_SECRET: a default written in the repository is not allowed in production');
    if (PUBLISHED_SECRETS.has(config.GATEWAY_IDENTITY_SECRET)) unsafe.push('GATEWAY_IDENTITY_SECRET: a default written in the repository is not allowed in production');
    // Files on the local filesystem: the secret signs their URLs, which must reach browsers over TLS.
    if ('FILES_SIGNING_SECRET' in schema.shape && !(config as unknown as StorageConfig).S3_BUCKET) {
      const storage = config as unknown as StorageConfig;
      if (PUBLISHED_SECRETS.has(storage.FILES_SIGNING_SECRET)) unsafe.push('FILES_SIGNING_SECRET: a default written in the repository is not allowed in production');
      if (!isPublicHttps(storage.FILES_PUBLIC_URL)) unsafe.push('FILES_PUBLIC_URL: the public https:// address of /files is required in production (file URLs point there)');
    }
    // Subgraphs keep their data there, the gateway its rate-limit counters.
    if (!config.DATABASE_URL) unsafe.push('DATABASE_URL: required in production (the embedded Postgres is for local use)');
    // A process that sends mail: without a server, mail (reset links included) would be written to the log.
    if ('SMTP_URL' in schema.shape && !(config as { SMTP_URL?: string }).SMTP_URL) unsafe.push('SMTP_URL: required in production (without it, mail is written to the log)');
    // Links in mail must reach users, over TLS: not the local default.
    if ('WEB_BASE_URL' in schema.shape && !isPublicHttps((config as { WEB_BASE_URL: string }).WEB_BASE_URL)) unsafe.push('WEB_BASE_URL: the web client\'s public https:// address is required in production (links in mail point there)');
    // The key of the partners' webhook secrets: the local default is written in this repository.
    if ('WEBHOOK_SECRETS_KEY' in schema.shape && (config as { WEBHOOK_SECRETS_KEY: string }).WEBHOOK_SECRETS_KEY.toLowerCase() === LOCAL_WEBHOOK_SECRETS_KEY) {
      unsafe.push('WEBHOOK_SECRETS_KEY: required in production (32 random bytes as 64 hex digits; the default written in the repository is not allowed)');
    }
    if (unsafe.length > 0) throw new ConfigError(unsafe);
  }
  return config;
}
