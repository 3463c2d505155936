import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  challengesSchema,
  ConfigError,
  gatewaySchema,
  loadConfig,
  LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET,
  LOCAL_STRIPE_WEBHOOK_SECRET,
  payoutsSchema,
  solversSchema,
  storageSchema,
  stripeSettings,
  subgraphSchema,
} from './config';

describe('loadConfig', () => {
  it('gives safe local defaults', () => {
    const config = loadConfig(subgraphSchema, {});
    expect(config.NODE_ENV).toBe('development');
    expect(config.PORT).toBe(0);
    expect(config.AUTH_TOKEN_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('gives short-lived access tokens (15 minutes) and 30-day sessions by default', () => {
    const config = loadConfig(solversSchema, {});
    expect([config.AUTH_TOKEN_TTL_SECONDS, config.SESSION_TTL_DAYS]).toEqual([900, 30]);
    expect(loadConfig(solversSchema, { SESSION_TTL_DAYS: '7' }).SESSION_TTL_DAYS).toBe(7);
    for (const invalid of ['0', '-1', '1.5', 'a month']) expect(() => loadConfig(solversSchema, { SESSION_TTL_DAYS: invalid })).toThrow(/SESSION_TTL_DAYS/);
  });

  it('waits up to 5 s for a read model by default, 100 commands at once; 0 turns the wait off; nonsense is refused', () => {
    const config = loadConfig(subgraphSchema, {});
    expect([config.READ_MODEL_WAIT_MS, config.READ_MODEL_MAX_WAITERS]).toEqual([5000, 100]);
    expect(loadConfig(subgraphSchema, { READ_MODEL_WAIT_MS: '0' }).READ_MODEL_WAIT_MS).toBe(0);
    for (const invalid of ['-1', '1.5', 'soon', '600000']) expect(() => loadConfig(subgraphSchema, { READ_MODEL_WAIT_MS: invalid })).toThrow(/READ_MODEL_WAIT_MS/);
    for (const invalid of ['-1', 'many']) expect(() => loadConfig(subgraphSchema, { READ_MODEL_MAX_WAITERS: invalid })).toThrow(/READ_MODEL_MAX_WAITERS/);
  });

  it('gateway: takes part in events (API key registry): waits like a subgraph, reports key usage every 30 s by default', () => {
    const config = loadConfig(gatewaySchema, {});
    expect([config.READ_MODEL_WAIT_MS, config.READ_MODEL_MAX_WAITERS, config.OUTBOX_POLL_MS, config.API_KEY_USAGE_FLUSH_MS]).toEqual([5000, 100, 1000, 30_000]);
    expect(loadConfig(gatewaySchema, { API_KEY_USAGE_FLUSH_MS: '1000', READ_MODEL_WAIT_MS: '0' })).toMatchObject({ API_KEY_USAGE_FLUSH_MS: 1000, READ_MODEL_WAIT_MS: 0 });
    for (const invalid of ['0', '-1', '1.5', 'often', '3600001']) expect(() => loadConfig(gatewaySchema, { API_KEY_USAGE_FLUSH_MS: invalid })).toThrow(/API_KEY_USAGE_FLUSH_MS/);
    for (const invalid of ['-1', 'soon', '600000']) expect(() => loadConfig(gatewaySchema, { READ_MODEL_WAIT_MS: invalid })).toThrow(/READ_MODEL_WAIT_MS/);
  });

  it('refuses local secrets and the embedded database in production', () => {
    expect(() => loadConfig(gatewaySchema, { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig(subgraphSchema, { NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'a'.repeat(40), GATEWAY_IDENTITY_SECRET: 'b'.repeat(40) })).toThrow(/DATABASE_URL/);
    const ok = loadConfig(gatewaySchema, {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/ideagora',
      AUTH_TOKEN_SECRET: 'a'.repeat(40),
      GATEWAY_IDENTITY_SECRET: 'b'.repeat(40),
    });
    expect(ok.PORT).toBe(4000);
  });

  it('encrypts webhook secrets with a local key outside production only; retries start at 30 s, 8 deliveries in flight', () => {
    const local = loadConfig(challengesSchema, {});
    expect(local.WEBHOOK_SECRETS_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect([local.WEBHOOK_RETRY_BASE_MS, local.WEBHOOK_DELIVERY_CONCURRENCY]).toEqual([30_000, 8]);
    // docker-compose passes an unset variable as an empty string: the default.
    expect(loadConfig(challengesSchema, { WEBHOOK_SECRETS_KEY: '' }).WEBHOOK_SECRETS_KEY).toBe(local.WEBHOOK_SECRETS_KEY);
    for (const invalid of ['short', 'g'.repeat(64), 'a'.repeat(63), 'a'.repeat(65)]) {
      expect(() => loadConfig(challengesSchema, { WEBHOOK_SECRETS_KEY: invalid })).toThrow(/WEBHOOK_SECRETS_KEY/);
    }
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/ideagora', AUTH_TOKEN_SECRET: 'a'.repeat(40), GATEWAY_IDENTITY_SECRET: 'b'.repeat(40) };
    expect(() => loadConfig(challengesSchema, production)).toThrow(/WEBHOOK_SECRETS_KEY: required in production/);
    expect(() => loadConfig(challengesSchema, { ...production, WEBHOOK_SECRETS_KEY: local.WEBHOOK_SECRETS_KEY.toUpperCase() })).toThrow(/WEBHOOK_SECRETS_KEY/);
    expect(loadConfig(challengesSchema, { ...production, WEBHOOK_SECRETS_KEY: 'ab'.repeat(32) }).WEBHOOK_SECRETS_KEY).toBe('ab'.repeat(32));
    // Other processes keep no webhook secrets.
    expect(() => loadConfig(subgraphSchema, production)).not.toThrow();
    for (const invalid of ['0', '-5', 'soon']) expect(() => loadConfig(challengesSchema, { WEBHOOK_RETRY_BASE_MS: invalid })).toThrow(/WEBHOOK_RETRY_BASE_MS/);
  });

  it('writes mail to the log locally, and refuses to run solvers in production without a mail server', () => {
    const local = loadConfig(solversSchema, {});
    expect([local.WEB_BASE_URL, local.SMTP_URL]).toEqual(['http://localhost:3000', undefined]);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/ideagora', AUTH_TOKEN_SECRET: 'a'.repeat(40), GATEWAY_IDENTITY_SECRET: 'b'.repeat(40) };
    expect(() => loadConfig(solversSchema, production)).toThrow(/SMTP_URL: required in production/);
    const mail = { SMTP_URL: 'smtps://user:pw@mail.example.com:465' };
    // Links in mail must point at the public site: the local default and plain http are refused.
    expect(() => loadConfig(solversSchema, { ...production, ...mail })).toThrow(/WEB_BASE_URL/);
    expect(() => loadConfig(solversSchema, { ...production, ...mail, WEB_BASE_URL: 'http://ideagora.example' })).toThrow(/WEB_BASE_URL/);
    const ok = loadConfig(solversSchema, { ...production, ...mail, WEB_BASE_URL: 'https://ideagora.example' });
    expect([ok.SMTP_URL, ok.WEB_BASE_URL]).toEqual(['smtps://user:pw@mail.example.com:465', 'https://ideagora.example']);
    // docker-compose passes an unset variable as an empty string: that is "no mail server", not an invalid URL.
    expect(loadConfig(solversSchema, { SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    // Other processes send no mail: they do not need it.
    expect(() => loadConfig(subgraphSchema, production)).not.toThrow();
    expect(() => loadConfig(solversSchema, { SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
  });

  it('bounds request deadlines: a subgraph stops at 10 s, a gateway fetch at 15 s, by default; nonsense refused', () => {
    expect(loadConfig(subgraphSchema, {}).SUBGRAPH_REQUEST_TIMEOUT_MS).toBe(10_000);
    expect(loadConfig(gatewaySchema, {}).GATEWAY_SUBGRAPH_TIMEOUT_MS).toBe(15_000);
    expect(loadConfig(gatewaySchema, { GATEWAY_SUBGRAPH_TIMEOUT_MS: '2500' }).GATEWAY_SUBGRAPH_TIMEOUT_MS).toBe(2_500);
    for (const invalid of ['0', '-1', '1.5', 'soon', '600000']) {
      expect(() => loadConfig(gatewaySchema, { GATEWAY_SUBGRAPH_TIMEOUT_MS: invalid })).toThrow(/GATEWAY_SUBGRAPH_TIMEOUT_MS/);
      expect(() => loadConfig(subgraphSchema, { SUBGRAPH_REQUEST_TIMEOUT_MS: invalid })).toThrow(/SUBGRAPH_REQUEST_TIMEOUT_MS/);
    }
  });

  it('names each invalid variable', () => {
    expect(() => loadConfig(subgraphSchema, { PORT: 'abc', AUTH_TOKEN_SECRET: 'short' })).toThrow(/PORT[\s\S]*AUTH_TOKEN_SECRET|AUTH_TOKEN_SECRET[\s\S]*PORT/);
  });

  it('gateway: trusts X-Forwarded-For only from listed proxies, keeps its counters in Postgres (required in production)', () => {
    expect(loadConfig(gatewaySchema, {}).TRUSTED_PROXIES).toBe('');
    expect(loadConfig(gatewaySchema, { TRUSTED_PROXIES: 'loopback, 10.0.0.0/8,2001:db8::1' }).TRUSTED_PROXIES).toBe('loopback, 10.0.0.0/8,2001:db8::1');
    for (const bad of ['everyone', '10.0.0.0/33', '10.0.0.1/x', 'example.com']) expect(() => loadConfig(gatewaySchema, { TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
    expect(loadConfig(gatewaySchema, {}).RATE_LIMIT_SCALE).toBe(1);
    const secrets = { NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'a'.repeat(40), GATEWAY_IDENTITY_SECRET: 'b'.repeat(40) };
    expect(() => loadConfig(gatewaySchema, secrets)).toThrow(/DATABASE_URL: required in production/);
    expect(() => loadConfig(gatewaySchema, { ...secrets, DATABASE_URL: 'postgres://u:p@db:5432/ideagora' })).not.toThrow();
  });

  it("refuses docker-compose.yml's default secrets in production too", () => {
    const compose = readFileSync(join(__dirname, '..', '..', '..', 'docker-compose.yml'), 'utf8');
    const defaults = Object.fromEntries([...compose.matchAll(/(AUTH_TOKEN_SECRET|GATEWAY_IDENTITY_SECRET): \$\{\w+:-([^}]+)\}/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(defaults).sort()).toEqual(['AUTH_TOKEN_SECRET', 'GATEWAY_IDENTITY_SECRET']);
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/ideagora', ...defaults };
    expect(() => loadConfig(gatewaySchema, env)).toThrow(/AUTH_TOKEN_SECRET[\s\S]*GATEWAY_IDENTITY_SECRET/);
  });

  it('verifies platform and Connect webhooks with separate secrets, both required with a live setup in production', () => {
    const local = stripeSettings(loadConfig(payoutsSchema, {}));
    expect([local.emulated, local.webhookSecret, local.connectWebhookSecret]).toEqual([true, LOCAL_STRIPE_WEBHOOK_SECRET, LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET]);
    const key = { STRIPE_SECRET_KEY: 'sk_test_abc' };
    expect(() => stripeSettings(loadConfig(payoutsSchema, key))).toThrow(/STRIPE_WEBHOOK_SECRET: required/);
    // Outside production, the Stripe CLI signs both kinds with one secret.
    const cli = stripeSettings(loadConfig(payoutsSchema, { ...key, STRIPE_WEBHOOK_SECRET: 'whsec_from_the_cli_0123' }));
    expect([cli.webhookSecret, cli.connectWebhookSecret]).toEqual(['whsec_from_the_cli_0123', 'whsec_from_the_cli_0123']);
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/ideagora',
      AUTH_TOKEN_SECRET: 'a'.repeat(40),
      GATEWAY_IDENTITY_SECRET: 'b'.repeat(40),
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_account_endpoint_0123',
    };
    expect(() => stripeSettings(loadConfig(payoutsSchema, production))).toThrow(/STRIPE_CONNECT_WEBHOOK_SECRET: required/);
    const live = stripeSettings(loadConfig(payoutsSchema, { ...production, STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_connect_endpoint_0123' }));
    expect([live.webhookSecret, live.connectWebhookSecret]).toEqual(['whsec_account_endpoint_0123', 'whsec_connect_endpoint_0123']);
    expect(() => loadConfig(payoutsSchema, { STRIPE_CONNECT_WEBHOOK_SECRET: 'short' })).toThrow(/STRIPE_CONNECT_WEBHOOK_SECRET/);
  });

  describe('file storage', () => {
    const schema = subgraphSchema.extend(storageSchema.shape);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/ideagora', AUTH_TOKEN_SECRET: 'a'.repeat(40), GATEWAY_IDENTITY_SECRET: 'b'.repeat(40) };

    it('stores files under DATA_DIR, reached through the gateway\'s /files, by default', () => {
      const config = loadConfig(schema, {});
      expect([config.DATA_DIR, config.FILES_PUBLIC_URL, config.S3_BUCKET, config.S3_REGION, config.S3_FORCE_PATH_STYLE]).toEqual(['.data', 'http://localhost:4000/files', undefined, 'us-east-1', false]);
      expect(config.FILES_SIGNING_SECRET.length).toBeGreaterThanOrEqual(32);
    });

    it('reads an S3 setup; docker-compose\'s empty strings count as unset', () => {
      const config = loadConfig(schema, { S3_BUCKET: 'ideagora-files', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_REGION: 'eu-west-3', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'key', S3_FORCE_PATH_STYLE: 'true' });
      expect([config.S3_BUCKET, config.S3_ENDPOINT, config.S3_REGION, config.S3_ACCESS_KEY_ID, config.S3_FORCE_PATH_STYLE]).toEqual(['ideagora-files', 'http://127.0.0.1:9000', 'eu-west-3', 'id', true]);
      const unset = loadConfig(schema, { S3_BUCKET: '', S3_ENDPOINT: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '', S3_FORCE_PATH_STYLE: '' });
      expect([unset.S3_BUCKET, unset.S3_ENDPOINT, unset.S3_ACCESS_KEY_ID, unset.S3_FORCE_PATH_STYLE]).toEqual([undefined, undefined, undefined, false]);
    });

    it('refuses nonsense, a short secret, and half a pair of S3 credentials', () => {
      expect(() => loadConfig(schema, { FILES_SIGNING_SECRET: 'short' })).toThrow(/FILES_SIGNING_SECRET: must be at least 32 characters/);
      expect(() => loadConfig(schema, { FILES_PUBLIC_URL: 'files' })).toThrow(/FILES_PUBLIC_URL/);
      expect(() => loadConfig(schema, { S3_BUCKET: 'Not A Bucket' })).toThrow(/S3_BUCKET/);
      expect(() => loadConfig(schema, { S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
      expect(() => loadConfig(schema, { S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
      expect(() => loadConfig(schema, { S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'id' })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both, or neither/);
    });

    it('production: the filesystem storage needs its own secret and a public https:// address', () => {
      expect(() => loadConfig(schema, production)).toThrow(/FILES_SIGNING_SECRET: a default written in the repository[\s\S]*FILES_PUBLIC_URL/);
      expect(() => loadConfig(schema, { ...production, FILES_SIGNING_SECRET: 'f'.repeat(40), FILES_PUBLIC_URL: 'http://ideagora.example/files' })).toThrow(/FILES_PUBLIC_URL/);
      const ok = loadConfig(schema, { ...production, FILES_SIGNING_SECRET: 'f'.repeat(40), FILES_PUBLIC_URL: 'https://ideagora.example/files' });
      expect(ok.FILES_PUBLIC_URL).toBe('https://ideagora.example/files');
      // With S3 the secret signs nothing and the URLs are the bucket's: neither is asked for.
      expect(() => loadConfig(schema, { ...production, S3_BUCKET: 'ideagora-files' })).not.toThrow();
      // Processes without storage are not concerned.
      expect(() => loadConfig(subgraphSchema, production)).not.toThrow();
    });
  });
});
