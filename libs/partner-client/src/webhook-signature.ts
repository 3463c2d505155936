import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `Ideagora-Signature` header of a partner webhook delivery, for both sides: Ideagora signs each attempt, the
 * partner's receiver verifies it (docs/ARCHITECTURE.md, "Partner webhooks"). The header reads
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's signing secret>`: the
 * timestamp is signed with the body, so a captured delivery cannot be replayed later than the receiver's tolerance.
 * A header may carry several `v1` values (e.g. while a secret is being rotated): one matching is enough.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'Ideagora-Signature';

/** How far from the receiver's clock a delivery's timestamp may be, by default (5 minutes, either way). */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/** The raw body as sent: the exact bytes (a string is taken as UTF-8). Never a re-serialised object. */
export type RawBody = string | Uint8Array;

function hmacHex(rawBody: RawBody, secret: string, timestampSeconds: number): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
}

/** The header value for `rawBody` signed with `secret` at `timestampSeconds` (a whole number of seconds since 1970). */
export function signWebhookPayload(rawBody: RawBody, secret: string, timestampSeconds: number): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) throw new RangeError('timestampSeconds must be a whole number of seconds since 1970');
  if (typeof secret !== 'string' || secret.length === 0) throw new TypeError('secret is required');
  return `t=${timestampSeconds},v1=${hmacHex(rawBody, secret, timestampSeconds)}`;
}

export interface VerifyWebhookSignatureOptions {
  /** Largest accepted distance between the signed timestamp and `now`, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The receiver's clock: a Date, or unix seconds (default: now). */
  now?: Date | number;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const SECONDS = /^\d{1,12}$/;

/**
 * Whether `header` is a valid signature of `rawBody` with `secret`: exactly one `t` (whole seconds) within the
 * tolerance of `now`, and at least one `v1` equal to the expected HMAC (compared in constant time). Unknown parts
 * (a future `v2`) are ignored. Never throws on a malformed header: it is just not valid.
 */
export function verifyWebhookSignature(rawBody: RawBody, header: string | null | undefined, secret: string, options: VerifyWebhookSignatureOptions = {}): boolean {
  if (typeof header !== 'string' || typeof secret !== 'string' || secret.length === 0 || header.length > 4096) return false;
  const tolerance = options.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const nowSeconds = options.now === undefined ? Date.now() / 1000 : options.now instanceof Date ? options.now.getTime() / 1000 : options.now;
  const timestamps: string[] = [];
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') timestamps.push(value);
    else if (key === 'v1') signatures.push(value.toLowerCase());
  }
  if (timestamps.length !== 1 || !SECONDS.test(timestamps[0]) || signatures.length === 0) return false;
  const timestamp = Number(timestamps[0]);
  if (!Number.isFinite(nowSeconds) || Math.abs(nowSeconds - timestamp) > tolerance) return false;
  const expected = Buffer.from(hmacHex(rawBody, secret, timestamp), 'hex');
  let valid = false;
  for (const signature of signatures) {
    // Every candidate is compared (no early exit), each in constant time.
    if (HEX_SHA256.test(signature) && timingSafeEqual(Buffer.from(signature, 'hex'), expected)) valid = true;
  }
  return valid;
}
