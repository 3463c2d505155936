import Link from 'next/link';

/**
 * "First page" and "Next page" for a list paged by cursor (an organization's challenges, the leaderboard, the
 * notifications): plain links (no script needed) that keep the page's other parameters (`params`, e.g. the skill).
 */
export function CursorPager({ path, params = {}, after, endCursor, hasNextPage, label = 'Pagination' }: {
  path: string;
  params?: Record<string, string | undefined>;
  /** The cursor of this page (none on the first). */
  after?: string;
  endCursor?: string | null;
  hasNextPage: boolean;
  label?: string;
}) {
  if (!after && !hasNextPage) return null;
  const href = (cursor?: string | null) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
    if (cursor) query.set('after', cursor);
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <nav className="pager" aria-label={label}>
      {after ? <Link href={href()}>First page</Link> : <span />}
      {hasNextPage && endCursor ? <Link href={href(endCursor)} rel="next">Next page</Link> : <span />}
    </nav>
  );
}
