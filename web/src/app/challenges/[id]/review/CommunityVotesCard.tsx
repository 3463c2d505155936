import Link from 'next/link';
import { LocalDate } from '@/components/dates';
import { voteCountText, VotingWindowText } from '@/components/Gallery';
import { Money } from '@/components/Money';
import { Card, EmptyState } from '@/components/ui';
import type { CommunityVotesQuery } from '@/gql/graphql';
import { entryHref, FLAG_REASONS, galleryHref } from '@/lib/gallery';

/**
 * The sponsor's view of the public vote: the window, the entries with the most votes (top 10), the community-choice
 * prizes and when they are awarded (automatically, when voting closes), and the votes the fraud rules flagged (kept,
 * not counted): which entry, the rule in words, when.
 */
export function CommunityVotesCard({ challenge: c, now }: { challenge: CommunityVotesQuery['challenge']; now: Date }) {
  const top = c.topVoted.edges.map((e) => e.node);
  const flagged = c.flaggedVotes?.edges.map((e) => e.node) ?? [];
  const communityPrizes = c.prizes.filter((p) => p.communityChoice);
  return (
    <Card aria-labelledby="community-title">
      <h2 id="community-title">Community votes</h2>
      {c.voting ? <p><VotingWindowText voting={c.voting} now={now} />.</p> : <p className="muted">This challenge has no public vote.</p>}
      {communityPrizes.length > 0 && (
        <ul className="prize-list" aria-label="Community-choice prizes">
          {communityPrizes.map((p) => {
            const awarded = (p.awardedCount ?? 0) > 0 || Boolean(p.award);
            return (
              <li key={p.rank}>
                <span>{p.quantity > 1 ? `${p.quantity} × ` : ''}{p.label} (community choice): <Money {...p.amount} />{p.quantity > 1 ? ' each' : ''}</span>
                <span className="muted">
                  {awarded ? 'Awarded by the vote.' : c.voting ? <>Awarded automatically to the most-voted {p.quantity > 1 ? `${p.quantity} entries` : 'entry'} when voting closes (<LocalDate iso={c.voting.endsAt} />).</> : 'Awarded by the public vote.'}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <h3 id="top-voted-title">Most votes</h3>
      {top.length === 0 ? (
        <p className="muted">No public entries yet.</p>
      ) : (
        <ol className="top-voted" aria-labelledby="top-voted-title">
          {top.map((entry) => (
            <li key={entry.id}>
              <Link href={entryHref(c.id, entry.id)}>{entry.title}</Link> <span className="muted">by {entry.author.displayName}</span> · <strong>{voteCountText(entry.voteCount)}</strong>
            </li>
          ))}
        </ol>
      )}
      {top.length > 0 && <p><Link href={galleryHref(c.id, { sort: 'votes' })}>All entries by votes</Link></p>}
      <h3 id="flagged-title">Flagged votes</h3>
      <p className="muted">Votes our fraud rules flag are kept but not counted.</p>
      {flagged.length === 0 ? (
        <EmptyState title="No flagged votes" />
      ) : (
        <ul className="flagged-votes" aria-labelledby="flagged-title">
          {flagged.map((vote) => (
            <li key={vote.id}>
              <p>
                <strong>{vote.submission ? vote.submission.title : 'An entry no longer public'}</strong>{' '}
                <span className="muted">voted by {vote.voter.displayName}, <LocalDate iso={vote.createdAt} /></span>
              </p>
              <p>{FLAG_REASONS[vote.reason]}.</p>
            </li>
          ))}
        </ul>
      )}
      {c.flaggedVotes?.pageInfo.hasNextPage && <p className="muted">Showing the first {flagged.length} flagged votes.</p>}
    </Card>
  );
}
