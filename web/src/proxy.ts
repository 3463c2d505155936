import { NextResponse, type NextRequest } from 'next/server';
import { withoutPaymentSecret } from '@/lib/funding';
import { fetchGateway } from '@/lib/gateway-fetch';
import { RefreshSessionDoc } from '@/lib/operations';
import { accessCookieMaxAge, REFRESH_COOKIE, SESSION_COOKIE, sessionCookieOptions } from '@/lib/session-cookies';
import { filesOrigin, newNonce, securityHeaders, type SecurityHeadersContext } from '@/lib/security-headers';
import { needsRefresh, refreshFailure } from '@/lib/session-refresh';
import { stripePublishableKey } from '@/lib/stripe-config';
import { STRIPE_EMULATOR_URL } from '@/lib/urls';

/**
 * Runs before every page and server action (Next.js 16 proxy, formerly middleware): sets the security headers
 * (`securityHeaders`, with a new CSP nonce that Next.js also reads from the request to put on its scripts) and keeps
 * the session going.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const headers = securityHeaders(securityContext(request, newNonce()));
  // Next.js takes the nonce for its scripts from the CSP header of the request it renders.
  request.headers.set('content-security-policy', headers['Content-Security-Policy']);
  // Back from a payment, Stripe's return URL carries the PaymentIntent's client secret: it leaves the address bar
  // (and so the history and any later Referer) at once, before anything renders.
  const clean = request.method === 'GET' ? withoutPaymentSecret(request.nextUrl) : null;
  const response = clean ? NextResponse.redirect(clean, 303) : await keepSession(request);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function securityContext(request: NextRequest, nonce: string): SecurityHeadersContext {
  const stripeElements = stripePublishableKey() !== null;
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return {
    nonce,
    pathname: request.nextUrl.pathname,
    https: forwardedProto === 'https' || request.nextUrl.protocol === 'https:' || (process.env.IDEAGORA_WEB_URL ?? '').startsWith('https://'),
    development: process.env.NODE_ENV === 'development',
    stripeElements,
    stripeEmulatorOrigin: stripeElements ? null : new URL(STRIPE_EMULATOR_URL).origin,
    filesOrigin: filesOrigin(process.env),
  };
}

/** The request goes on to the render with its headers as they are now (the CSP nonce, a renewed cookie). */
const forward = (request: NextRequest) => NextResponse.next({ request: { headers: new Headers(request.headers) } });

/**
 * Keeps a session going: when the access token is missing or about to expire and a refresh token is there, asks the
 * gateway for a new access token (refreshSession) before the page, or the server action, runs. The new token is set
 * on the response (the browser keeps it) and in the request's Cookie header (this render already uses it). A session
 * that has ended (UNAUTHENTICATED) signs the browser out: both cookies go. An unreachable gateway changes nothing.
 */
async function keepSession(request: NextRequest): Promise<NextResponse> {
  const accessToken = request.cookies.get(SESSION_COOKIE)?.value;
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refreshToken || !needsRefresh({ accessToken, refreshToken })) return forward(request);

  let renewed: { token: string; expiresAt: string };
  try {
    // Without the old access token: an expired one would be refused by the gateway (HTTP 401) before anything.
    renewed = (await fetchGateway(RefreshSessionDoc, { input: { refreshToken } })).refreshSession;
  } catch (error) {
    if (refreshFailure(error) === 'unavailable') return forward(request);
    request.cookies.delete([SESSION_COOKIE, REFRESH_COOKIE]);
    const response = forward(request);
    response.cookies.delete(SESSION_COOKIE);
    response.cookies.delete(REFRESH_COOKIE);
    return response;
  }
  // request.cookies writes through to request.headers' Cookie, which NextResponse.next hands to the render.
  request.cookies.set(SESSION_COOKIE, renewed.token);
  const response = forward(request);
  response.cookies.set(SESSION_COOKIE, renewed.token, sessionCookieOptions(accessCookieMaxAge(renewed.expiresAt)));
  return response;
}

export const config = {
  // Pages and server actions (POSTs to a page's path); not Next's static files, image optimization or icons.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)'],
};
