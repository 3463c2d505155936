'use client';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { brandColorPasses } from '@/lib/brand';

/**
 * A region in an organization's brand colour (`--brand` on `.branded`, see globals.css), when the colour passes the
 * contrast check (the server refuses such a colour too: belt and braces). Set through the CSSOM: the CSP refuses style
 * attributes, and a nonced <style> breaks on client-side navigation (React inserts it with the nonce of the request
 * that rendered it, not of the document, and the browser blocks it). Without script the page keeps Ideagora's colours.
 */
export function BrandScope({ color, className, children }: { color: string | null | undefined; className?: string; children: ReactNode }) {
  const scope = useRef<HTMLDivElement>(null);
  const brand = brandColorPasses(color) ? color.toLowerCase() : null;
  useLayoutEffect(() => {
    const element = scope.current;
    if (!element) return;
    if (brand) element.style.setProperty('--brand', brand);
    else element.style.removeProperty('--brand');
  }, [brand]);
  return <div ref={scope} className={className ? `branded ${className}` : 'branded'}>{children}</div>;
}
