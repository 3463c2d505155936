import { decodeCursor, encodeCursor } from '@ideagora/subgraph-kit';

/**
 * The ranking's keyset position (the last row of a page): its rank, then the ordering keys of submission_score_ranking_idx
 * (mean total and card count, negated in SQL; the first submission instant, ms as stored; the submission id).
 */
export interface RankingKeyset {
  rank: number;
  meanTotal: number;
  cardCount: number;
  firstSubmittedAt: Date;
  submissionId: string;
}

export function encodeRankingCursor(k: RankingKeyset): string {
  return encodeCursor([k.rank, k.meanTotal, k.cardCount, k.firstSubmittedAt.toISOString(), k.submissionId]);
}

/** Null when absent; BAD_USER_INPUT (field `after`) when forged or malformed (the one cursor codec). */
export function decodeRankingCursor(after: string | null | undefined): RankingKeyset | null {
  if (after === null || after === undefined) return null;
  const [rank, meanTotal, cardCount, at, submissionId] = decodeCursor(after, ['int', 'int', 'int', 'timestamp', 'uuid'], 'after');
  return { rank, meanTotal, cardCount, firstSubmittedAt: new Date(at), submissionId };
}
