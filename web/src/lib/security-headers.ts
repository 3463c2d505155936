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
  /** Where submissions' files are uploaded (XHR PUT) and their previews shown from: `filesOrigin(process.env)`. */
  filesOrigin: string | null;
}

const originOf = (url: string | undefined): string | null => {
  if (!url?.trim()) return null;
  try {
    const { origin, protocol } = new URL(url.trim());
    return protocol === 'https:' || protocol === 'http:' ? origin : null;
  } catch {
    return null;
  }
};

/**
 * The one origin of the files' upload and download URLs, from the settings the submissions service uses (one value
 * per deployment, read by both): with `S3_BUCKET`, the bucket's origin as the S3 SDK presigns it (`S3_ENDPOINT` with
 * `S3_FORCE_PATH_STYLE=true`: the endpoint; `S3_ENDPOINT` alone: `<bucket>.<endpoint host>`; neither:
 * `https://<bucket>.s3.<S3_REGION, us-east-1>.amazonaws.com`); else the filesystem storage's `FILES_PUBLIC_URL`,
 * whose default is the gateway's `/files` (the origin of `IDEAGORA_GATEWAY_URL`). Null when none can be read.
 */
export function filesOrigin(env: Record<string, string | undefined>): string | null {
  const bucket = env.S3_BUCKET?.trim();
  if (bucket) {
    const endpoint = env.S3_ENDPOINT?.trim();
    if (!endpoint) return originOf(`https://${bucket}.s3.${env.S3_REGION?.trim() || 'us-east-1'}.amazonaws.com`);
    const origin = originOf(endpoint);
    if (!origin || env.S3_FORCE_PATH_STYLE?.trim() === 'true') return origin;
    const url = new URL(origin);
    return `${url.protocol}//${bucket}.${url.host}`;
  }
  return originOf(env.FILES_PUBLIC_URL) ?? originOf(env.IDEAGORA_GATEWAY_URL ?? 'http://localhost:4000/graphql');
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
  // Submissions' files: the browser PUTs their bytes there and shows image previews from there (downloads are links).
  const files = ctx.filesOrigin ? [ctx.filesOrigin] : [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // 'strict-dynamic': scripts loaded by a nonced script (Next's chunks, Stripe.js loaded by loadStripe) are trusted;
    // Browsers that know 'strict-dynamic' ignore 'self' and hosts here; those serve older browsers.
    ['script-src', "'self'", nonce, "'strict-dynamic'", ...(stripe ? ['https://js.stripe.com'] : []), ...(ctx.development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", ...(ctx.development ? ["'unsafe-inline'"] : [nonce])],
    ['img-src', "'self'", 'data:', 'blob:', ...files, ...(stripe ? ['https://*.stripe.com'] : [])],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...files, ...(stripe ? ['https://api.stripe.com'] : [])],
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
