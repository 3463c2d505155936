import { brandColorPasses } from '@/lib/brand';

/** The CSP nonce of this response, as the proxy put it in the request's Content-Security-Policy header. */
export function nonceOf(csp: string | null | undefined): string | undefined {
  return csp?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}

/**
 * An organization's brand colour for the page (`--brand` on `.branded`, see globals.css): a nonced <style>, since the
 * CSP refuses style attributes (the page reads the nonce: `brandNonce` in lib/brand-server). Nothing when the colour
 * is missing or fails the contrast check (the server refuses such a colour too: belt and braces). The colour is a
 * checked #rrggbb, so nothing else can get into the style sheet.
 */
export function BrandStyle({ color, nonce }: { color: string | null | undefined; nonce: string | undefined }) {
  if (!brandColorPasses(color)) return null;
  return <style nonce={nonce}>{`.branded{--brand:${color.toLowerCase()}}`}</style>;
}
