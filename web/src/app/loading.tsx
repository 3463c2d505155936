import { Spinner } from '@/components/ui';

export default function Loading() {
  return (
    <div className="loading">
      <Spinner label="Loading page" /> <span aria-hidden="true">Loading…</span>
    </div>
  );
}
