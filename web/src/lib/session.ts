import { cookies } from 'next/headers';

export const SESSION_COOKIE = 'ideagora_session';
const MAX_AGE_SECONDS = 12 * 60 * 60; // the gateway's default token lifetime

/** The bearer token lives only in an httpOnly cookie: never in the browser's JavaScript. */
export async function getToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value || undefined;
}

export async function setToken(token: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production' && process.env.IDEAGORA_INSECURE_COOKIES !== '1',
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  });
}

export async function clearToken(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
