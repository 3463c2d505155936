import { API_SCOPES, scopesFromForm, scopesInWords, SCOPE_WORDS, validateApiKey } from './api-keys';

describe('scopes in words', () => {
  it('says every scope in a line of its own, and a key’s scopes as one phrase in the form’s order', () => {
    expect(API_SCOPES.map((s) => SCOPE_WORDS[s].label)).toEqual([
      'Read challenges', 'Create, fund, publish and run challenges', 'Read entries', 'Award prizes', 'Manage webhooks',
    ]);
    expect(scopesInWords(['AWARDS_WRITE', 'CHALLENGES_READ'])).toBe('Read challenges and award prizes');
    expect(scopesInWords(['SUBMISSIONS_READ'])).toBe('Read entries');
    expect(scopesInWords(['WEBHOOKS_MANAGE', 'SUBMISSIONS_READ', 'CHALLENGES_READ'])).toBe('Read challenges, read entries and manage webhooks');
  });

  it('reads the ticked scopes of a form once each, dropping unknown ones', () => {
    const fd = new FormData();
    for (const s of ['AWARDS_WRITE', 'EVERYTHING', 'CHALLENGES_READ', 'AWARDS_WRITE']) fd.append('scopes', s);
    expect(scopesFromForm(fd)).toEqual(['CHALLENGES_READ', 'AWARDS_WRITE']);
  });
});

describe('validateApiKey', () => {
  it('wants a name of 1 to 100 characters on one line (as the server counts them) and a scope', () => {
    expect(validateApiKey(' CI deploys ', ['CHALLENGES_READ'])).toEqual({});
    expect(validateApiKey('🔑'.repeat(100), ['CHALLENGES_READ'])).toEqual({});
    for (const bad of ['', '   ', 'a'.repeat(101), 'CI\tdeploys']) expect(validateApiKey(bad, ['CHALLENGES_READ'])).toHaveProperty('name');
    expect(validateApiKey('CI', [])).toEqual({ scopes: 'Choose at least one thing the key may do.' });
    expect(validateApiKey('CI', ['ROOT'])).toEqual({ scopes: 'Choose at least one thing the key may do.' });
  });
});
