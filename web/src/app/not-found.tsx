import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui';

/** The layout's template makes this "Page not found — Ideagora". */
export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="stack">
      <h1>Page not found</h1>
      <EmptyState title="There is nothing here.">
        <p>It may be a draft you cannot see, or it never existed. <Link href="/challenges">Browse challenges</Link></p>
      </EmptyState>
    </div>
  );
}
