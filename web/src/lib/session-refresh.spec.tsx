/** When the proxy renews the access token, and the cookies it keeps: pure functions. */
import { GatewayError } from './errors';
import { accessCookieMaxAge, refreshCookieMaxAge, sessionCookieOptions } from './session-cookies';
import { accessTokenExpiry, needsRefresh, refreshFailure } from './session-refresh';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT-shaped token (header.payload.signature); the signature is not checked here, the gateway checks it. */
const jwt = (payload: object) => `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`;
const expiringIn = (seconds: number) => jwt({ sub: 'u1', sid: 's1', exp: NOW / 1000 + seconds });

describe('accessTokenExpiry', () => {
  it('reads exp from the payload without verifying', () => {
    expect(accessTokenExpiry(jwt({ sub: 'u1', exp: 1_795_000_000 }))).toBe(1_795_000_000);
    // base64url characters (- and _) and no padding, as JWTs are written.
    expect(accessTokenExpiry(jwt({ sub: 'é?>~~~', exp: 1_795_000_001 }))).toBe(1_795_000_001);
  });

  it('answers null for anything that is not a JWT with a numeric exp', () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', `x.${encode({ exp: 'soon' })}.y`, `x.${encode({ sub: 'u1' })}.y`, 'x.%%%.y', `x.${btoa('not json')}.y`]) {
      expect(accessTokenExpiry(token)).toBeNull();
    }
  });
});

describe('needsRefresh', () => {
  it('never without a refresh token', () => {
    expect(needsRefresh({}, NOW)).toBe(false);
    expect(needsRefresh({ accessToken: expiringIn(-5) }, NOW)).toBe(false);
  });

  it('when the access token is missing or unreadable', () => {
    expect(needsRefresh({ refreshToken: 'r' }, NOW)).toBe(true);
    expect(needsRefresh({ refreshToken: 'r', accessToken: 'garbage' }, NOW)).toBe(true);
  });

  it('when the access token expires within 60 seconds, not before', () => {
    expect(needsRefresh({ refreshToken: 'r', accessToken: expiringIn(15 * 60) }, NOW)).toBe(false);
    expect(needsRefresh({ refreshToken: 'r', accessToken: expiringIn(61) }, NOW)).toBe(false);
    expect(needsRefresh({ refreshToken: 'r', accessToken: expiringIn(60) }, NOW)).toBe(false);
    expect(needsRefresh({ refreshToken: 'r', accessToken: expiringIn(59) }, NOW)).toBe(true);
    expect(needsRefresh({ refreshToken: 'r', accessToken: expiringIn(-3600) }, NOW)).toBe(true);
  });
});

describe('refreshFailure', () => {
  it('signs out only when the API says the session has ended', () => {
    expect(refreshFailure(new GatewayError([{ message: 'This session has ended. Log in again.', extensions: { code: 'UNAUTHENTICATED' } }]))).toBe('ended');
    expect(refreshFailure(new GatewayError([{ message: 'The Ideagora API is unreachable', extensions: { code: 'UNAVAILABLE' } }]))).toBe('unavailable');
    expect(refreshFailure(new GatewayError([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], 500))).toBe('unavailable');
    expect(refreshFailure(new TypeError('fetch failed'))).toBe('unavailable');
  });
});

describe('session cookies', () => {
  it('keep the access token as long as it is valid, and the refresh token SESSION_TTL_DAYS', () => {
    expect(accessCookieMaxAge('2026-11-27T10:15:00.000Z', NOW)).toBe(900);
    expect(accessCookieMaxAge('2026-11-27T09:00:00.000Z', NOW)).toBe(1);
    expect(accessCookieMaxAge('not a date', NOW)).toBe(1);
    expect(refreshCookieMaxAge({})).toBe(30 * 24 * 3600);
    expect(refreshCookieMaxAge({ SESSION_TTL_DAYS: '7' })).toBe(7 * 24 * 3600);
    expect(refreshCookieMaxAge({ SESSION_TTL_DAYS: '-1' })).toBe(30 * 24 * 3600);
    expect(refreshCookieMaxAge({ SESSION_TTL_DAYS: 'many' })).toBe(30 * 24 * 3600);
  });

  it('are httpOnly, SameSite=Lax, for the whole site, and Secure in production', () => {
    expect(sessionCookieOptions(900, { NODE_ENV: 'development' })).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 900 });
    expect(sessionCookieOptions(900, { NODE_ENV: 'production' }).secure).toBe(true);
    expect(sessionCookieOptions(900, { NODE_ENV: 'production', IDEAGORA_INSECURE_COOKIES: '1' }).secure).toBe(false);
  });
});
