import { decodeCursor, encodeCursor } from '@ideagora/subgraph-kit';

/** Challenge.gallery(orderBy: VOTES)'s keyset position: the last entry's vote count, first submission instant and id. */
export interface VoteRankingKeyset {
  voteCount: number;
  at: Date;
  id: string;
}

export function encodeVoteRankingCursor(k: VoteRankingKeyset): string {
  return encodeCursor([k.voteCount, k.at.toISOString(), k.id]);
}

/** Null when absent; BAD_USER_INPUT (field `after`) when forged or malformed (the one cursor codec). */
export function decodeVoteRankingCursor(after: string | null | undefined): VoteRankingKeyset | null {
  if (after === null || after === undefined) return null;
  const [voteCount, at, id] = decodeCursor(after, ['int', 'timestamp', 'uuid'], 'after');
  return { voteCount, at: new Date(at), id };
}
