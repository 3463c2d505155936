import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // The slight modulo bias (256 % 62) does not matter for ids.
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] as number) % 62];
  return out;
}

/** Stripe-looking ids: `<prefix>_` plus 24 base62 characters (e.g. `pi_3Nx…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
