import { communityPlacesOf, isAccountOldEnough, isVotingOpen, voteFlagReason, type VotingState } from './vote.domain';

const NOW = new Date('2026-12-10T12:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const open: VotingState = { status: 'OPEN', published: true, votingStartsAt: hours(-1), votingEndsAt: hours(1), votingClosed: false };

describe('isVotingOpen', () => {
  it('is open inside the window of a published challenge, from startsAt included to endsAt excluded', () => {
    expect(isVotingOpen(open, NOW)).toBe(true);
    expect(isVotingOpen({ ...open, status: 'JUDGING' }, NOW)).toBe(true);
    expect(isVotingOpen({ ...open, votingStartsAt: NOW }, NOW)).toBe(true);
    expect(isVotingOpen({ ...open, votingEndsAt: NOW }, NOW)).toBe(false);
    expect(isVotingOpen({ ...open, votingStartsAt: hours(1), votingEndsAt: hours(2) }, NOW)).toBe(false);
  });

  it('is closed without a window, once closed, unpublished, cancelled or unknown', () => {
    expect(isVotingOpen({ ...open, votingStartsAt: null, votingEndsAt: null }, NOW)).toBe(false);
    expect(isVotingOpen({ ...open, votingClosed: true }, NOW)).toBe(false);
    expect(isVotingOpen({ ...open, published: false }, NOW)).toBe(false);
    for (const status of ['DRAFT', 'CANCELLING', 'CANCELLED'] as const) expect(isVotingOpen({ ...open, status }, NOW)).toBe(false);
    expect(isVotingOpen(null, NOW)).toBe(false);
  });
});

describe('voteFlagReason', () => {
  it('counts up to 5 earlier votes from one address and up to 3 batch-mates, flags beyond', () => {
    expect(voteFlagReason({ recentFromAddress: 4, batchVoters: 3 })).toBeNull();
    expect(voteFlagReason({ recentFromAddress: 5, batchVoters: 0 })).toBe('ADDRESS_BURST');
    expect(voteFlagReason({ recentFromAddress: 0, batchVoters: 4 })).toBe('ACCOUNT_BATCH');
    expect(voteFlagReason({ recentFromAddress: 9, batchVoters: 9 })).toBe('ADDRESS_BURST');
  });
});

describe('isAccountOldEnough', () => {
  it('needs the minimum age; an unknown creation is a new account; 0 hours lets everyone vote', () => {
    expect(isAccountOldEnough(hours(-24), 24, NOW)).toBe(true);
    expect(isAccountOldEnough(hours(-23), 24, NOW)).toBe(false);
    expect(isAccountOldEnough(null, 24, NOW)).toBe(false);
    expect(isAccountOldEnough(null, 0, NOW)).toBe(true);
  });
});

describe('communityPlacesOf', () => {
  it('sums the community-choice prizes quantities (1 when absent)', () => {
    expect(communityPlacesOf([{ quantity: 3 }, { communityChoice: true, quantity: 2 }, { communityChoice: true }])).toBe(3);
    expect(communityPlacesOf(undefined)).toBe(0);
  });
});
