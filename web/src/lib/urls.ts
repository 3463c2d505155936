import { headers } from 'next/headers';

/** The web app's own origin, for Stripe return URLs. IDEAGORA_WEB_URL wins over the request's Host. */
export async function appOrigin(): Promise<string> {
  if (process.env.IDEAGORA_WEB_URL) return process.env.IDEAGORA_WEB_URL.replace(/\/$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

/** Where the local Stripe emulator's hosted pages are (the gateway's STRIPE_API_URL). */
export const STRIPE_EMULATOR_URL = (process.env.NEXT_PUBLIC_STRIPE_EMULATOR_URL ?? process.env.STRIPE_API_URL ?? 'http://127.0.0.1:12111').replace(/\/$/, '');

/** Control characters (browsers strip tabs and newlines from URLs) and backslashes (read as slashes): never in a next. */
const UNSAFE_IN_NEXT = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * Where to go after log-in or sign-up (`?next=`, or the form's hidden field): only a place on this site. `next` is
 * resolved against the site's own `origin` with the URL parser, as the browser would resolve a Location, and kept only
 * when the result is same-origin; then only its path, query and fragment are used, so the redirect never names another
 * host. Anything with a control character or a backslash is refused before parsing (browsers drop tabs and newlines,
 * and read `\` as `/`: `/\t/evil.example` and `/\evil.example` land on evil.example). A path that would begin with `//`
 * after normalisation (`/.//evil.example`) is refused too: as a Location it would be protocol-relative.
 */
export function safeNext(next: unknown, origin: string, fallback = '/'): string {
  if (typeof next !== 'string' || next === '' || UNSAFE_IN_NEXT.test(next)) return fallback;
  let site: URL;
  let target: URL;
  try {
    site = new URL(origin);
    target = new URL(next, site);
  } catch {
    return fallback;
  }
  if (target.origin !== site.origin || target.pathname.startsWith('//')) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
