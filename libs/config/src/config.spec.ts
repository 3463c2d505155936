import { ConfigError, gatewaySchema, loadConfig, solversSchema, subgraphSchema } from './config';

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

  it('names each invalid variable', () => {
    expect(() => loadConfig(subgraphSchema, { PORT: 'abc', AUTH_TOKEN_SECRET: 'short' })).toThrow(/PORT[\s\S]*AUTH_TOKEN_SECRET|AUTH_TOKEN_SECRET[\s\S]*PORT/);
  });
});
