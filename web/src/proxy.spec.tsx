/**
 * @jest-environment node
 */
/** The proxy with the gateway mocked: which cookies it sets, and what the page being rendered sees. */
import { NextRequest } from 'next/server';
import { GatewayError } from '@/lib/errors';
import { fetchGateway } from '@/lib/gateway-fetch';
import { RefreshSessionDoc } from '@/lib/operations';
import { config, proxy } from './proxy';

const NONCE = /'nonce-([A-Za-z0-9+/]{22}==)'/;

jest.mock('@/lib/gateway-fetch', () => ({ fetchGateway: jest.fn() }));

const fetchMock = fetchGateway as unknown as jest.Mock;
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const accessToken = (expiresInSeconds: number) => `${encode({ alg: 'HS256' })}.${encode({ sub: 'u1', exp: Math.floor(Date.now() / 1000) + expiresInSeconds })}.sig`;
const cookieHeader = (cookies: Record<string, string>) => Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
const request = (cookies: Record<string, string>, url = 'http://web.test/me/profile', headers: Record<string, string> = {}) =>
  new NextRequest(url, { headers: { cookie: cookieHeader(cookies), ...headers } });
/** The Cookie header the render gets (NextResponse.next's request override). */
const renderedCookie = (response: Response) => response.headers.get('x-middleware-request-cookie');
const setCookies = (response: Response) => response.headers.getSetCookie();

beforeEach(() => fetchMock.mockReset());

