import type { Metadata } from 'next';
import Link from 'next/link';
import { markAllNotificationsReadAction, openNotificationAction } from '@/app/community-actions';
import { CursorPager } from '@/components/CursorPager';
import { LocalDate } from '@/components/dates';
import { StatusFlash } from '@/components/StatusFlash';
import { Alert, Badge, Button, EmptyState } from '@/components/ui';
import { GatewayError } from '@/lib/errors';
import { flashMessage } from '@/lib/flash';
import { gql } from '@/lib/gateway';
import { safeNotificationLink } from '@/lib/notifications';
import { ViewerNotificationsDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Notifications' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

/**
 * The viewer's notifications, newest first, 20 a page by cursor. An unread one says "Unread" and has a bar and a bold
 * title (not colour alone); opening it (its title, a button: a server action) marks it read and follows its link.
 * "Mark all as read" marks every one.
 */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer('/me/notifications');
  const query = await searchParams;
  const after = typeof query.after === 'string' && query.after ? query.after : undefined;
  let data;
  let pageExpired = false;
  try {
    data = await gql(ViewerNotificationsDoc, { first: PAGE_SIZE, after });
  } catch (error) {
    if (!(error instanceof GatewayError) || error.code !== 'BAD_USER_INPUT' || !after) throw error;
    pageExpired = true;
    data = await gql(ViewerNotificationsDoc, { first: PAGE_SIZE });
  }
  const unread = data.viewer?.unreadNotificationCount ?? 0;
  const connection = data.viewer?.notifications;
  const notifications = connection?.edges.map((e) => e.node) ?? [];
  return (
    <div className="stack">
      <StatusFlash message={flashMessage(query.done)} />
      <h1>Notifications</h1>
      <div className="row">
        <p className="muted" id="unread-summary">{unread === 0 ? 'Nothing unread.' : `${unread} unread.`}</p>
        {unread > 0 && (
          <form action={markAllNotificationsReadAction}>
            <Button type="submit" variant="secondary">Mark all as read</Button>
          </form>
        )}
        <Link href="/me/profile#mail-preferences-title">Mail preferences</Link>
      </div>
      {pageExpired && <Alert tone="warning">This page link has expired: here are the latest notifications.</Alert>}
      {notifications.length === 0 ? (
        <EmptyState title="No notifications yet">
          <p>Answers to your questions, deadlines, results, prizes and invitations appear here.</p>
        </EmptyState>
      ) : (
        <ol className="notification-list" aria-label="Notifications, newest first">
          {notifications.map((n) => {
            const isUnread = !n.readAt;
            const link = safeNotificationLink(n.link);
            return (
              <li key={n.id} className={isUnread ? 'notification notification-unread' : 'notification'}>
                <div className="notification-title">
                  {isUnread && <><Badge tone="info">Unread</Badge>{' '}</>}
                  {link ? (
                    <form action={openNotificationAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <input type="hidden" name="link" value={link} />
                      {isUnread && <input type="hidden" name="unread" value="yes" />}
                      <button type="submit" className="btn-link">{n.title}</button>
                    </form>
                  ) : n.title}
                </div>
                {n.body && <p className="description">{n.body}</p>}
                <p className="notification-meta"><LocalDate iso={n.createdAt} /></p>
              </li>
            );
          })}
        </ol>
      )}
      {connection && (
        <CursorPager path="/me/notifications" after={pageExpired ? undefined : after} endCursor={connection.pageInfo.endCursor} hasNextPage={connection.pageInfo.hasNextPage} label="Pages of notifications" />
      )}
    </div>
  );
}
