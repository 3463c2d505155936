import { decodeCursor, encodeCursor } from '@ideagora/subgraph-kit';

/** Keyset position: a timestamp (ms precision, as stored) and the submission id as tie-breaker. */
export interface SubmissionKeyset {
  at: Date;
  id: string;
}

export function encodeSubmissionCursor(at: Date, id: string): string {
  return encodeCursor([at.toISOString(), id]);
}

/** Null when absent; BAD_USER_INPUT (field `after`) when forged or malformed. */
export function decodeSubmissionCursor(after: string | null | undefined, field = 'after'): SubmissionKeyset | null {
  if (after === null || after === undefined) return null;
  const [at, id] = decodeCursor(after, ['timestamp', 'uuid'], field);
  return { at: new Date(at), id };
}
