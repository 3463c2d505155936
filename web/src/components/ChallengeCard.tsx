import Link from 'next/link';
import type { BrowseChallengesQuery } from '@/gql/graphql';
import { LocalDate } from './dates';
import { Money } from './Money';
import { Card, StatusBadge, humanize } from './ui';

export type ChallengeSummary = BrowseChallengesQuery['challenges']['edges'][number]['node'];

export function ChallengeCard({ challenge, headingLevel = 3 }: { challenge: ChallengeSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Card as="article" className="challenge-card">
      <div className="meta">
        <StatusBadge status={challenge.status} />
        <span>{humanize(challenge.type)}</span>
        <span>{challenge.organization.name}</span>
      </div>
      <Heading><Link href={`/challenges/${challenge.id}`}>{challenge.title}</Link></Heading>
      <p>{challenge.summary}</p>
      <p className="muted">
        Deadline <LocalDate iso={challenge.submissionDeadline} /> · {challenge.submissionCount} {challenge.submissionCount === 1 ? 'submission' : 'submissions'}
      </p>
      <p className="prize"><Money {...challenge.totalPrize} /> <span className="muted">in prizes</span></p>
    </Card>
  );
}
