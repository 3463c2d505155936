import { enteredFacts, finalistFacts, prizeFacts, reputationScore } from './reputation.domain';

const challengeId = '0190a000-0000-7000-8000-000000000001';
const submissionId = '0190a000-0000-7000-8000-000000000002';

describe('reputation', () => {
  it('scores 100 a prize, 25 a finalist place, 5 a challenge entered', () => {
    expect(reputationScore({ prizesWon: 0, finalistPlaces: 0, submissions: 0 })).toBe(0);
    expect(reputationScore({ prizesWon: 2, finalistPlaces: 1, submissions: 3 })).toBe(240);
  });

  it('counts the author of a submission as having entered its challenge', () => {
    expect(enteredFacts({ id: submissionId, challengeId, authorId: 'u1', version: 2, teamId: 't1' })).toEqual([
      { userId: 'u1', kind: 'ENTERED', challengeId, source: '', amountMinor: null, currency: null },
    ]);
  });

  it('counts finalists once each, and nothing for the others told', () => {
    const part = { challengeId, finalRoundDeadline: '2027-01-01T00:00:00.000Z', userIds: ['u1', 'u2', 'u1'] };
    expect(finalistFacts({ ...part, finalist: true }).map((f) => f.userId)).toEqual(['u1', 'u2']);
    expect(finalistFacts({ ...part, finalist: false })).toEqual([]);
  });

  it('counts a solo prize with its amount, a team prize per member with their part', () => {
    expect(prizeFacts({ challengeId, prizeRank: 1, submissionId, winnerId: 'u1', amountMinor: '150000', currency: 'USD' })).toEqual([
      { userId: 'u1', kind: 'PRIZE', challengeId, source: `1:${submissionId}`, amountMinor: '150000', currency: 'USD' },
    ]);
    const team = prizeFacts({ challengeId, prizeRank: 2, submissionId, teamId: 't', currency: 'EUR', recipients: [{ userId: 'u1', amountMinor: '334' }, { userId: 'u2', amountMinor: '333' }] });
    expect(team.map((f) => [f.userId, f.source, f.amountMinor, f.currency])).toEqual([
      ['u1', `2:${submissionId}`, '334', 'EUR'],
      ['u2', `2:${submissionId}`, '333', 'EUR'],
    ]);
  });

  it('counts a prize without amount (an old event) with no total, and one without winner for nobody', () => {
    expect(prizeFacts({ challengeId, prizeRank: 1, submissionId, winnerId: 'u1' })).toEqual([
      { userId: 'u1', kind: 'PRIZE', challengeId, source: `1:${submissionId}`, amountMinor: null, currency: null },
    ]);
    expect(prizeFacts({ challengeId, prizeRank: 1, submissionId })).toEqual([]);
  });
});
