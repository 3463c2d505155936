import { decodeJwt } from 'jose';
import { hashPassword, verifyPassword } from './password';
import { InvalidTokenError, issueAccessToken, issueUserToken, signIdentity, verifyIdentity, verifyUserToken } from './tokens';

const secret = 'x'.repeat(40);

describe('tokens', () => {
  it('round-trips a user token and rejects another secret', async () => {
    const token = await issueUserToken('u1', secret, 60);
    await expect(verifyUserToken(token, secret)).resolves.toEqual({ userId: 'u1' });
    await expect(verifyUserToken(token, 'y'.repeat(40))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('rejects an expired user token', async () => {
    const token = await issueUserToken('u1', secret, -10);
    await expect(verifyUserToken(token, secret)).rejects.toThrow('token expired');
  });

  it('carries the session id (sid) of an access token and says when it expires', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { token, expiresAt } = await issueAccessToken('u1', secret, 900, 's1');
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'u1', sid: 's1' });
    expect(claims.exp).toBe(expiresAt.getTime() / 1000);
    expect(claims.exp! - before).toBeGreaterThanOrEqual(900);
    expect(claims.exp! - before).toBeLessThanOrEqual(901);
    // The gateway verifies it as before: sid is not checked.
    await expect(verifyUserToken(token, secret)).resolves.toEqual({ userId: 'u1' });
    // Without a session (tests, the benchmark): no sid.
    expect(decodeJwt(await issueUserToken('u1', secret, 60))).not.toHaveProperty('sid');
  });

  it('binds an identity to one audience', async () => {
    const signed = await signIdentity({ userId: 'u1', scopes: ['user'] }, 'challenges', secret, 60);
    await expect(verifyIdentity(signed, 'challenges', secret)).resolves.toEqual({ userId: 'u1', scopes: ['user'] });
    await expect(verifyIdentity(signed, 'payouts', secret)).rejects.toBeInstanceOf(InvalidTokenError);
    const anonymous = await signIdentity({ userId: null, scopes: [] }, 'solvers', secret, 60);
    await expect(verifyIdentity(anonymous, 'solvers', secret)).resolves.toEqual({ userId: null, scopes: [] });
  });

  it('signs the client address with the rest: verified as sent, a tampered one refused', async () => {
    const signed = await signIdentity({ userId: 'u1', scopes: ['user'], clientAddress: '203.0.113.7' }, 'submissions', secret, 60);
    await expect(verifyIdentity(signed, 'submissions', secret)).resolves.toEqual({ userId: 'u1', scopes: ['user'], clientAddress: '203.0.113.7' });
    const anonymous = await signIdentity({ userId: null, scopes: [], clientAddress: '2001:db8::1' }, 'submissions', secret, 60);
    await expect(verifyIdentity(anonymous, 'submissions', secret)).resolves.toEqual({ userId: null, scopes: [], clientAddress: '2001:db8::1' });
    // Another address in the payload, the signature kept: refused.
    const [header, payload, signature] = signed.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, addr: '198.51.100.1' })).toString('base64url'), signature].join('.');
    await expect(verifyIdentity(tampered, 'submissions', secret)).rejects.toBeInstanceOf(InvalidTokenError);
    // Without an address (identities not made for a client request): none comes back.
    const plain = await verifyIdentity(await signIdentity({ userId: 'u1', scopes: [] }, 'submissions', secret, 60), 'submissions', secret);
    expect(plain).not.toHaveProperty('clientAddress');
  });

  it("carries an API key's id and organization; a key claim naming another principal is refused", async () => {
    const key = { userId: 'k1', scopes: ['CHALLENGES_READ'], apiKey: { id: 'k1', organizationId: 'o1' } };
    const signed = await signIdentity(key, 'challenges', secret, 60);
    await expect(verifyIdentity(signed, 'challenges', secret)).resolves.toEqual(key);
    const forged = await signIdentity({ ...key, userId: 'u2' }, 'challenges', secret, 60);
    await expect(verifyIdentity(forged, 'challenges', secret)).rejects.toBeInstanceOf(InvalidTokenError);
    const user = await verifyIdentity(await signIdentity({ userId: 'u1', scopes: ['user'] }, 'challenges', secret, 60), 'challenges', secret);
    expect(user).not.toHaveProperty('apiKey');
  });

  it('a user token is not an identity', async () => {
    const token = await issueUserToken('u1', secret, 60);
    await expect(verifyIdentity(token, 'challenges', secret)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});

describe('passwords', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery', 2 ** 10);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('wrong horse battery', hash)).resolves.toBe(false);
    expect(hash).not.toContain('correct');
  });
});
