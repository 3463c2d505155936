/**
 * The session's two httpOnly cookies, shared by server actions (session.ts) and the proxy (src/proxy.ts). No
 * next/headers here: the proxy imports it.
 *
 * - `ideagora_session`: the access token (a JWT the gateway verifies), kept as long as it is valid (15 minutes by
 *   default, from the API's expiresAt).
 * - `ideagora_refresh`: the session's refresh token, which the proxy trades for a new access token; kept for the
 *   session's absolute lifetime (SESSION_TTL_DAYS, as the solvers service is configured; 30 by default).
 */
export const SESSION_COOKIE = 'ideagora_session';
export const REFRESH_COOKIE = 'ideagora_refresh';

const DEFAULT_SESSION_TTL_DAYS = 30;

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  maxAge: number;
}

/** Both cookies: httpOnly (never in the browser's JavaScript), SameSite=Lax, Secure in production, for the whole site. */
export function sessionCookieOptions(maxAge: number, env: Record<string, string | undefined> = process.env): SessionCookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.NODE_ENV === 'production' && env.IDEAGORA_INSECURE_COOKIES !== '1',
    path: '/',
    maxAge,
  };
}

/** Seconds until the access token expires (the API's expiresAt); at least 1, so the cookie is set at all. */
export function accessCookieMaxAge(expiresAt: string, now = Date.now()): number {
  const seconds = Math.floor((new Date(expiresAt).getTime() - now) / 1000);
  return Number.isFinite(seconds) ? Math.max(1, seconds) : 1;
}

/** SESSION_TTL_DAYS in seconds; an unset or invalid value falls back to the API's default (30 days). */
export function refreshCookieMaxAge(env: Record<string, string | undefined> = process.env): number {
  const days = Number(env.SESSION_TTL_DAYS);
  return (Number.isInteger(days) && days > 0 ? days : DEFAULT_SESSION_TTL_DAYS) * 24 * 3600;
}
