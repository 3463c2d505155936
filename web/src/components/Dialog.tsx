'use client';

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

/**
 * The one confirmation style: a panel in the page (never the browser's confirm()), labelled by its heading, which
 * takes the focus when it opens. Escape (or the caller's "keep" button) closes it, and the focus goes back to
 * `returnFocusTo` (the button that opened it). The caller puts the consequences and the form with the confirming
 * button inside, so the confirmed action is an ordinary form submission that works with the keyboard.
 */
export function ConfirmDialog({ open, title, onClose, returnFocusTo, tone = 'danger', children }: {
  open: boolean;
  title: string;
  onClose: () => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
  /** danger: cannot be undone (cancel, award); info: a step that changes the challenge's state (close, finish). */
  tone?: 'danger' | 'info';
  children: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) headingRef.current?.focus();
    else if (wasOpen.current) returnFocusTo?.current?.focus();
    wasOpen.current = open;
  }, [open, returnFocusTo]);

  if (!open) return null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };
  return (
    <div className={`confirm confirm-${tone}`} role="group" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>{title}</h3>
      {children}
    </div>
  );
}
