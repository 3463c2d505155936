/**
 * @jest-environment node
 */
/** What only `next dev` gets, and what it never gets. The proxy's spec covers the production headers. */
import { contentSecurityPolicy, securityHeaders, type SecurityHeadersContext } from './security-headers';

const base: SecurityHeadersContext = { nonce: 'bm9uY2U=', pathname: '/', https: false, development: false, stripeElements: false, stripeEmulatorOrigin: null };

describe('security headers', () => {
  it('allow eval and inline styles in development only (React dev tools), never in production', () => {
    const dev = contentSecurityPolicy({ ...base, development: true });
    expect(dev).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic' 'unsafe-eval'");
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    const production = contentSecurityPolicy(base);
    expect(production).toContain("style-src 'self' 'nonce-bm9uY2U='");
    expect(production).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('never pin HSTS from a development server, even over HTTPS', () => {
    expect(securityHeaders({ ...base, https: true, development: true })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ ...base, https: true })['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
  });

  it('keep no-referrer for every reset-password address, and only there', () => {
    expect(securityHeaders({ ...base, pathname: '/reset-password' })['Referrer-Policy']).toBe('no-referrer');
    expect(securityHeaders({ ...base, pathname: '/reset-password-help' })['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
});
