import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A new endpoint's signing secret: `whsec_` and 32 random bytes in base64url (43 characters). Shown once. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Signing secrets at rest: AES-256-GCM under WEBHOOK_SECRETS_KEY (libs/config), a fresh 96-bit IV each time, the
 * endpoint's id as additional authenticated data (a sealed secret copied onto another endpoint's row does not open).
 * Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url parts; the version leaves room for a key rotation.
 */
export class WebhookSecretBox {
  private readonly key: Buffer;

  constructor(hexKey: string) {
    this.key = Buffer.from(hexKey, 'hex');
    if (this.key.length !== 32) throw new Error('the webhook secrets key must be 32 bytes (64 hex digits)');
  }

  seal(secret: string, endpointId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(endpointId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  /** The secret, or an error when the value was not sealed for this endpoint with this key (tampered, another key). */
  open(sealed: string, endpointId: string): string {
    const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) throw new Error('not a sealed webhook secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(endpointId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
