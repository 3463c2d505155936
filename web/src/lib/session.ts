import { cookies } from 'next/headers';
import { accessCookieMaxAge, REFRESH_COOKIE, refreshCookieMaxAge, SESSION_COOKIE, sessionCookieOptions } from './session-cookies';

export { REFRESH_COOKIE, SESSION_COOKIE } from './session-cookies';

/** The bearer (access) token lives only in an httpOnly cookie: never in the browser's JavaScript. */
export async function getToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value || undefined;
}

export async function getRefreshToken(): Promise<string | undefined> {
  return (await cookies()).get(REFRESH_COOKIE)?.value || undefined;
}

/** What logIn, signUp and resetPassword answer: the access token (until expiresAt) and the session's refresh token. */
export interface SessionGrant {
  token: string;
  refreshToken: string;
  expiresAt: string;
}

/** Signs the browser in: both cookies (the proxy renews the access token from the refresh token). */
export async function setSession({ token, refreshToken, expiresAt }: SessionGrant): Promise<void> {
  const jar = await cookies();
  jar.set(SESSION_COOKIE, token, sessionCookieOptions(accessCookieMaxAge(expiresAt)));
  jar.set(REFRESH_COOKIE, refreshToken, sessionCookieOptions(refreshCookieMaxAge()));
}

export async function clearSession(): Promise<void> {
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  jar.delete(REFRESH_COOKIE);
}
