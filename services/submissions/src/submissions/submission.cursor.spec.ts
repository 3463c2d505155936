import { BadUserInputError, encodeCursor } from '@ideagora/subgraph-kit';
import { decodeSubmissionCursor, encodeSubmissionCursor } from './submission.cursor';

const ID = '0195f3a2-7c1e-7a00-8000-00000000000a';

describe('submission cursors', () => {
  it('round-trips (timestamp, id)', () => {
    const at = new Date('2026-11-23T10:00:00.123Z');
    expect(decodeSubmissionCursor(encodeSubmissionCursor(at, ID))).toEqual({ at, id: ID });
  });
  it('absent cursor is null', () => {
    expect(decodeSubmissionCursor(undefined)).toBeNull();
    expect(decodeSubmissionCursor(null)).toBeNull();
  });
  it.each([['garbage'], [encodeCursor(['not a date', ID])], [encodeCursor([new Date().toISOString(), 'x'])], [encodeCursor([1, ID])]])(
    'rejects a forged cursor as BAD_USER_INPUT on `after`',
    (cursor) => {
      expect(() => decodeSubmissionCursor(cursor)).toThrow(BadUserInputError);
      try {
        decodeSubmissionCursor(cursor);
      } catch (error) {
        expect((error as BadUserInputError).field).toBe('after');
      }
    },
  );
});
