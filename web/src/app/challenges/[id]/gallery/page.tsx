import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { castVoteAction, withdrawVoteAction } from '@/app/vote-actions';
import { LocalDate } from '@/components/dates';
import { GalleryCard, GalleryOrderLinks, VotingSummary } from '@/components/Gallery';
import { VoteButton } from '@/components/VoteButton';
import { Alert, EmptyState } from '@/components/ui';
import type { GalleryPageQuery } from '@/gql/graphql';
import { GatewayError, messageFor } from '@/lib/errors';
import { GALLERY_PAGE_SIZE, galleryHref, galleryOpensLater, galleryOrder, parseGalleryPosition, voteControl } from '@/lib/gallery';
import { gql } from '@/lib/gateway';
import { GalleryPageDoc } from '@/lib/operations';
import { getViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Entries' };
export const dynamic = 'force-dynamic';

/**
 * A challenge's public gallery: its entries 24 at a time (Newest or Most votes, "More entries" by the API's cursor),
 * each with its picture, author and votes, and, while voting is open, a vote button. A sealed challenge has no
 * gallery (not found); one public after close says when its entries become public.
 */
export default async function GalleryPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const position = parseGalleryPosition(await searchParams);
  const here = galleryHref(id, position);
  let data: GalleryPageQuery;
  let viewer: Awaited<ReturnType<typeof getViewer>>;
  try {
    [data, viewer] = await Promise.all([
      gql(GalleryPageDoc, { challengeId: id, first: GALLERY_PAGE_SIZE, after: position.after, orderBy: galleryOrder(position.sort) }),
      getViewer(),
    ]);
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    if (error.code === 'BAD_USER_INPUT' && position.after) return <BadCursor challengeId={id} sort={position.sort} message={messageFor(error)} />;
    if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_USER_INPUT') notFound();
    throw error;
  }
  const c = data.challenge;
  if (c.submissionVisibility === 'SEALED') notFound();
  const entries = c.gallery.edges.map((e) => e.node);
  const { pageInfo } = c.gallery;
  const ownIds = new Set([...c.viewerSubmissions.map((s) => s.id), ...(c.viewerTeam?.submission ? [c.viewerTeam.submission.id] : [])]);
  const sponsorMember = Boolean(c.organization.viewerRole);
  const loginHref = `/login?next=${encodeURIComponent(here)}`;
  const now = new Date();
  const notYet = galleryOpensLater(c);
  const nextHref = pageInfo.hasNextPage && pageInfo.endCursor ? galleryHref(c.id, { sort: position.sort, after: pageInfo.endCursor }) : null;

  return (
    <div className="stack">
      <p><Link href={`/challenges/${c.id}`}>← Back to the challenge</Link></p>
      <h1>Entries: {c.title}</h1>
      {c.voting && !notYet && (
        <VotingSummary voting={c.voting} now={now} signedIn={Boolean(viewer)} sponsorMember={sponsorMember} loginHref={loginHref} />
      )}
      {notYet ? (
        <EmptyState title="Entries are not public yet">
          <p>Entries become public when submissions close on <LocalDate iso={c.submissionDeadline} />.</p>
        </EmptyState>
      ) : (
        <section className="stack" aria-labelledby="entries-title">
          <h2 id="entries-title" className="visually-hidden">Entries</h2>
          <GalleryOrderLinks challengeId={c.id} sort={position.sort} />
          {entries.length === 0 ? (
            <EmptyState title={position.after ? 'No more entries' : 'No entries yet'}>
              {!position.after && <p className="muted">Entries appear here as solvers submit them.</p>}
            </EmptyState>
          ) : (
            <ul className="gallery-grid">
              {entries.map((entry) => (
                <GalleryCard key={entry.id} challengeId={c.id} entry={entry}>
                  <VoteButton control={voteControl({ voting: c.voting, signedIn: Boolean(viewer), own: ownIds.has(entry.id), sponsorMember, viewerHasVoted: entry.viewerHasVoted })}
                    challengeId={c.id} submissionId={entry.id} title={entry.title} returnTo={here} loginHref={loginHref}
                    castAction={castVoteAction} withdrawAction={withdrawVoteAction} />
                </GalleryCard>
              ))}
            </ul>
          )}
          <nav className="pager" aria-label="Pagination">
            {position.after ? <Link href={galleryHref(c.id, { sort: position.sort })}>Back to the first entries</Link> : <span />}
            {nextHref && <Link href={nextHref} rel="next">More entries</Link>}
          </nav>
        </section>
      )}
    </div>
  );
}

function BadCursor({ challengeId, sort, message }: { challengeId: string; sort: 'newest' | 'votes'; message: string }) {
  return (
    <div className="stack">
      <h1>Entries</h1>
      <Alert tone="danger" title="This page of entries cannot be shown.">
        <p>{message}</p>
        <p><Link href={galleryHref(challengeId, { sort })}>Back to the first entries</Link></p>
      </Alert>
    </div>
  );
}
