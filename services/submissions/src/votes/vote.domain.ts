import type { ChallengeStatusName } from '@ideagora/events';
import { prizePlacesOf } from '../judging/judging.domain';

/** Votes a voter has on one challenge. */
export const VOTES_PER_VOTER = 3;
/** Address rule: more than this many votes from one client address on one challenge within the window are flagged. */
export const ADDRESS_BURST_LIMIT = 5;
/** Batch rule: a voter created within the window of this many other voters of the same submission is flagged. */
export const ACCOUNT_BATCH_LIMIT = 4;
/** Both rules' window. */
export const FRAUD_WINDOW_MS = 10 * 60_000;

export type VoteFlagReasonName = 'ADDRESS_BURST' | 'ACCOUNT_BATCH';

/** The vote's window and state, as challenge_view holds them. */
export interface VotingState {
  status: ChallengeStatusName;
  published: boolean;
  votingStartsAt: Date | null;
  votingEndsAt: Date | null;
  /** ChallengeChanged.votingClosed was applied (the deadline job); or the ranking was fixed. */
  votingClosed: boolean;
}

const VOTING_STATUSES: readonly ChallengeStatusName[] = ['OPEN', 'JUDGING', 'AWARDED', 'CLOSED'];

/**
 * Is the vote open now? A window, started, not ended (by the clock: the deadline job's event may be in flight) and
 * not closed, on a published challenge not being cancelled.
 */
export function isVotingOpen(state: VotingState | null | undefined, now: Date): boolean {
  if (!state || !state.published || !VOTING_STATUSES.includes(state.status)) return false;
  if (!state.votingStartsAt || !state.votingEndsAt || state.votingClosed) return false;
  return state.votingStartsAt.getTime() <= now.getTime() && now.getTime() < state.votingEndsAt.getTime();
}

/**
 * Which fraud rule flags a vote (null: counted). `recentFromAddress`: this challenge's votes from the same client
 * address in the last FRAUD_WINDOW_MS, before this one (the 6th and later are flagged). `batchVoters`: the
 * submission's other voters whose accounts were created within FRAUD_WINDOW_MS of this voter's (the 5th of a batch
 * and later are flagged). Flag, never drop: the sponsor reads them (Challenge.flaggedVotes).
 */
export function voteFlagReason(counts: { recentFromAddress: number; batchVoters: number }): VoteFlagReasonName | null {
  if (counts.recentFromAddress >= ADDRESS_BURST_LIMIT) return 'ADDRESS_BURST';
  if (counts.batchVoters >= ACCOUNT_BATCH_LIMIT) return 'ACCOUNT_BATCH';
  return null;
}

/** Is the account old enough to vote? Unknown creation (its UserRegistered in flight): it was created just now. */
export function isAccountOldEnough(createdAt: Date | null, minAgeHours: number, now: Date): boolean {
  if (minAgeHours <= 0) return true;
  const created = createdAt ?? now;
  return now.getTime() - created.getTime() >= minAgeHours * 3_600_000;
}

/** The community-choice prizes' places: VotingRankingFixed's ranking length. */
export function communityPlacesOf(prizes: readonly { quantity?: number; communityChoice?: boolean }[] | null | undefined): number {
  return prizePlacesOf((prizes ?? []).filter((p) => p.communityChoice === true));
}
