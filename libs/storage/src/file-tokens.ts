import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a filesystem upload/download URL allows: one method on one key until `expiresAt` (ms since the epoch). */
export type FileToken =
  | { method: 'PUT'; key: string; expiresAt: number; contentType: string; byteSize: number }
  | { method: 'GET'; key: string; expiresAt: number; contentType: string; disposition: string };

/** `e`: expiresAt, milliseconds since the epoch. Short names keep URLs short. */
type Payload = { v: 1; m: 'PUT'; k: string; e: number; t: string; s: number } | { v: 1; m: 'GET'; k: string; e: number; t: string; d: string };

// Domain separation: a MAC made for something else with the same secret never verifies as a file token.
const CONTEXT = 'ideagora-files-v1.';

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(CONTEXT).update(payload).digest();
}

/** `<base64url(JSON)>.<base64url(HMAC-SHA256)>`, URL-safe as a path segment. */
export function signFileToken(token: FileToken, secret: string): string {
  const payload: Payload =
    token.method === 'PUT'
      ? { v: 1, m: 'PUT', k: token.key, e: token.expiresAt, t: token.contentType, s: token.byteSize }
      : { v: 1, m: 'GET', k: token.key, e: token.expiresAt, t: token.contentType, d: token.disposition };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${mac(secret, encoded).toString('base64url')}`;
}

export type TokenCheck = { ok: true; token: FileToken } | { ok: false; reason: 'forged' | 'expired' | 'wrong-method' };

/** Checks the MAC (constant time), then the method and the expiry. `now`: milliseconds since the epoch. */
export function verifyFileToken(text: string, secret: string, method: 'PUT' | 'GET', now: number): TokenCheck {
  const [encoded, signature, ...rest] = text.split('.');
  if (!encoded || !signature || rest.length > 0) return { ok: false, reason: 'forged' };
  const expected = mac(secret, encoded);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Payload;
  } catch {
    return { ok: false, reason: 'forged' }; // only we sign: a valid MAC over bad JSON is a bug, refused all the same
  }
  if (payload.v !== 1) return { ok: false, reason: 'forged' };
  if (payload.m !== method) return { ok: false, reason: 'wrong-method' };
  if (!(payload.e > now)) return { ok: false, reason: 'expired' };
  const token: FileToken =
    payload.m === 'PUT'
      ? { method: 'PUT', key: payload.k, expiresAt: payload.e, contentType: payload.t, byteSize: payload.s }
      : { method: 'GET', key: payload.k, expiresAt: payload.e, contentType: payload.t, disposition: payload.d };
  return { ok: true, token };
}
