'use client';

import { useEffect, useState } from 'react';

/**
 * A short confirmation at the bottom of the screen ("Saved."), in a polite live region that is always in the page,
 * so that the message is announced. It stays until dismissed, or for `durationMs` (default 8 s) unless the pointer
 * or the focus is on it. For outcomes that must stay on screen (an action that redirected), use StatusFlash.
 */
export function Toast({ message, durationMs = 8000, onDismiss }: { message?: string; durationMs?: number; onDismiss?: () => void }) {
  const [shown, setShown] = useState(message);
  const [held, setHeld] = useState(false);
  useEffect(() => setShown(message), [message]);
  useEffect(() => {
    if (!shown || held || durationMs <= 0) return;
    const timer = setTimeout(() => {
      setShown(undefined);
      onDismiss?.();
    }, durationMs);
    return () => clearTimeout(timer);
  }, [shown, held, durationMs, onDismiss]);
  const dismiss = () => {
    setShown(undefined);
    onDismiss?.();
  };
  return (
    <div className="toast-region" role="status">
      {shown && (
        <div className="toast" onMouseEnter={() => setHeld(true)} onMouseLeave={() => setHeld(false)} onFocus={() => setHeld(true)} onBlur={() => setHeld(false)}>
          <span>{shown}</span>
          <button type="button" className="btn-link" onClick={dismiss}>Dismiss</button>
        </div>
      )}
    </div>
  );
}
