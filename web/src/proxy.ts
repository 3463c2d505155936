import { NextResponse, type NextRequest } from 'next/server';
import { fetchGateway } from '@/lib/gateway-fetch';
import { RefreshSessionDoc } from '@/lib/operations';
import { accessCookieMaxAge, REFRESH_COOKIE, SESSION_COOKIE, sessionCookieOptions } from '@/lib/session-cookies';
import { needsRefresh, refreshFailure } from '@/lib/session-refresh';

/**
 * Keeps a session going (Next.js 16 proxy, formerly middleware): when the access token is missing or about to expire
 * and a refresh token is there, asks the gateway for a new access token (refreshSession) before the page, or the
 * server action, runs. The new token is set on the response (the browser keeps it) and in the request's Cookie
 * header (this render already uses it). A session that has ended (UNAUTHENTICATED) signs the browser out: both
 * cookies go. An unreachable gateway changes nothing.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const accessToken = request.cookies.get(SESSION_COOKIE)?.value;
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refreshToken || !needsRefresh({ accessToken, refreshToken })) return NextResponse.next();

  let renewed: { token: string; expiresAt: string };
  try {
    // Without the old access token: an expired one would be refused by the gateway (HTTP 401) before anything.
    renewed = (await fetchGateway(RefreshSessionDoc, { input: { refreshToken } })).refreshSession;
  } catch (error) {
    if (refreshFailure(error) === 'unavailable') return NextResponse.next();
    request.cookies.delete([SESSION_COOKIE, REFRESH_COOKIE]);
    const response = NextResponse.next({ request: { headers: new Headers(request.headers) } });
    response.cookies.delete(SESSION_COOKIE);
    response.cookies.delete(REFRESH_COOKIE);
    return response;
  }
  // request.cookies writes through to request.headers' Cookie, which NextResponse.next hands to the render.
  request.cookies.set(SESSION_COOKIE, renewed.token);
  const response = NextResponse.next({ request: { headers: new Headers(request.headers) } });
  response.cookies.set(SESSION_COOKIE, renewed.token, sessionCookieOptions(accessCookieMaxAge(renewed.expiresAt)));
  return response;
}

export const config = {
  // Pages and server actions (POSTs to a page's path); not Next's static files, image optimization or icons.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)'],
};
