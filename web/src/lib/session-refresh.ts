/**
 * When the proxy (src/proxy.ts) renews the access token, in pure functions: with a refresh token, when the access
 * token is missing or expires within REFRESH_AHEAD_SECONDS (a page rendering with it then has time to finish).
 */
import { GatewayError } from './errors';

export const REFRESH_AHEAD_SECONDS = 60;

/** The `exp` (seconds) of a JWT, read without verifying it (the gateway verifies); null when it has none. */
export function accessTokenExpiry(token: string): number | null {
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || !payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const { exp } = JSON.parse(json) as { exp?: unknown };
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : null;
  } catch {
    return null;
  }
}

/** True when there is a refresh token and the access token is missing, unreadable or about to expire. */
export function needsRefresh(cookies: { accessToken?: string; refreshToken?: string }, now = Date.now()): boolean {
  if (!cookies.refreshToken) return false;
  if (!cookies.accessToken) return true;
  const exp = accessTokenExpiry(cookies.accessToken);
  return exp === null || exp * 1000 - now < REFRESH_AHEAD_SECONDS * 1000;
}

/**
 * What a failed refresh means: `ended` when the API says the session is over (UNAUTHENTICATED: sign the user out),
 * `unavailable` for anything else (gateway unreachable or failing: leave the request and its cookies as they are).
 */
export function refreshFailure(error: unknown): 'ended' | 'unavailable' {
  return error instanceof GatewayError && error.code === 'UNAUTHENTICATED' ? 'ended' : 'unavailable';
}
