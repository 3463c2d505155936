import { ConfigError, gatewaySchema, loadConfig, subgraphSchema } from './config';

describe('loadConfig', () => {
  it('gives safe local defaults', () => {
    const config = loadConfig(subgraphSchema, {});
    expect(config.NODE_ENV).toBe('development');
    expect(config.PORT).toBe(0);
    expect(config.AUTH_TOKEN_SECRET.length).toBeGreaterThanOrEqual(32);
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

  it('names each invalid variable', () => {
    expect(() => loadConfig(subgraphSchema, { PORT: 'abc', AUTH_TOKEN_SECRET: 'short' })).toThrow(/PORT[\s\S]*AUTH_TOKEN_SECRET|AUTH_TOKEN_SECRET[\s\S]*PORT/);
  });
});
