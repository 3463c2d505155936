/**
 * @jest-environment node
 */
/** safeNext: where log-in and sign-up may send the browser. Every refused variant is one a browser would follow off-site. */
import { safeNext } from './urls';

const ORIGIN = 'https://ideagora.example';

/** Where a browser on ORIGIN lands when it follows `Location: <location>` (what the redirect really does). */
const landsOn = (location: string) => new URL(location, `${ORIGIN}/login`).origin;

describe('safeNext', () => {
  const refused: [string, string][] = [
    ['tab', '/\t/evil.example'],
    ['tab at the start', '\t//evil.example'],
    ['newline', '/\n/evil.example'],
    ['carriage return', '/\r/evil.example'],
    ['NUL', '/\u0000/evil.example'],
    ['C1 control', '/\u0085/evil.example'],
    ['slash backslash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['backslash slash', '\\/evil.example'],
    ['absolute https', 'https://evil.example'],
    ['absolute http with path', 'http://evil.example/challenges'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative, three slashes', '///evil.example'],
    ['scheme without slashes', 'http:evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript, mixed case', 'JaVaScRiPt:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['dot segment before //', '/.//evil.example'],
    ['dot-dot segment before //', '/..//evil.example'],
    ['encoded dot segment before //', '/%2e//evil.example'],
    ['credentials on our host', 'https://ideagora.example@evil.example/'],
    ['our host as a prefix', 'https://ideagora.example.evil.example/'],
    ['our host over http', 'http://ideagora.example/challenges'],
    ['our host, another port', 'https://ideagora.example:8443/challenges'],
    ['empty', ''],
  ];
  it.each(refused)('refuses %s', (_name, next) => {
    expect(safeNext(next, ORIGIN)).toBe('/');
    expect(safeNext(next, ORIGIN, '/me/profile')).toBe('/me/profile');
  });

  // Values as the page receives them after one decoding of the query string: still-encoded characters are part of a
  // path on this site (the browser does not decode %2F, %09 or %5C in a path into separators).
  const keptOnSite: [string, string, string][] = [
    ['encoded slashes', '%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['encoded tab', '/%09/evil.example', '/%09/evil.example'],
    ['encoded backslashes', '%5C%5Cevil.example', '/%5C%5Cevil.example'],
    ['encoded slash after a slash', '/%2Fevil.example', '/%2Fevil.example'],
    ['a challenge with query and fragment', '/challenges/abc?x=1#y', '/challenges/abc?x=1#y'],
    ['the sponsor dashboard', '/sponsor', '/sponsor'],
    ['a relative path', 'challenges/abc', '/challenges/abc'],
    ['an absolute URL of this site', 'https://ideagora.example/me/payouts?onboarding=return', '/me/payouts?onboarding=return'],
    ['our scheme without slashes (a relative path, as browsers read it)', 'https:evil.example', '/evil.example'],
    ['a query-only next', '?q=filter', '/?q=filter'],
  ];
  it.each(keptOnSite)('keeps %s on the site', (_name, next, expected) => {
    const location = safeNext(next, ORIGIN);
    expect(location).toBe(expected);
    expect(landsOn(location)).toBe(ORIGIN);
  });

  it('refuses what is not a single string', () => {
    for (const next of [undefined, null, 42, ['/a', '/b'], { toString: () => '/a' }]) expect(safeNext(next, ORIGIN)).toBe('/');
  });

  it('refuses everything when the origin itself is unusable', () => {
    expect(safeNext('/challenges', 'not an origin')).toBe('/');
  });
});
