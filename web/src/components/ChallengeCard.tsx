import Link from 'next/link';
import type { BrowseChallengesQuery } from '@/gql/graphql';
import { LocalDate, TimeLeft } from './dates';
import { Money } from './Money';
import { Card, StatusBadge, humanize } from './ui';

export type ChallengeSummary = BrowseChallengesQuery['challenges']['edges'][number]['node'];

/**
 * A challenge in a list (home and browse alike): the whole card is one link to the challenge, named by its title
 * (the title's link stretches over the card, so the card reads as one link and holds no other control).
 * `now` (ms) is the server's time for the time left, so server and first client render agree.
 */
export function ChallengeCard({ challenge, headingLevel = 3, now }: { challenge: ChallengeSummary; headingLevel?: 2 | 3; now: number }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const submissions = `${challenge.submissionCount} ${challenge.submissionCount === 1 ? 'submission' : 'submissions'}`;
  return (
    <Card as="article" className="challenge-card">
      <div className="meta">
        <StatusBadge status={challenge.status} />
        <span>{humanize(challenge.type)}</span>
        <span>{challenge.organization.name}</span>
      </div>
      <Heading className="challenge-card-title"><Link href={`/challenges/${challenge.id}`} className="card-link">{challenge.title}</Link></Heading>
      <p>{challenge.summary}</p>
      <p className="muted">
        {challenge.status === 'OPEN' ? (
          <strong className="time-left-label"><TimeLeft iso={challenge.submissionDeadline} now={now} /></strong>
        ) : challenge.status === 'DRAFT' ? (
          <>Deadline <LocalDate iso={challenge.submissionDeadline} /></>
        ) : (
          <>Closed</>
        )}
        {' · '}{submissions}
      </p>
      <p className="prize"><Money {...challenge.totalPrize} /> <span className="muted">in prizes</span></p>
    </Card>
  );
}
