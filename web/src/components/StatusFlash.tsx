'use client';

import { useEffect } from 'react';

/**
 * A polite live region that is always in the page, so a message arriving with a same-page navigation (an action
 * that redirected here with `?done=…`) is announced. Once shown, the parameter is dropped from the address bar
 * (without a navigation), so a reload or a shared link does not repeat it.
 */
export function StatusFlash({ message, param = 'done' }: { message?: string; param?: string }) {
  useEffect(() => {
    if (!message) return;
    const url = new URL(window.location.href);
    if (!url.searchParams.has(param)) return;
    url.searchParams.delete(param);
    window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  }, [message, param]);
  return (
    <div role="status" className="flash">
      {message && <div className="alert alert-success">{message}</div>}
    </div>
  );
}
