import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Checks a presigned (query-string) AWS Signature V4, as S3 does. s3rver accepts any V4 signature ("Signature version
 * 4 calculation is unimplemented" in its authentication middleware; it checks only the expiry and the access key id),
 * so the S3 tests put this in front of it: a tampered URL, or a PUT whose signed Content-Length or Content-Type differs,
 * is refused as S3 refuses it. Requests signed in an Authorization header (the SDK's own calls) are left to s3rver.
 */
export function presignedSignatureProblem(req: IncomingMessage, secretAccessKey: string, now = Date.now()): string | null {
  const url = new URL(req.url!, 'http://placeholder');
  const query = url.searchParams;
  if (!query.has('X-Amz-Signature')) return null;
  const [amzDate, credential, signedHeaders, expires, signature] = ['X-Amz-Date', 'X-Amz-Credential', 'X-Amz-SignedHeaders', 'X-Amz-Expires', 'X-Amz-Signature'].map((name) => query.get(name) ?? '');
  const [, date, region, service, terminator] = credential.split('/');
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || terminator !== 'aws4_request' || !/^\d{8}T\d{6}Z$/.test(amzDate)) return 'AuthorizationQueryParametersError';
  const signedAt = Date.UTC(+amzDate.slice(0, 4), +amzDate.slice(4, 6) - 1, +amzDate.slice(6, 8), +amzDate.slice(9, 11), +amzDate.slice(11, 13), +amzDate.slice(13, 15));
  if (now > signedAt + Number(expires) * 1000) return 'AccessDenied: Request has expired';

  const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const canonicalQuery = [...query.entries()]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [encode(name), encode(value)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headerValue = (name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
  };
  const names = signedHeaders.split(';');
  const canonicalRequest = [req.method, url.pathname, canonicalQuery, names.map((name) => `${name}:${headerValue(name)}\n`).join(''), signedHeaders, query.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD'].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  const expected = hmac(signingKey, stringToSign);
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'SignatureDoesNotMatch';
}
