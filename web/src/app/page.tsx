import Link from 'next/link';
import { ChallengeCard, type ChallengeSummary } from '@/components/ChallengeCard';
import { ButtonLink, EmptyState } from '@/components/ui';
import { DEFAULT_SORT, DEFAULT_STATUS } from '@/lib/browse';
import { gql } from '@/lib/gateway';
import { BrowseChallengesDoc, RecommendedChallengesDoc } from '@/lib/operations';
import { getViewer, type Viewer } from '@/lib/viewer';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  // The browse page's default listing (open, closing soonest), and the same cards.
  const [data, viewer] = await Promise.all([gql(BrowseChallengesDoc, { first: 6, filter: { status: DEFAULT_STATUS }, sort: DEFAULT_SORT }), getViewer()]);
  const recommended = viewer ? await recommendationsFor() : null;
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
      {viewer && recommended && <Recommended viewer={viewer} challenges={recommended} now={now} />}
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

const RECOMMENDED_COUNT = 3;

/** The viewer's recommendations; null when they cannot be had (the rest of the home page shows all the same). */
async function recommendationsFor(): Promise<ChallengeSummary[] | null> {
  try {
    return (await gql(RecommendedChallengesDoc, { first: RECOMMENDED_COUNT })).viewer?.recommendedChallenges?.edges.map((e) => e.node) ?? null;
  } catch {
    return null;
  }
}

/** "Recommended for you": open challenges matching the viewer's skills and past entries, the browse page's cards. */
function Recommended({ viewer, challenges, now }: { viewer: Viewer; challenges: ChallengeSummary[]; now: number }) {
  return (
    <section aria-labelledby="recommended-title" className="stack">
      <h2 id="recommended-title">Recommended for you</h2>
      {challenges.length === 0 ? (
        <p className="muted">
          {viewer.skills.length === 0
            ? <>Add your skills to <Link href="/me/profile">your profile</Link> to see the open challenges that match them.</>
            : <>No open challenge matches your skills right now. <Link href="/me/profile">Add more skills</Link>, or browse them all.</>}
        </p>
      ) : (
        <ul className="grid-cards">
          {challenges.map((c) => (
            <li key={c.id}><ChallengeCard challenge={c} now={now} /></li>
          ))}
        </ul>
      )}
    </section>
  );
}
