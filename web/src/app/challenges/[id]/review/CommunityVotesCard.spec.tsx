/** The sponsor's Community votes: the window, the top of the vote count, community-choice prizes, flagged votes in words. */
import { render, screen, within } from '@testing-library/react';
import type { CommunityVotesQuery } from '@/gql/graphql';
import { CommunityVotesCard } from './CommunityVotesCard';

const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });
function community(over: Partial<CommunityVotesQuery['challenge']> = {}): CommunityVotesQuery['challenge'] {
  return {
    id: 'c1', submissionVisibility: 'GALLERY',
    voting: { startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-20T18:00:00Z', isOpen: true },
    prizes: [
      { rank: 1, label: 'First prize', quantity: 1, awardedCount: 0, communityChoice: false, amount: usd('100000'), award: null },
      { rank: 2, label: 'Public favourite', quantity: 2, awardedCount: 0, communityChoice: true, amount: usd('5000'), award: null },
    ],
    topVoted: { edges: [
      { node: { id: 's1', title: 'Solar still', voteCount: 40, author: { id: 'a1', displayName: 'Ada' } } },
      { node: { id: 's2', title: 'Fog net', voteCount: 1, author: { id: 'a2', displayName: 'Bo' } } },
    ] },
    flaggedVotes: { edges: [
      { node: { id: 'v1', reason: 'ADDRESS_BURST', createdAt: '2026-12-06T10:00:00Z', voter: { id: 'u9', displayName: 'Cy' }, submission: { id: 's1', title: 'Solar still' } } },
      { node: { id: 'v2', reason: 'ACCOUNT_BATCH', createdAt: '2026-12-06T11:00:00Z', voter: { id: 'u8', displayName: 'Di' }, submission: null } },
    ], pageInfo: { hasNextPage: false } },
    ...over,
  } as CommunityVotesQuery['challenge'];
}

describe('CommunityVotesCard', () => {
  it('lists the entries by votes, the community-choice prize and when it is awarded', () => {
    render(<CommunityVotesCard challenge={community()} now={new Date('2026-12-07T12:00:00Z')} />);
    const card = screen.getByRole('region', { name: 'Community votes' });
    expect(card).toHaveTextContent(/Voting open until /);
    const top = within(card).getByRole('list', { name: 'Most votes' });
    expect(within(top).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Solar still by Ada · 40 votes', 'Fog net by Bo · 1 vote']);
    expect(within(top).getByRole('link', { name: 'Solar still' })).toHaveAttribute('href', '/challenges/c1/gallery/s1');
    const prizes = within(card).getByRole('list', { name: 'Community-choice prizes' });
    expect(prizes).toHaveTextContent(/2 × Public favourite \(community choice\): \$50\.00 each/);
    expect(prizes).toHaveTextContent(/Awarded automatically to the most-voted 2 entries when voting closes/);
    expect(within(card).getByRole('link', { name: 'All entries by votes' })).toHaveAttribute('href', '/challenges/c1/gallery?sort=votes');
  });

  it('lists the flagged votes: the entry, the rule in words, when', () => {
    render(<CommunityVotesCard challenge={community()} now={new Date('2026-12-07T12:00:00Z')} />);
    const flagged = screen.getByRole('list', { name: 'Flagged votes' });
    const [burst, batch] = within(flagged).getAllByRole('listitem');
    expect(burst).toHaveTextContent(/^Solar still voted by Cy, .+More than 5 votes from one network address within 10 minutes\.$/);
    expect(burst.querySelector('time')).toHaveAttribute('dateTime', '2026-12-06T10:00:00Z');
    expect(batch).toHaveTextContent(/^An entry no longer public voted by Di, .+Account created within 10 minutes of 4 or more others voting for the same entry\.$/);
  });

  it('says when nothing is flagged and when there is no vote', () => {
    render(<CommunityVotesCard challenge={community({ voting: null, prizes: [], topVoted: { edges: [] }, flaggedVotes: { edges: [], pageInfo: { hasNextPage: false } } })} now={new Date()} />);
    expect(screen.getByText('This challenge has no public vote.')).toBeInTheDocument();
    expect(screen.getByText('No flagged votes')).toBeInTheDocument();
    expect(screen.getByText('No public entries yet.')).toBeInTheDocument();
  });
});
