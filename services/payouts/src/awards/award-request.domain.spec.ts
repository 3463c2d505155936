import {
  firstCommunityChoicePlace,
  prizeAwardsPageSize,
  prizesOverQuantity,
  requestHash,
  unknownPrizeRanks,
  validIdempotencyKey,
  validPrizePlaces,
  MAX_AWARDS_PER_REQUEST,
} from './award-request.domain';

const A = '01a24cdf-8311-764a-87d4-726d64b039ec';
const B = '01a24cdf-8311-764a-87d4-726d64b039ed';
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string; field?: string }).code + ':' + (error as { field?: string }).field;
  }
  return 'ok';
};

describe('awardPrizes requests', () => {
  it('takes an idempotency key of 1 to 200 characters', () => {
    expect(validIdempotencyKey('k')).toBe('k');
    expect(validIdempotencyKey('x'.repeat(200))).toHaveLength(200);
    expect(fieldOf(() => validIdempotencyKey(''))).toBe('BAD_USER_INPUT:idempotencyKey');
    expect(fieldOf(() => validIdempotencyKey('x'.repeat(201)))).toBe('BAD_USER_INPUT:idempotencyKey');
    expect(fieldOf(() => validIdempotencyKey(undefined))).toBe('BAD_USER_INPUT:idempotencyKey');
  });

  it('takes 1 to 10,000 places, each a positive rank and a submission id, none twice; ids lower-cased', () => {
    expect(validPrizePlaces([{ prizeRank: 1, submissionId: A.toUpperCase() }])).toEqual([{ prizeRank: 1, submissionId: A }]);
    expect(fieldOf(() => validPrizePlaces([]))).toBe('BAD_USER_INPUT:awards');
    expect(fieldOf(() => validPrizePlaces(null))).toBe('BAD_USER_INPUT:awards');
    expect(fieldOf(() => validPrizePlaces(Array.from({ length: MAX_AWARDS_PER_REQUEST + 1 }, () => ({ prizeRank: 1, submissionId: A }))))).toBe('BAD_USER_INPUT:awards');
    expect(fieldOf(() => validPrizePlaces([{ prizeRank: 0, submissionId: A }]))).toBe('BAD_USER_INPUT:awards[0].prizeRank');
    expect(fieldOf(() => validPrizePlaces([{ prizeRank: 1, submissionId: 'nope' }]))).toBe('BAD_USER_INPUT:awards[0].submissionId');
    expect(fieldOf(() => validPrizePlaces([{ prizeRank: 1, submissionId: A }, { prizeRank: 1, submissionId: A.toUpperCase() }]))).toBe('BAD_USER_INPUT:awards');
    // The same submission may hold places of two prizes.
    expect(validPrizePlaces([{ prizeRank: 1, submissionId: A }, { prizeRank: 2, submissionId: A }])).toHaveLength(2);
  });

  it('hashes the same places alike in any order, other places otherwise', () => {
    const one = [{ prizeRank: 1, submissionId: A }, { prizeRank: 2, submissionId: B }];
    expect(requestHash(one)).toBe(requestHash([...one].reverse()));
    expect(requestHash(one)).not.toBe(requestHash([{ prizeRank: 2, submissionId: A }, { prizeRank: 1, submissionId: B }]));
    expect(requestHash(one)).not.toBe(requestHash(one.slice(0, 1)));
  });

  it('finds ranks the challenge lacks, and prizes asked beyond the places they have left', () => {
    const prizes = [
      { rank: 1, amountMinor: 100n, quantity: 1, communityChoice: false },
      { rank: 2, amountMinor: 10n, quantity: 3, communityChoice: false },
    ];
    const places = [{ prizeRank: 2, submissionId: A }, { prizeRank: 2, submissionId: B }, { prizeRank: 5, submissionId: A }];
    expect(unknownPrizeRanks(places, prizes)).toEqual([5]);
    const known = places.slice(0, 2);
    expect(prizesOverQuantity(known, prizes, new Map())).toEqual([]);
    expect(prizesOverQuantity(known, prizes, new Map([[2, 2]]))).toEqual([{ rank: 2, asked: 2, left: 1 }]);
    expect(prizesOverQuantity([{ prizeRank: 1, submissionId: A }], prizes, new Map([[1, 1]]))).toEqual([{ rank: 1, asked: 1, left: 0 }]);
  });

  it('finds the first place asked of a community-choice prize (awarded by the vote, not by the sponsor)', () => {
    const prizes = [
      { rank: 1, amountMinor: 100n, quantity: 1, communityChoice: false },
      { rank: 2, amountMinor: 10n, quantity: 3, communityChoice: true },
    ];
    expect(firstCommunityChoicePlace([{ prizeRank: 1, submissionId: A }], prizes)).toBe(-1);
    expect(firstCommunityChoicePlace([{ prizeRank: 1, submissionId: A }, { prizeRank: 2, submissionId: B }, { prizeRank: 2, submissionId: A }], prizes)).toBe(1);
    expect(firstCommunityChoicePlace([{ prizeRank: 2, submissionId: A }], prizes.slice(0, 1))).toBe(-1);
  });

  it('pages a prize’s awards by 1 to 100 (20 by default), as every page of the API', () => {
    expect(prizeAwardsPageSize(undefined)).toBe(20);
    expect(prizeAwardsPageSize(100)).toBe(100);
    expect(fieldOf(() => prizeAwardsPageSize(0))).toBe('BAD_USER_INPUT:first');
    expect(fieldOf(() => prizeAwardsPageSize(101))).toBe('BAD_USER_INPUT:first');
  });
});
