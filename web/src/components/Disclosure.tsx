'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';

/**
 * Content folded behind a button on small screens only (under 720 px): the header's menu, the browse filters.
 * On wider screens the button is hidden and the content always shown (CSS: `.disclosure-*`). The button is a
 * disclosure (aria-expanded, aria-controls); Escape inside closes it and gives the focus back to the button; a
 * navigation (new pathname) closes it.
 */
export function Disclosure({ label, icon = 'menu', className, children, hint, defaultOpen = false }: {
  label: string;
  icon?: 'menu' | 'filters';
  className?: string;
  children: ReactNode;
  /** Next to the label while folded, e.g. "2 active". */
  hint?: string;
  /** Open at first (e.g. filters with an error to show). */
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else setOpen(false);
  }, [pathname]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };
  return (
    <div className={`disclosure ${className ?? ''}`} data-open={open} onKeyDown={onKeyDown}>
      <button ref={buttonRef} type="button" className="btn btn-secondary disclosure-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          {icon === 'menu' ? (
            open ? <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /> : <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          ) : (
            <path d="M3 5h14M6 10h8M8.5 15h3" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          )}
        </svg>
        {label}
        {hint && !open && <span className="disclosure-hint">{hint}</span>}
      </button>
      <div id={id} className="disclosure-panel">
        {children}
      </div>
    </div>
  );
}
