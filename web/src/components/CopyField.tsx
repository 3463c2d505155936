'use client';

import { useId, useRef, useState } from 'react';
import { Button } from './ui';

export const COPIED_MESSAGE = 'Copied to the clipboard.';
export const COPY_FAILED_MESSAGE = 'Could not copy: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.';

/**
 * A value to copy (an API key's secret): read-only in a field that selects it all when focused, with a Copy button
 * (the Clipboard API) and a status line, always in the page and polite, that says "Copied to the clipboard." so a screen
 * reader announces it. Where the browser refuses the clipboard, the value is selected and the status says how to copy it.
 */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  async function copy() {
    // Emptied first, so that a second copy is announced again.
    setStatus('');
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus(COPIED_MESSAGE);
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus(COPY_FAILED_MESSAGE);
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input ref={input} id={id} className="input copy-value" readOnly value={value} spellCheck={false} autoComplete="off"
          aria-describedby={hint ? `${id}-hint` : undefined} onFocus={(e) => e.currentTarget.select()} />
        <Button variant="secondary" onClick={() => void copy()}>Copy</Button>
      </div>
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      <p role="status" className={status === COPIED_MESSAGE ? 'copy-status copy-status-ok' : 'copy-status'}>{status === COPIED_MESSAGE ? `✓ ${status}` : status}</p>
    </div>
  );
}
