import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An organization's API key secret (issue 16): `igk_<key id, 32 hex digits>_<32 random bytes, base64url>`. The key id
 * inside lets the gateway find the key without a search; only the SHA-256 of the whole secret is stored (the random
 * part is 256 bits: a plain hash is enough, no password hashing), so a leaked table or event opens nothing.
 */
const PREFIX = 'igk_';
const SECRET_PATTERN = /^igk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function generateApiKeySecret(keyId: string): string {
  return `${PREFIX}${keyId.replace(/-/g, '').toLowerCase()}_${randomBytes(32).toString('base64url')}`;
}

/** Whether a bearer credential is meant as an API key (it may still be malformed). */
export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(PREFIX);
}

/** The key id a well-formed secret names (a UUID), or null. */
export function apiKeyIdOf(secret: string): string | null {
  const match = SECRET_PATTERN.exec(secret);
  if (!match) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Hex SHA-256 of the secret: what is stored and sent in ApiKeyChanged. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash in constant time. */
export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKeySecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
