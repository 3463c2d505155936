import { headers } from 'next/headers';
import { nonceOf } from '@/components/BrandStyle';
import { brandColorPasses } from './brand';

/** The nonce BrandStyle needs, read only when there is a colour to show (a page without one reads no header). */
export async function brandNonce(color: string | null | undefined): Promise<string | undefined> {
  if (!brandColorPasses(color)) return undefined;
  return nonceOf((await headers()).get('content-security-policy'));
}
