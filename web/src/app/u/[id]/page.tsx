import type { Metadata } from 'next';
import Link from 'next/link';
import { Money } from '@/components/Money';
import { Alert, Card } from '@/components/ui';
import { gqlOrNull } from '@/lib/gateway';
import { SolverProfileDoc } from '@/lib/operations';
import { countryName } from '@/lib/profiles';
import { getViewer } from '@/lib/viewer';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const data = await gqlOrNull(SolverProfileDoc, { id });
  // A private (or unknown) profile: nothing about it in the title, and not indexed.
  return data?.user ? { title: data.user.displayName } : { title: 'Private profile', robots: { index: false } };
}

/**
 * A solver's public profile: name, bio, skills, school, country and reputation (score, prizes won, finalist places,
 * challenges entered, totals won per currency). A private profile and an unknown id read the same: "This profile is
 * private" (whether an account exists is not said). The owner always sees their own, told when it is private.
 */
export default async function UserProfilePage({ params }: Props) {
  const { id } = await params;
  const [data, viewer] = await Promise.all([gqlOrNull(SolverProfileDoc, { id }), getViewer()]);
  const user = data?.user;
  if (!user) {
    return (
      <div className="narrow stack">
        <h1>This profile is private</h1>
        <p>Either this person keeps their profile to themselves, or there is no profile at this address.</p>
        <p><Link href="/leaderboard">See the leaderboard</Link> for the solvers who share theirs.</p>
      </div>
    );
  }
  const own = viewer?.id === user.id;
  const r = user.reputation;
  const country = countryName(user.country);
  return (
    <div className="narrow stack">
      {own && !viewer?.publicProfile && (
        <Alert tone="info" title="Your profile is private.">
          <p>Only you can see this page. <Link href="/me/profile">Make it public</Link> to share it and appear on the leaderboard.</p>
        </Alert>
      )}
      <section aria-labelledby="profile-name" className="stack">
        <h1 id="profile-name">{user.displayName}</h1>
        {(user.school || country) && <p className="muted">{[user.school, country].filter(Boolean).join(' · ')}</p>}
        {user.bio && <p className="description">{user.bio}</p>}
        {user.skills.length > 0 && (
          <ul className="tags" aria-label="Skills">
            {user.skills.map((skill) => <li key={skill} className="tag">{skill}</li>)}
          </ul>
        )}
      </section>
      {r && <Card aria-labelledby="reputation-title">
        <h2 id="reputation-title">Reputation</h2>
        <dl className="reputation-figures">
          <div><dt>Score</dt><dd>{r.score.toLocaleString('en-US')}</dd></div>
          <div><dt>Prizes won</dt><dd>{r.prizesWon.toLocaleString('en-US')}</dd></div>
          <div><dt>Finalist places</dt><dd>{r.finalistPlaces.toLocaleString('en-US')}</dd></div>
          <div><dt>Challenges entered</dt><dd>{r.submissions.toLocaleString('en-US')}</dd></div>
        </dl>
        <h3>Prize money won</h3>
        {r.totalsWon.length === 0 ? (
          <p className="muted">No prize money yet.</p>
        ) : (
          <ul className="org-list" aria-label="Prize money won, per currency">
            {r.totalsWon.map((m) => <li key={m.currency}><Money {...m} /></li>)}
          </ul>
        )}
        <p className="muted">The score: 100 per prize won, 25 per finalist place and 5 per challenge entered.</p>
      </Card>}
      {own && <p><Link href="/me/profile">Edit your profile</Link></p>}
    </div>
  );
}
