import { newSigningSecret, WebhookSecretBox } from './webhook.secrets';

const KEY = 'ab'.repeat(32);
const ENDPOINT = '0195f3a2-7c1e-7a00-8000-000000000001';

describe('webhook signing secrets', () => {
  it('are whsec_ and 32 random bytes in base64url', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it('are sealed with AES-256-GCM: opened with the key and the endpoint, never stored in clear', () => {
    const box = new WebhookSecretBox(KEY);
    const secret = newSigningSecret();
    const sealed = box.seal(secret, ENDPOINT);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.seal(secret, ENDPOINT)).not.toBe(sealed); // a fresh IV each time
    expect(box.open(sealed, ENDPOINT)).toBe(secret);
  });

  it('do not open with another key, for another endpoint, or once tampered with', () => {
    const sealed = new WebhookSecretBox(KEY).seal('whsec_x', ENDPOINT);
    expect(() => new WebhookSecretBox('cd'.repeat(32)).open(sealed, ENDPOINT)).toThrow();
    expect(() => new WebhookSecretBox(KEY).open(sealed, '0195f3a2-7c1e-7a00-8000-000000000002')).toThrow();
    const [version, iv, tag, ciphertext] = sealed.split('.');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    expect(() => new WebhookSecretBox(KEY).open([version, iv, tag, flipped.toString('base64url')].join('.'), ENDPOINT)).toThrow();
    expect(() => new WebhookSecretBox(KEY).open('whsec_x', ENDPOINT)).toThrow(/not a sealed/);
    expect(() => new WebhookSecretBox('ab')).toThrow(/32 bytes/);
  });
});
