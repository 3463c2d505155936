import type { CommunitiesSeed } from './communities-seed';
import type { GallerySeed } from './gallery-seed';

export type DatasetSize = 'tiny' | 'small' | 'large';

export const DATASET_SIZES: readonly DatasetSize[] = ['tiny', 'small', 'large'];

export interface DatasetCounts {
  organizations: number;
  users: number;
  sponsors: number;
  solvers: number;
  challenges: number;
  challengesByStatus: Record<'DRAFT' | 'OPEN' | 'JUDGING' | 'CLOSED', number>;
  inviteOnlyChallenges: number;
  prizes: number;
  fundings: number;
  submissions: number;
  submissionVersions: number;
  awards: number;
  payouts: number;
  payoutAccounts: number;
  settlements: number;
  ledgerTransactions: number;
  ledgerPostings: number;
}

/** Everything the benchmark scenarios need to know about a generated data set (JSON-serialisable). */
export interface Dataset {
  size: DatasetSize;
  seed: number;
  /** The instant the data's timeline is anchored to (deadlines, "now" of the generated history), ISO 8601. */
  anchoredAt: string;
  generatedAt: string;
  generatedInMs: number;
  /** PLATFORM_FEE_BASIS_POINTS the fundings were computed with (the payouts subgraph's default unless overridden). */
  platformFeeBasisPoints: number;
  counts: DatasetCounts;
  /** Every generated user's password (one scrypt hash, reused for all rows). */
  password: string;
  /** A user's email is `<user id>@<emailDomain>` (see benchUserEmail). */
  emailDomain: string;
  /**
   * The contest with the most submissions: status JUDGING, PUBLIC, readable in full by its owner; every submission
   * scored in round 1 by each of `judgeIds` (accepted judges), `scoreCards` cards in all (Q4's judging board); a
   * public gallery with votes (`gallery`, Q5; absent in a data set generated before Q5, which the bench then seeds).
   */
  bigChallenge: { id: string; ownerUserId: string; ownerEmail: string; submissionCount: number; judgeIds: string[]; scoreCards: number; gallery?: GallerySeed };
  /** Sample (≤ 2000) of PUBLIC published challenges, any status but DRAFT. */
  browsableChallengeIds: string[];
  /** Sample (≤ 2000) of OPEN PUBLIC challenges whose deadline is at least 60 days after anchoredAt. */
  openChallengeIds: string[];
  /** Sample (≤ 2000) of CLOSED PUBLIC challenges: every prize awarded and paid. */
  closedChallengeIds: string[];
  /** Sample (≤ 5000) of solvers: users in no organization. */
  solverIds: string[];
  /** About 20 words that each match some PUBLIC published challenges in full-text search. */
  searchTerms: string[];
  /** Profiles, skills and reputation (Q6 leaderboard, Q7 recommendations); absent in a data set generated before them. */
  communities?: CommunitiesSeed;
}

export const EMAIL_DOMAIN = 'bench.ideagora.test';

/** The email of a generated user: derived from the id, so any id in the descriptor can log in. */
export function benchUserEmail(userId: string): string {
  return `${userId}@${EMAIL_DOMAIN}`;
}
