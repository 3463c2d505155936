import { createHash } from 'node:crypto';
import { BadUserInputError, DEFAULT_PAGE_SIZE, isUuid, MAX_PAGE_SIZE } from '@ideagora/subgraph-kit';

/** awardPrizes takes 1 to this many prize places in one call (Mechanical Turk scale). */
export const MAX_AWARDS_PER_REQUEST = 10_000;
export const MAX_IDEMPOTENCY_KEY_CHARS = 200;

/**
 * Prize.awards(first): sized as every page of the API (20 by default, at most 100), so that the operation limits can
 * count it at `first` (the contract's TeamAwardPayouts, awards with their payouts over 20 prizes, passes with room).
 * A prize's count is `awardedCount`; reading all 10,000 places of one prize needs a cursor (docs/ARCHITECTURE.md).
 */
export const MAX_PRIZE_AWARDS_PAGE = MAX_PAGE_SIZE;
export const DEFAULT_PRIZE_AWARDS_PAGE = DEFAULT_PAGE_SIZE;

export interface PrizePlace {
  prizeRank: number;
  submissionId: string;
}

/** What the challenge says of its prizes (challenge_view.prizes; quantity 1 and not community-choice for events queued before them). */
export interface PrizeTerms {
  rank: number;
  amountMinor: bigint;
  quantity: number;
  /** Awarded by the public vote (VotingRankingFixed), never by the sponsor nor by the judging deadline's ranking. */
  communityChoice: boolean;
}

export function prizeAwardsPageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PRIZE_AWARDS_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PRIZE_AWARDS_PAGE) throw new BadUserInputError('first', `must be between 1 and ${MAX_PRIZE_AWARDS_PAGE}`);
  return first;
}

/** The idempotency key of an awardPrizes call: 1 to 200 characters, kept as given. */
export function validIdempotencyKey(key: unknown): string {
  if (typeof key !== 'string' || key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_CHARS) {
    throw new BadUserInputError('idempotencyKey', `must be 1 to ${MAX_IDEMPOTENCY_KEY_CHARS} characters`);
  }
  return key;
}

/**
 * The places asked, checked on their own (before any read): 1..10,000, each a positive rank and a submission id,
 * no place twice. Ids are lower-cased (as Postgres writes them), so the hash and the duplicates see one spelling.
 */
export function validPrizePlaces(awards: readonly PrizePlace[] | null | undefined): PrizePlace[] {
  if (!Array.isArray(awards) || awards.length < 1 || awards.length > MAX_AWARDS_PER_REQUEST) {
    throw new BadUserInputError('awards', `must hold 1 to ${MAX_AWARDS_PER_REQUEST.toLocaleString('en-US')} prize places`);
  }
  const seen = new Set<string>();
  return awards.map((award, index) => {
    if (!Number.isInteger(award.prizeRank) || award.prizeRank < 1) throw new BadUserInputError(`awards[${index}].prizeRank`, `award ${index + 1}: prizeRank must be a positive integer`);
    if (typeof award.submissionId !== 'string' || !isUuid(award.submissionId)) throw new BadUserInputError(`awards[${index}].submissionId`, `award ${index + 1}: submissionId is not a valid id`);
    const place = { prizeRank: award.prizeRank, submissionId: award.submissionId.toLowerCase() };
    const key = placeKey(place);
    if (seen.has(key)) throw new BadUserInputError('awards', `award ${index + 1}: submission ${place.submissionId} is given prize ${place.prizeRank} twice`);
    seen.add(key);
    return place;
  });
}

const placeKey = (p: PrizePlace) => `${p.prizeRank}:${p.submissionId}`;

/** The request's fingerprint: the same places in any order hash alike (a replay may reorder them). */
export function requestHash(places: readonly PrizePlace[]): string {
  const lines = places.map(placeKey).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** The places asked of each prize, by rank (to compare with what is left of its quantity). */
export function placesAskedByPrize(places: readonly PrizePlace[]): Map<number, number> {
  const asked = new Map<number, number>();
  for (const place of places) asked.set(place.prizeRank, (asked.get(place.prizeRank) ?? 0) + 1);
  return asked;
}

/** Ranks asked that the challenge does not have (BAD_USER_INPUT). */
export function unknownPrizeRanks(places: readonly PrizePlace[], prizes: readonly PrizeTerms[]): number[] {
  const known = new Set(prizes.map((p) => p.rank));
  return [...new Set(places.map((p) => p.prizeRank))].filter((rank) => !known.has(rank)).sort((a, b) => a - b);
}

/** The index of the first place asked of a community-choice prize (the sponsor may not award it), or -1. */
export function firstCommunityChoicePlace(places: readonly PrizePlace[], prizes: readonly PrizeTerms[]): number {
  const byVote = new Set(prizes.filter((p) => p.communityChoice).map((p) => p.rank));
  return places.findIndex((p) => byVote.has(p.prizeRank));
}

/** Prizes asked beyond what is left of their quantity: [rank, asked, left] (CONFLICT). */
export function prizesOverQuantity(places: readonly PrizePlace[], prizes: readonly PrizeTerms[], awarded: ReadonlyMap<number, number>): { rank: number; asked: number; left: number }[] {
  const over: { rank: number; asked: number; left: number }[] = [];
  for (const [rank, asked] of placesAskedByPrize(places)) {
    const prize = prizes.find((p) => p.rank === rank)!;
    const left = prize.quantity - (awarded.get(rank) ?? 0);
    if (asked > left) over.push({ rank, asked, left: Math.max(left, 0) });
  }
  return over.sort((a, b) => a.rank - b.rank);
}
