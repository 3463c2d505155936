import Link from 'next/link';

/**
 * "First page" and "Next page" for a list paged by cursor (an organization's challenges, the leaderboard, the
 * notifications): plain links (no script needed) that keep the page's other parameters (`params`, e.g. the skill).
 */
export function CursorPager({ path, params = {}, after, endCursor, hasNextPage, label = 'Pagination', firstText = 'First page', nextText = 'Next page' }: {
  path: string;
  params?: Record<string, string | undefined>;
  /** The cursor of this page (none on the first). */
  after?: string;
  endCursor?: string | null;
  hasNextPage: boolean;
  label?: string;
  /** The links' words, where the list says what its pages are ("Newest deliveries", "Older deliveries"). */
  firstText?: string;
  nextText?: string;
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
      {after ? <Link href={href()}>{firstText}</Link> : <span />}
      {hasNextPage && endCursor ? <Link href={href(endCursor)} rel="next">{nextText}</Link> : <span />}
    </nav>
  );
}
