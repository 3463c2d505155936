/**
 * @jest-environment node
 */
/** The proxy with the gateway mocked: which cookies it sets, and what the page being rendered sees. */
import { NextRequest } from 'next/server';
import { GatewayError } from '@/lib/errors';
import { fetchGateway } from '@/lib/gateway-fetch';
import { RefreshSessionDoc } from '@/lib/operations';
import { config, proxy } from './proxy';

jest.mock('@/lib/gateway-fetch', () => ({ fetchGateway: jest.fn() }));

const fetchMock = fetchGateway as unknown as jest.Mock;
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const accessToken = (expiresInSeconds: number) => `${encode({ alg: 'HS256' })}.${encode({ sub: 'u1', exp: Math.floor(Date.now() / 1000) + expiresInSeconds })}.sig`;
const request = (cookies: Record<string, string>) =>
  new NextRequest('http://web.test/me/profile', { headers: { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') } });
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
      expect(renderedCookie(response)).toBeNull();
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
    expect(renderedCookie(response)).toBeNull();
  });

  it('does not run for static files, images and icons', () => {
    const [pattern] = config.matcher;
    const matches = (path: string) => new RegExp(`^${pattern}$`).test(path);
    expect(['/', '/me/profile', '/challenges/c1/review', '/login'].every(matches)).toBe(true);
    expect(['/_next/static/chunks/a.js', '/_next/image', '/favicon.ico', '/icon.svg'].some(matches)).toBe(false);
  });
});
