import { signWebhookPayload, verifyWebhookSignature } from './webhook-signature';

/**
 * A known vector, computed independently of this code:
 *   printf '%s' '1700000000.{"id":"0195f3a2-7c1e-7a00-8000-00000000abcd","type":"challenge.published","createdAt":"2023-11-14T22:13:20.000Z","data":{"challengeId":"0195f3a2-7c1e-7a00-8000-00000000abce"}}' \
 *     | openssl dgst -sha256 -hmac 'whsec_test_secret_0123456789'
 *   SHA2-256(stdin)= d0f607a4ef852c15f0142a8f375d56117bc1ba3a06c5f080ef56b630000aa952
 */
const BODY =
  '{"id":"0195f3a2-7c1e-7a00-8000-00000000abcd","type":"challenge.published","createdAt":"2023-11-14T22:13:20.000Z","data":{"challengeId":"0195f3a2-7c1e-7a00-8000-00000000abce"}}';
const SECRET = 'whsec_test_secret_0123456789';
const T = 1_700_000_000;
const EXPECTED = 'd0f607a4ef852c15f0142a8f375d56117bc1ba3a06c5f080ef56b630000aa952';

describe('webhook signatures', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256 as openssl does', () => {
    expect(signWebhookPayload(BODY, SECRET, T)).toBe(`t=${T},v1=${EXPECTED}`);
    // Bytes or the same text: one signature.
    expect(signWebhookPayload(Buffer.from(BODY, 'utf8'), SECRET, T)).toBe(`t=${T},v1=${EXPECTED}`);
  });

  it('verifies its own header and the known vector within the tolerance', () => {
    expect(verifyWebhookSignature(BODY, `t=${T},v1=${EXPECTED}`, SECRET, { now: T })).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(BODY), signWebhookPayload(BODY, SECRET, T), SECRET, { now: new Date((T + 299) * 1000) })).toBe(true);
    expect(verifyWebhookSignature(BODY, signWebhookPayload(BODY, SECRET, T), SECRET, { now: T - 300 })).toBe(true);
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhookSignature(BODY, signWebhookPayload(BODY, SECRET, now), SECRET)).toBe(true);
  });

  it('refuses a stale or future timestamp, beyond the tolerance either way', () => {
    const header = signWebhookPayload(BODY, SECRET, T);
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: T + 301 })).toBe(false);
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: T - 301 })).toBe(false);
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: T + 3600, toleranceSeconds: 7200 })).toBe(true);
  });

  it('refuses another body, another secret, another timestamp with the same v1', () => {
    const header = signWebhookPayload(BODY, SECRET, T);
    expect(verifyWebhookSignature(`${BODY} `, header, SECRET, { now: T })).toBe(false);
    expect(verifyWebhookSignature(BODY.replace('published', 'closed'), header, SECRET, { now: T })).toBe(false);
    expect(verifyWebhookSignature(BODY, header, `${SECRET}x`, { now: T })).toBe(false);
    expect(verifyWebhookSignature(BODY, `t=${T + 1},v1=${EXPECTED}`, SECRET, { now: T })).toBe(false);
  });

  it('accepts any one of several v1 values (a secret being rotated), in any order', () => {
    const other = signWebhookPayload(BODY, 'whsec_the_old_secret', T).split('v1=')[1];
    expect(verifyWebhookSignature(BODY, `t=${T},v1=${other},v1=${EXPECTED}`, SECRET, { now: T })).toBe(true);
    expect(verifyWebhookSignature(BODY, `t=${T},v1=${EXPECTED},v1=${other}`, SECRET, { now: T })).toBe(true);
    expect(verifyWebhookSignature(BODY, `t=${T},v1=${other}`, SECRET, { now: T })).toBe(false);
    // Parts it does not know are ignored; spaces around parts are tolerated.
    expect(verifyWebhookSignature(BODY, ` t=${T}, v0=abc, v1=${EXPECTED.toUpperCase()} `, SECRET, { now: T })).toBe(true);
  });

  it('never throws on a malformed header: it is just not valid', () => {
    for (const header of [
      undefined,
      null,
      '',
      'garbage',
      `v1=${EXPECTED}`,
      `t=${T}`,
      `t=${T},t=${T},v1=${EXPECTED}`,
      `t=abc,v1=${EXPECTED}`,
      `t=-${T},v1=${EXPECTED}`,
      `t=${T}.5,v1=${EXPECTED}`,
      `t=${T},v1=${EXPECTED.slice(0, 63)}`,
      `t=${T},v1=${EXPECTED}00`,
      `t=${T},v1=${'z'.repeat(64)}`,
      `t=${T},v1=${EXPECTED}`.repeat(200),
    ]) {
      expect(verifyWebhookSignature(BODY, header, SECRET, { now: T })).toBe(false);
    }
    expect(verifyWebhookSignature(BODY, `t=${T},v1=${EXPECTED}`, '', { now: T })).toBe(false);
  });

  it('refuses to sign with a bad timestamp or no secret', () => {
    expect(() => signWebhookPayload(BODY, SECRET, 1.5)).toThrow(RangeError);
    expect(() => signWebhookPayload(BODY, SECRET, -1)).toThrow(RangeError);
    expect(() => signWebhookPayload(BODY, '', T)).toThrow(TypeError);
  });
});
