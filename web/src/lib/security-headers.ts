/**
 * The security headers of every page, server action and RSC response (set by the proxy, `src/proxy.ts`). Why each one
 * and its value: docs/SECURITY.md, "Web client".
 */

/** What the headers depend on, per request. */
export interface SecurityHeadersContext {
  /** This response's CSP nonce: Next.js puts it on its own scripts (it reads it from the request's CSP header). */
  nonce: string;
  /** The request's path: the reset-password page carries its token in the address. */
  pathname: string;
  /** Served over HTTPS: only then upgrade-insecure-requests, and HSTS outside development. */
  https: boolean;
  /** `next dev`: React's dev tools need eval and inline styles. */
  development: boolean;
  /** STRIPE_PUBLISHABLE_KEY is set: the funding page runs Stripe.js and its frames (web/README.md, "Funding"). */
  stripeElements: boolean;
  /** Origin of the Stripe emulator's hosted pages, where the emulator path's forms may be redirected. */
  stripeEmulatorOrigin: string | null;
}

/** 128 random bits, base64: unguessable, and new for every response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Pages whose address holds a secret (the reset token): no Referer at all, even to this site. */
const NO_REFERRER_PATHS = ['/reset-password'];

export function contentSecurityPolicy(ctx: SecurityHeadersContext): string {
  const nonce = `'nonce-${ctx.nonce}'`;
  // Stripe.js (js.stripe.com) and its frames and API calls, only when the Payment Element can be in the page.
  const stripe = ctx.stripeElements;
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // 'strict-dynamic': scripts loaded by a nonced script (Next's chunks, Stripe.js loaded by loadStripe) are trusted;
    // Browsers that know 'strict-dynamic' ignore 'self' and hosts here; those serve older browsers.
    ['script-src', "'self'", nonce, "'strict-dynamic'", ...(stripe ? ['https://js.stripe.com'] : []), ...(ctx.development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", ...(ctx.development ? ["'unsafe-inline'"] : [nonce])],
    ['img-src', "'self'", 'data:', 'blob:', ...(stripe ? ['https://*.stripe.com'] : [])],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...(stripe ? ['https://api.stripe.com'] : [])],
    ['frame-src', ...(stripe ? ['https://js.stripe.com', 'https://hooks.stripe.com'] : ["'none'"])],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    // A form posted before the page hydrates follows the server action's redirect: to the emulator's payment or
    // onboarding page, or to Stripe's onboarding (Connect).
    ['form-action', "'self'", ...(ctx.stripeEmulatorOrigin ? [ctx.stripeEmulatorOrigin] : []), ...(stripe ? ['https://connect.stripe.com'] : [])],
    ['frame-ancestors', "'none'"],
    ...(ctx.https ? [['upgrade-insecure-requests'] as [string]] : []),
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

export function securityHeaders(ctx: SecurityHeadersContext): Record<string, string> {
  const noReferrer = NO_REFERRER_PATHS.some((p) => ctx.pathname === p || ctx.pathname.startsWith(`${p}/`));
  return {
    'Content-Security-Policy': contentSecurityPolicy(ctx),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': noReferrer ? 'no-referrer' : 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': `camera=(), microphone=(), geolocation=(), payment=(${ctx.stripeElements ? 'self "https://js.stripe.com"' : ''})`,
    // Never for http://localhost (browsers ignore it over HTTP anyway), nor for a development server over HTTPS.
    ...(ctx.https && !ctx.development ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}
