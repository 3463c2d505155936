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

/** Only same-site relative paths are followed after log-in. */
export function safeNext(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
