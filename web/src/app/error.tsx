'use client';

import { Button, ErrorState } from '@/components/ui';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="stack">
      <h1>Something went wrong</h1>
      <ErrorState title="This page could not be loaded.">
        <p>Ideagora may be unreachable right now. {error.digest ? `(reference ${error.digest})` : ''}</p>
      </ErrorState>
      <div><Button onClick={() => reset()}>Try again</Button></div>
    </div>
  );
}
