'use client';

import { Alert, Button } from '@/components/ui';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="stack">
      <h1>Something went wrong</h1>
      <Alert tone="danger" title="This page could not be loaded.">
        <p>Ideagora may be unreachable right now. {error.digest ? `(reference ${error.digest})` : ''}</p>
      </Alert>
      <div><Button onClick={() => reset()}>Try again</Button></div>
    </div>
  );
}
