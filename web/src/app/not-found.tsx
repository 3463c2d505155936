import Link from 'next/link';
import { EmptyState } from '@/components/ui';

export default function NotFound() {
  return (
    <div className="stack">
      <h1>Not found</h1>
      <EmptyState title="There is nothing here.">
        <p>It may be a draft you cannot see, or it never existed. <Link href="/challenges">Browse challenges</Link></p>
      </EmptyState>
    </div>
  );
}
