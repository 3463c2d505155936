import Link from 'next/link';
import type { ReactNode } from 'react';
import { entryHref, firstPreview, GALLERY_SORTS, galleryHref, votesLeftText, votingPhase, type GallerySort, type VotingState } from '@/lib/gallery';
import { LocalDate } from './dates';
import { kindLabel } from '@/lib/attachments';

// The public gallery's pieces (server-rendered; the vote button is VoteButton): the order links, the vote's window
// and the viewer's votes left, and the entry cards with their picture or a placeholder naming the file kind.

/** "Newest" / "Most votes": links (the order is part of the address), the current one marked. */
export function GalleryOrderLinks({ challengeId, sort }: { challengeId: string; sort: GallerySort }) {
  return (
    <nav aria-label="Order of entries">
      <ul className="tabs">
        {GALLERY_SORTS.map((option) => (
          <li key={option.sort}>
            <Link href={galleryHref(challengeId, { sort: option.sort })} aria-current={option.sort === sort ? 'page' : undefined}>{option.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The window in words: "Voting open until …", "Voting opens …", "Voting closed". */
export function VotingWindowText({ voting, now }: { voting: VotingState; now: Date }) {
  const phase = votingPhase(voting, now);
  if (phase === 'open') return <>Voting open until <LocalDate iso={voting.endsAt} /></>;
  if (phase === 'upcoming') return <>Voting opens <LocalDate iso={voting.startsAt} /> and closes <LocalDate iso={voting.endsAt} /></>;
  return <>Voting closed on <LocalDate iso={voting.endsAt} /></>;
}

/**
 * The vote's state at the top of the gallery (and of an entry): its window, the viewer's votes left (a live region,
 * so the new count is announced after a vote), "Sign in to vote" when signed out, why a sponsor's member has no
 * button.
 */
export function VotingSummary({ voting, now, signedIn, sponsorMember, loginHref }: {
  voting: VotingState;
  now: Date;
  signedIn: boolean;
  sponsorMember: boolean;
  loginHref: string;
}) {
  const open = voting.isOpen;
  return (
    <div className="voting-summary" aria-label="Community vote" role="group">
      <p className="voting-window"><VotingWindowText voting={voting} now={now} /></p>
      <p className="votes-left" aria-live="polite">
        {open && signedIn && !sponsorMember && voting.viewerVotesLeft != null ? <strong>{votesLeftText(voting.viewerVotesLeft)}</strong> : null}
      </p>
      {open && !signedIn && <p><Link href={loginHref}>Sign in to vote</Link> <span className="muted">(up to 3 entries)</span></p>}
      {open && sponsorMember && <p className="muted">Members of the sponsoring organization do not vote in its challenges.</p>}
    </div>
  );
}

export interface GalleryEntry {
  id: string;
  title: string;
  voteCount: number;
  author: { displayName: string };
  attachments: { id: string; fileName: string; contentType: string; previewUrl?: string | null }[];
}

/** "1 vote", "12 votes". */
export const voteCountText = (count: number) => `${count} ${count === 1 ? 'vote' : 'votes'}`;

/** An entry's picture: its first image's preview (alt: the entry's title), or a neutral block naming its file kind. */
export function EntryPicture({ entry }: { entry: Pick<GalleryEntry, 'title' | 'attachments'> }) {
  const preview = firstPreview(entry.attachments);
  if (preview?.previewUrl) {
    return <img className="entry-picture" src={preview.previewUrl} alt={entry.title} loading="lazy" width={480} height={360} />;
  }
  const first = entry.attachments[0];
  const kind = first ? kindLabel(first.contentType) : 'Text only';
  return (
    <div className="entry-picture entry-placeholder" aria-hidden="true">
      <span>{kind}</span>
    </div>
  );
}

/** One entry of the grid: picture, title (the link to the entry), author, vote count, then its vote control. */
export function GalleryCard({ challengeId, entry, children }: { challengeId: string; entry: GalleryEntry; children?: ReactNode }) {
  const titleId = `entry-${entry.id}-title`;
  return (
    <li>
      <article className="card entry-card" aria-labelledby={titleId}>
        <EntryPicture entry={entry} />
        <h3 id={titleId} className="entry-card-title"><Link href={entryHref(challengeId, entry.id)}>{entry.title}</Link></h3>
        <p className="muted">by {entry.author.displayName}</p>
        <p className="entry-votes">{voteCountText(entry.voteCount)}</p>
        {children}
      </article>
    </li>
  );
}
