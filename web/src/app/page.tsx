import Link from 'next/link';
import { ChallengeCard } from '@/components/ChallengeCard';
import { ButtonLink, EmptyState } from '@/components/ui';
import { DEFAULT_SORT, DEFAULT_STATUS } from '@/lib/browse';
import { gql } from '@/lib/gateway';
import { BrowseChallengesDoc } from '@/lib/operations';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  // The browse page's default listing (open, closing soonest), and the same cards.
  const data = await gql(BrowseChallengesDoc, { first: 6, filter: { status: DEFAULT_STATUS }, sort: DEFAULT_SORT });
  const featured = data.challenges.edges.map((e) => e.node);
  const total = data.challenges.totalCount;
  const now = Date.now();
  return (
    <div className="stack">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Solve funded challenges. Get paid from escrow.</h1>
        <p>Sponsors post R&amp;D problems and design contests with prize money held in escrow. Solvers submit sealed solutions and winners are paid out directly.</p>
        <div className="row">
          <ButtonLink href="/challenges">Browse challenges</ButtonLink>
          <ButtonLink href="/sponsor" variant="secondary">Sponsor a challenge</ButtonLink>
        </div>
      </section>
      <section aria-labelledby="featured-title" className="stack">
        <h2 id="featured-title">Open challenges</h2>
        {featured.length === 0 ? (
          <EmptyState title="No open challenges right now">
            <p>Check back soon, or sponsor the first one.</p>
          </EmptyState>
        ) : (
          <ul className="grid-cards">
            {featured.map((c) => (
              <li key={c.id}><ChallengeCard challenge={c} now={now} /></li>
            ))}
          </ul>
        )}
        {total > featured.length && (
          <p><Link href="/challenges">See all {total.toLocaleString('en-US')} open challenges</Link></p>
        )}
      </section>
    </div>
  );
}
