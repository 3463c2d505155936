import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { logOutAction } from './actions';
import { pendingJudgeInvitations } from '@/lib/judging';
import { getViewer } from '@/lib/viewer';
import { Disclosure } from '@/components/Disclosure';
import { NotificationBell } from '@/components/NotificationBell';
import { Logo } from '@/components/ui';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ideagora: prize challenges with escrowed prize money', template: '%s — Ideagora' },
  description: 'Open innovation: funded challenges, sealed submissions, escrowed prizes.',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

async function Header() {
  let viewer = null;
  try {
    viewer = await getViewer();
  } catch {
    viewer = null; // the page itself reports an unreachable API
  }
  const isSponsor = (viewer?.organizations.length ?? 0) > 0;
  const teamInvitations = viewer?.teamInvitations?.length ?? 0;
  const judgingInvitations = pendingJudgeInvitations(viewer?.challengeInvitations);
  const participantInvitations = pendingJudgeInvitations(viewer?.challengeInvitations, 'PARTICIPANT');
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand" aria-label="Ideagora, home"><Logo /></Link>
        {viewer && <NotificationBell unread={viewer.unreadNotificationCount} />}
        {/* Under 720 px the links fold behind a "Menu" button, so the header takes one line. */}
        <Disclosure label="Menu" className="site-menu">
          <nav aria-label="Main">
            <ul className="nav">
              <li><Link href="/challenges">Browse challenges</Link></li>
              <li><Link href="/leaderboard">Leaderboard</Link></li>
              {viewer && <li><Link href="/sponsor">{isSponsor ? 'Sponsor dashboard' : 'Sponsor a challenge'}</Link></li>}
              {viewer && <li><Link href="/me/submissions">My submissions</Link></li>}
              {viewer && <li><Link href="/me/payouts">Payouts</Link></li>}
              {viewer && teamInvitations > 0 && <li><Link href="/teams/invitations">Team invitations ({teamInvitations})</Link></li>}
              {viewer && judgingInvitations > 0 && <li><Link href="/judging/invitations">Judging ({judgingInvitations})</Link></li>}
              {viewer && participantInvitations > 0 && <li><Link href="/judging/invitations">Challenge invitations ({participantInvitations})</Link></li>}
            </ul>
          </nav>
          <div className="nav nav-end">
            {viewer ? (
              <>
                <Link href="/me/profile" aria-label={`Profile of ${viewer.displayName}`}>{viewer.displayName}</Link>
                <form action={logOutAction}>
                  <button type="submit" className="btn-link">Log out</button>
                </form>
              </>
            ) : (
              <>
                <Link href="/login">Log in</Link>
                <Link href="/signup" className="btn btn-primary">Sign up</Link>
              </>
            )}
          </div>
        </Disclosure>
      </div>
    </header>
  );
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">Skip to content</a>
        <Header />
        <main id="main" tabIndex={-1}>{children}</main>
        <footer className="site-footer">
          <p><Logo /></p>
          <p>Every prize is paid into escrow before a challenge opens, and released only to its winners.</p>
        </footer>
      </body>
    </html>
  );
}