describe('proxy', () => {
  it('leaves a valid access token alone, and a signed-out browser too', async () => {
    const signedInOrOut: Record<string, string>[] = [{ ideagora_session: accessToken(900), ideagora_refresh: 'r1' }, {}, { ideagora_session: accessToken(-10) }];
    for (const cookies of signedInOrOut) {
      const response = await proxy(request(cookies));
      expect(setCookies(response)).toEqual([]);
      expect(renderedCookie(response) ?? '').toBe(cookieHeader(cookies)); // the render gets the cookies as they came
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('renews a missing or expiring access token: on the response, and for this render', async () => {
    const renewed = accessToken(900);
    fetchMock.mockResolvedValue({ refreshSession: { token: renewed, expiresAt: new Date(Date.now() + 900_000).toISOString() } });
    const dueForRefresh: Record<string, string>[] = [{ ideagora_refresh: 'r1' }, { ideagora_session: accessToken(30), ideagora_refresh: 'r1' }];
    for (const cookies of dueForRefresh) {
      const response = await proxy(request(cookies));
      expect(fetchMock).toHaveBeenLastCalledWith(RefreshSessionDoc, { input: { refreshToken: 'r1' } });
      expect(fetchMock.mock.lastCall).toHaveLength(2); // no bearer token: an expired one would be refused
      const [cookie] = setCookies(response);
      expect(cookie).toMatch(new RegExp(`^ideagora_session=${renewed.replace(/\./g, '\\.')}; Path=/; Expires=.*; Max-Age=(899|900); HttpOnly; SameSite=lax$`, 'i'));
      expect(renderedCookie(response)).toContain(`ideagora_session=${renewed}`);
      expect(renderedCookie(response)).toContain('ideagora_refresh=r1');
    }
  });

  it("takes the payment's client secret out of the address bar on the way back from a payment", async () => {
    const back = 'http://web.test/challenges/c1?funding=return&payment_intent=pi_1&payment_intent_client_secret=pi_1_secret_x&redirect_status=succeeded';
    const response = await proxy(request({ ideagora_session: accessToken(900), ideagora_refresh: 'r1' }, back));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('http://web.test/challenges/c1?funding=return&redirect_status=succeeded');
    expect(response.headers.get('content-security-policy')).toBeTruthy();
    // The clean address renders as usual.
    const clean = await proxy(request({ ideagora_session: accessToken(900), ideagora_refresh: 'r1' }, 'http://web.test/challenges/c1?funding=return&redirect_status=succeeded'));
    expect(clean.status).toBe(200);
    expect(clean.headers.get('location')).toBeNull();
  });

  it('signs the browser out when the session has ended', async () => {
    fetchMock.mockRejectedValue(new GatewayError([{ message: 'This session has ended. Log in again.', extensions: { code: 'UNAUTHENTICATED' } }]));
    const response = await proxy(request({ ideagora_session: accessToken(10), ideagora_refresh: 'r1', theme: 'dark' }));
    expect(setCookies(response).map((c) => c.split(';')[0])).toEqual(['ideagora_session=', 'ideagora_refresh=']);
    expect(setCookies(response).every((c) => /Path=\//.test(c) && /Expires=Thu, 01 Jan 1970/.test(c))).toBe(true);
    expect(renderedCookie(response)).toBe('theme=dark');
  });

  it('changes nothing when the gateway cannot be reached', async () => {
    fetchMock.mockRejectedValue(new GatewayError([{ message: 'The Ideagora API is unreachable', extensions: { code: 'UNAVAILABLE' } }]));
    const response = await proxy(request({ ideagora_refresh: 'r1' }));
    expect(setCookies(response)).toEqual([]);
    expect(renderedCookie(response)).toBe('ideagora_refresh=r1');
  });

  it('does not run for static files, images and icons', () => {
    const [pattern] = config.matcher;
    const matches = (path: string) => new RegExp(`^${pattern}$`).test(path);
    expect(['/', '/me/profile', '/challenges/c1/review', '/login'].every(matches)).toBe(true);
    expect(['/_next/static/chunks/a.js', '/_next/image', '/favicon.ico', '/icon.svg'].some(matches)).toBe(false);
  });
});

describe('proxy: security headers', () => {
  const csp = (response: Response) => response.headers.get('content-security-policy') ?? '';
  const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.split(' ')[0] === name);
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it('are on every response: signed out, renewed, signed out by the gateway, gateway unreachable', async () => {
    const outcomes: (() => void)[] = [
      () => undefined,
      () => fetchMock.mockResolvedValue({ refreshSession: { token: accessToken(900), expiresAt: new Date(Date.now() + 900_000).toISOString() } }),
      () => fetchMock.mockRejectedValue(new GatewayError([{ message: 'ended', extensions: { code: 'UNAUTHENTICATED' } }])),
      () => fetchMock.mockRejectedValue(new GatewayError([{ message: 'unreachable', extensions: { code: 'UNAVAILABLE' } }])),
    ];
    for (const [i, arrange] of outcomes.entries()) {
      arrange();
      const response = await proxy(request(i === 0 ? {} : { ideagora_refresh: 'r1' }));
      const policy = csp(response);
      expect(policy).toMatch(NONCE);
      expect(directive(policy, 'script-src')).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic'$/);
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(directive(policy, 'object-src')).toBe("object-src 'none'");
      expect(directive(policy, 'base-uri')).toBe("base-uri 'none'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('stripe.com');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=(), payment=()');
      expect(response.headers.get('strict-transport-security')).toBeNull(); // plain http
      // The page is rendered with the same policy, so Next.js puts this nonce on its scripts.
      expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    }
  });

  it('uses a new nonce for every response', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) nonces.add(NONCE.exec(csp(await proxy(request({}))))![1]);
    expect(nonces.size).toBe(20);
  });

  it('sends no Referer from the reset-password page, whose address holds the token', async () => {
    const response = await proxy(request({}, 'http://web.test/reset-password?token=secret'));
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('adds HSTS and upgrade-insecure-requests over HTTPS only', async () => {
    for (const response of [await proxy(request({}, 'https://web.test/')), await proxy(request({}, 'http://web.test/', { 'x-forwarded-proto': 'https' }))]) {
      expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
      expect(csp(response).split('; ')).toContain('upgrade-insecure-requests');
    }
    expect(csp(await proxy(request({}, 'http://web.test/', { 'x-forwarded-proto': 'http' }))).split('; ')).not.toContain('upgrade-insecure-requests');
  });

  it('lets the page PUT files to, and show previews from, the files origin named by FILES_PUBLIC_URL', async () => {
    process.env.FILES_PUBLIC_URL = 'https://files.ideagora.example/files';
    const policy = csp(await proxy(request({})));
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' https://files.ideagora.example");
    expect(directive(policy, 'img-src')).toBe("img-src 'self' data: blob: https://files.ideagora.example");
  });

  it('allows Stripe.js, its frames and its API only when a publishable key is configured', async () => {
    const emulator = csp(await proxy(request({})));
    expect(directive(emulator, 'frame-src')).toBe("frame-src 'none'");
    expect(directive(emulator, 'form-action')).toMatch(/^form-action 'self' http:\/\/[^ ]+$/); // the emulator's hosted pages
    process.env.STRIPE_PUBLISHABLE_KEY = 'pk_test_abc123';
    const response = await proxy(request({}));
    const stripe = csp(response);
    expect(directive(stripe, 'script-src')).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic' https:\/\/js\.stripe\.com$/);
    expect(directive(stripe, 'frame-src')).toBe('frame-src https://js.stripe.com https://hooks.stripe.com');
    // …and, before Stripe's, the files' origin (the gateway's /files by default).
    expect(directive(stripe, 'connect-src')).toBe("connect-src 'self' http://localhost:4000 https://api.stripe.com");
    expect(directive(stripe, 'form-action')).toBe("form-action 'self' https://connect.stripe.com");
    expect(directive(stripe, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(response.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com")');
  });
});
