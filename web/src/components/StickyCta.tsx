'use client';

import { useEffect, useState, type ReactNode } from 'react';

/**
 * On a phone, the challenge's call to action stays at the bottom of the screen once the hero's own call to action
 * (`watchId`) has scrolled out of view above; hidden again when it comes back, and never shown on wide screens
 * (CSS). Hidden means display: none, so it is never a second tab stop while the hero's is on screen.
 */
export function StickyCta({ watchId, label, children }: { watchId: string; label: string; children: ReactNode }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const target = document.getElementById(watchId);
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setVisible(!entry.isIntersecting && entry.boundingClientRect.top < 0));
    observer.observe(target);
    return () => observer.disconnect();
  }, [watchId]);
  return (
    <aside className="sticky-cta" data-visible={visible} aria-label={label}>
      {children}
    </aside>
  );
}
