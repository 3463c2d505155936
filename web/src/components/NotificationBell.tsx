import Link from 'next/link';
import { bellCount, bellLabel } from '@/lib/notifications';

/**
 * The header's bell: a link to /me/notifications named "Notifications, 3 unread" (the count comes with the layout's
 * viewer query: no request of its own). The badge shows the count; the name says it. Outside the folded menu, so a
 * phone shows it too.
 */
export function NotificationBell({ unread }: { unread: number }) {
  return (
    <Link href="/me/notifications" className="bell" aria-label={bellLabel(unread)}>
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M6 17V11a6 6 0 1 1 12 0v6l2 2H4l2-2Zm4 3a2 2 0 0 0 4 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      {unread > 0 && <span className="bell-count" aria-hidden="true">{bellCount(unread)}</span>}
    </Link>
  );
}
