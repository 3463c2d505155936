import { signFileToken, verifyFileToken, type FileToken } from './file-tokens';

const secret = 's'.repeat(40);
const put: FileToken = { method: 'PUT', key: 'attachments/u1/a1', expiresAt: 2_000_000, contentType: 'image/png', byteSize: 1234 };

describe('file tokens', () => {
  it('verify what they sign, for their method, until they expire', () => {
    const token = signFileToken(put, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/); // one path segment, no escaping needed
    expect(verifyFileToken(token, secret, 'PUT', 1_999_999)).toEqual({ ok: true, token: put });
    expect(verifyFileToken(token, secret, 'PUT', 2_000_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyFileToken(token, secret, 'GET', 1_000_000)).toEqual({ ok: false, reason: 'wrong-method' });
  });

  it('refuse another secret, an edited payload, an edited or cut signature, garbage', () => {
    const token = signFileToken(put, secret);
    const [payload, signature] = token.split('.');
    const bigger = Buffer.from(JSON.stringify({ v: 1, m: 'PUT', k: put.key, e: put.expiresAt, t: put.contentType, s: 26_000_000 })).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    for (const forged of [signFileToken(put, 't'.repeat(40)), `${bigger}.${signature}`, `${payload}.${flipped}`, `${payload}.${signature.slice(0, 20)}`, `${payload}.`, 'garbage', `${token}.x`]) {
      expect(verifyFileToken(forged, secret, 'PUT', 1_000_000)).toEqual({ ok: false, reason: 'forged' });
    }
  });

  it('carry the disposition and content type of a download', () => {
    const get: FileToken = { method: 'GET', key: 'k', expiresAt: 5000, contentType: 'application/pdf', disposition: 'attachment; filename="a.pdf"' };
    expect(verifyFileToken(signFileToken(get, secret), secret, 'GET', 0)).toEqual({ ok: true, token: get });
  });
});
