/** The viewer's notifications: newest first, unread said in words, opening one marks it read, mark all, cursor pages. */
import { render, screen, within } from '@testing-library/react';
import { gql } from '@/lib/gateway';
import { requireViewer } from '@/lib/viewer';
import NotificationsPage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn() }));
jest.mock('@/app/community-actions', () => ({ markAllNotificationsReadAction: jest.fn(), openNotificationAction: jest.fn() }));
const gqlMock = gql as unknown as jest.Mock;
const viewerMock = requireViewer as unknown as jest.Mock;

const notification = (id: string, readAt: string | null, link = `/challenges/${id}`) => ({
  id, kind: 'QUESTION_ANSWERED', title: `Title ${id}`, body: `Body ${id}`, link, createdAt: '2026-12-07T08:00:00.000Z', readAt,
});
const renderPage = async (nodes: unknown[], unread: number, query: Record<string, string> = {}, hasNextPage = false) => {
  viewerMock.mockResolvedValue({ id: 'u1' });
  gqlMock.mockResolvedValue({ viewer: { id: 'u1', unreadNotificationCount: unread, notifications: { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor: 'cur' } } } });
  return render(await NotificationsPage({ searchParams: Promise.resolve(query) }));
};

describe('NotificationsPage', () => {
  it('requires signing in, lists newest first with unread ones said in words, each opened by its title', async () => {
    await renderPage([notification('a', null), notification('b', '2026-12-07T09:00:00.000Z')], 1, {}, true);
    expect(viewerMock).toHaveBeenCalledWith('/me/notifications');
    expect(screen.getByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    expect(screen.getByText('1 unread.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: 'Notifications, newest first' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/^Unread Title aBody a/);
    expect(items[0]).toHaveClass('notification-unread');
    expect(items[1]).not.toHaveTextContent('Unread');
    const open = within(items[0]!).getByRole('button', { name: 'Title a' });
    const form = open.closest('form')!;
    expect(Object.fromEntries(new FormData(form))).toEqual({ id: 'a', link: '/challenges/a', unread: 'yes' });
    expect(Object.fromEntries(new FormData(within(items[1]!).getByRole('button', { name: 'Title b' }).closest('form')!))).toEqual({ id: 'b', link: '/challenges/b' });
    expect(within(items[0]!).getByText(/2026/).tagName).toBe('TIME');
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/me/notifications?after=cur');
  });

  it('opens no other site, says when there is nothing, and after marking all', async () => {
    await renderPage([notification('x', null, 'https://evil.example/')], 0, { done: 'notificationsRead' });
    expect(screen.queryByRole('button', { name: 'Title x' })).toBeNull();
    expect(screen.getByText('Title x')).toBeInTheDocument();
    expect(screen.getByText('Nothing unread.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Every notification is marked as read.');
    await renderPage([], 0);
    expect(screen.getByText('No notifications yet')).toBeInTheDocument();
  });
});
