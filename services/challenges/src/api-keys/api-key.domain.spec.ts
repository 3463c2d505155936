import { API_SCOPES } from '@ideagora/auth';
import { FailedPreconditionError } from '@ideagora/subgraph-kit';
import {
  API_KEY_NAME_MAX,
  ApiKeyStatus as S,
  ApiScope,
  apiKeyStatus,
  assertCanCreateApiKey,
  MAX_ACTIVE_API_KEYS,
  parseApiKeyName,
  parseApiScopes,
  revocation,
} from './api-key.domain';

/** A BAD_USER_INPUT naming `field` (and matching `message` when given). */
const badInput = (field: string, message: RegExp = /./) => expect.objectContaining({ code: 'BAD_USER_INPUT', field, message: expect.stringMatching(message) });

describe('API key lifecycle', () => {
  it('is ACTIVE until revoked, REVOKED once revoked_at is set', () => {
    expect(apiKeyStatus({ revokedAt: null })).toBe(S.ACTIVE);
    expect(apiKeyStatus({ revokedAt: new Date() })).toBe(S.REVOKED);
  });

  it('walks every status through revoke: ACTIVE -> REVOKED changes, REVOKED stays without a change', () => {
    const walked = Object.values(S).map((from) => [from, revocation(from)]);
    expect(walked).toEqual([
      [S.ACTIVE, { next: S.REVOKED, changed: true }],
      [S.REVOKED, { next: S.REVOKED, changed: false }],
    ]);
  });

  it('never comes back: no status reaches ACTIVE', () => {
    for (const from of Object.values(S)) expect(revocation(from).next).not.toBe(S.ACTIVE);
  });
});

describe('API key input', () => {
  it('trims a name of 1 to 100 characters, and refuses blank, longer and multi-line ones (field name)', () => {
    expect(parseApiKeyName('  CI deploys  ')).toBe('CI deploys');
    expect(parseApiKeyName('é'.repeat(API_KEY_NAME_MAX))).toHaveLength(API_KEY_NAME_MAX);
    for (const bad of ['', '   ', 'x'.repeat(API_KEY_NAME_MAX + 1), 'two\nlines']) expect(() => parseApiKeyName(bad)).toThrow(badInput('name'));
  });

  it('takes known scopes once each, in the order given, and refuses none, unknown or repeated ones (field scopes)', () => {
    expect(parseApiScopes(['SUBMISSIONS_READ', 'CHALLENGES_READ'])).toEqual(['SUBMISSIONS_READ', 'CHALLENGES_READ']);
    expect(parseApiScopes([...API_SCOPES])).toEqual([...API_SCOPES]);
    for (const bad of [[], null, ['ADMIN'], ['CHALLENGES_READ', 'CHALLENGES_READ']]) expect(() => parseApiScopes(bad as string[])).toThrow(badInput('scopes'));
    expect(() => parseApiScopes(['CHALLENGES_READ', 'AWARDS_WRITE', 'CHALLENGES_READ'])).toThrow(badInput('scopes', /CHALLENGES_READ is named twice/));
  });

  it('the GraphQL enum is exactly the scopes of libs/auth', () => {
    expect(Object.keys(ApiScope)).toEqual([...API_SCOPES]);
    expect(Object.values(ApiScope)).toEqual([...API_SCOPES]);
  });

  it('allows a key while fewer than 50 are unrevoked', () => {
    expect(() => assertCanCreateApiKey(0)).not.toThrow();
    expect(() => assertCanCreateApiKey(MAX_ACTIVE_API_KEYS - 1)).not.toThrow();
    expect(() => assertCanCreateApiKey(MAX_ACTIVE_API_KEYS)).toThrow(FailedPreconditionError);
  });
});
