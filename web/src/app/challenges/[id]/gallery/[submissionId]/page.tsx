import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { castVoteAction, withdrawVoteAction } from '@/app/vote-actions';
import { LocalDate } from '@/components/dates';
import { voteCountText, VotingSummary } from '@/components/Gallery';
import { VoteButton } from '@/components/VoteButton';
import { Card } from '@/components/ui';
import { entryHref, galleryHref, galleryIsPublic, voteControl } from '@/lib/gallery';
import { gqlOrNull } from '@/lib/gateway';
import { GalleryEntryDoc } from '@/lib/operations';
import { getViewer } from '@/lib/viewer';
import { AttachmentList } from '@/components/Attachments';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; submissionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { submissionId } = await params;
  const data = await gqlOrNull(GalleryEntryDoc, { submissionId });
  return { title: data?.submission?.title ?? 'Entry' };
}

/** One public entry of a gallery: title, author, body, votes with the vote button, and its files. */
export default async function GalleryEntryPage({ params }: Props) {
  const { id, submissionId } = await params;
  const [data, viewer] = await Promise.all([gqlOrNull(GalleryEntryDoc, { submissionId }), getViewer()]);
  const entry = data?.submission;
  // Only a public entry of this challenge: the API also answers its author, the sponsor and the judges for a sealed one.
  if (!entry || entry.challenge.id !== id || !galleryIsPublic(entry.challenge)) notFound();
  const c = entry.challenge;
  const here = entryHref(c.id, entry.id);
  const loginHref = `/login?next=${encodeURIComponent(here)}`;
  const sponsorMember = Boolean(c.organization.viewerRole);
  const own = c.viewerSubmissions.some((s) => s.id === entry.id) || c.viewerTeam?.submission?.id === entry.id;
  return (
    <div className="stack">
      <p><Link href={galleryHref(c.id)}>← All entries of {c.title}</Link></p>
      <article className="stack" aria-labelledby="entry-title">
        <h1 id="entry-title">{entry.title}</h1>
        <p className="muted">by {entry.author.displayName}, submitted <LocalDate iso={entry.firstSubmittedAt} /></p>
        {c.voting && <VotingSummary voting={c.voting} now={new Date()} signedIn={Boolean(viewer)} sponsorMember={sponsorMember} loginHref={loginHref} />}
        <div className="row">
          <p className="entry-votes">{voteCountText(entry.voteCount)}</p>
          <VoteButton control={voteControl({ voting: c.voting, signedIn: Boolean(viewer), own, sponsorMember, viewerHasVoted: entry.viewerHasVoted })}
            challengeId={c.id} submissionId={entry.id} title={entry.title} returnTo={here} loginHref={loginHref}
            castAction={castVoteAction} withdrawAction={withdrawVoteAction} />
        </div>
        <Card aria-labelledby="entry-body-title">
          <h2 id="entry-body-title">The entry</h2>
          <div className="description">{entry.body}</div>
        </Card>
        <Card aria-labelledby="entry-files-title">
          <h2 id="entry-files-title">Files</h2>
          {entry.attachments.length > 0 ? <AttachmentList attachments={entry.attachments} label={`Files of “${entry.title}”`} /> : <p className="muted">No files.</p>}
        </Card>
      </article>
    </div>
  );
}
