/**
 * @jest-environment node
 */
/** What only `next dev` gets, and what it never gets. The proxy's spec covers the production headers. */
import { contentSecurityPolicy, filesOrigin, securityHeaders, type SecurityHeadersContext } from './security-headers';

const base: SecurityHeadersContext = { nonce: 'bm9uY2U=', pathname: '/', https: false, development: false, stripeElements: false, stripeEmulatorOrigin: null, filesOrigin: null };

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

  it('let the page upload files to, and show previews from, the files origin only (connect-src, img-src)', () => {
    const csp = contentSecurityPolicy({ ...base, filesOrigin: 'https://files.ideagora.example' });
    expect(csp).toContain("img-src 'self' data: blob: https://files.ideagora.example;");
    expect(csp).toContain("connect-src 'self' https://files.ideagora.example;");
    expect(csp).toContain("default-src 'self';");
    expect(csp).not.toMatch(/(script|frame|form-action|style)[^;]*files\.ideagora/);
    expect(contentSecurityPolicy(base)).toContain("connect-src 'self';");
  });
});

describe('filesOrigin', () => {
  it('is FILES_PUBLIC_URL’s origin, else the gateway’s (where FILES_PUBLIC_URL points by default)', () => {
    expect(filesOrigin({ FILES_PUBLIC_URL: 'https://api.ideagora.example/files', IDEAGORA_GATEWAY_URL: 'https://other.example/graphql' })).toBe('https://api.ideagora.example');
    expect(filesOrigin({ IDEAGORA_GATEWAY_URL: 'http://127.0.0.1:4100/graphql' })).toBe('http://127.0.0.1:4100');
    expect(filesOrigin({})).toBe('http://localhost:4000');
    expect(filesOrigin({ FILES_PUBLIC_URL: 'javascript:alert(1)', IDEAGORA_GATEWAY_URL: 'not a url' })).toBeNull();
  });

  it('is the bucket’s origin with S3_BUCKET, as the S3 SDK presigns its URLs', () => {
    expect(filesOrigin({ S3_BUCKET: 'ideagora-files', S3_REGION: 'eu-west-3', FILES_PUBLIC_URL: 'https://api.example/files' })).toBe('https://ideagora-files.s3.eu-west-3.amazonaws.com');
    expect(filesOrigin({ S3_BUCKET: 'ideagora-files' })).toBe('https://ideagora-files.s3.us-east-1.amazonaws.com');
    expect(filesOrigin({ S3_BUCKET: 'ideagora-files', S3_ENDPOINT: 'https://minio.example:9000', S3_FORCE_PATH_STYLE: 'true' })).toBe('https://minio.example:9000');
    expect(filesOrigin({ S3_BUCKET: 'ideagora-files', S3_ENDPOINT: 'https://minio.example:9000/' })).toBe('https://ideagora-files.minio.example:9000');
  });
});
