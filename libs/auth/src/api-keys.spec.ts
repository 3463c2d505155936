import { randomUUID } from 'node:crypto';
import { apiKeyIdOf, apiKeySecretMatches, generateApiKeySecret, hashApiKeySecret, looksLikeApiKey } from './api-keys';

describe('API key secrets', () => {
  it('name their key and match only their own hash', () => {
    const id = randomUUID();
    const secret = generateApiKeySecret(id);
    expect(looksLikeApiKey(secret)).toBe(true);
    expect(apiKeyIdOf(secret)).toBe(id);
    expect(apiKeySecretMatches(secret, hashApiKeySecret(secret))).toBe(true);
    const other = generateApiKeySecret(id);
    expect(other).not.toBe(secret);
    expect(apiKeySecretMatches(other, hashApiKeySecret(secret))).toBe(false);
    expect(apiKeySecretMatches(secret, 'not hex')).toBe(false);
  });

  it('refuse anything malformed', () => {
    const secret = generateApiKeySecret(randomUUID());
    for (const bad of ['', 'igk_', `${secret}x`, secret.slice(0, -1), secret.replace('igk_', 'igx_'), `igk_${'g'.repeat(32)}_${'a'.repeat(43)}`, 'eyJhbGciOi.x.y']) {
      expect(apiKeyIdOf(bad)).toBeNull();
    }
    expect(looksLikeApiKey('eyJhbGciOi.x.y')).toBe(false);
  });
});
