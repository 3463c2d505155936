'use client';

import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { CopyField } from './CopyField';
import { Alert, Button } from './ui';

/**
 * The state of a create form whose answer carries a secret to show once (an API key's, a webhook endpoint's signing
 * secret): what was created until "Done" dismisses it, and the heading that takes the focus when the secret appears and
 * when "Done" brings the form back (not on the first render).
 */
export function useShownOnce<Created extends { id: string }>(created: Created | undefined) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const shown = created && created.id !== dismissed ? created : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const id = shown?.id ?? null;
  const before = useRef(id);
  useEffect(() => {
    if (before.current !== id) heading.current?.focus();
    before.current = id;
  }, [id]);
  return { shown, heading, dismiss: () => setDismissed(shown?.id ?? null) };
}

/**
 * A secret shown once, in place of its form: the focused heading, a warning that it will not be shown again, the secret
 * read-only with a Copy button, and "Done" (which brings the form back). It is never put in the page's address.
 */
export function SecretShownOnce({ headingId, heading, title, warning, label, secret, hint, onDone }: {
  headingId: string;
  heading: RefObject<HTMLHeadingElement | null>;
  title: string;
  /** What follows from seeing it once (where to keep it, what to do if it is lost). */
  warning: ReactNode;
  label: string;
  secret: string;
  hint: string;
  onDone: () => void;
}) {
  return (
    <div className="stack">
      <h3 id={headingId} ref={heading} tabIndex={-1}>{title}</h3>
      <Alert tone="warning" title="Copy the secret now: it will not be shown again.">
        {warning}
      </Alert>
      <CopyField label={label} value={secret} hint={hint} />
      <div>
        <Button variant="secondary" onClick={onDone}>Done: I have stored the secret</Button>
      </div>
    </div>
  );
}
