import 'reflect-metadata';
import { BadUserInputError } from './errors';
import { CURSOR_MAX_LENGTH, CURSOR_STRING_MAX, decodeCursor, encodeCursor } from './pagination';

const ID = '0195f3a2-7c1e-7a00-8000-00000000000a';
const AT = '2026-11-23T10:00:00.123Z';
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function refusal(fn: () => unknown): BadUserInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return error as BadUserInputError;
  }
  throw new Error('accepted');
}

describe('cursor codec', () => {
  it('round-trips what it issues: timestamps (ms and Postgres µs), ids, ints, strings', () => {
    expect(decodeCursor(encodeCursor([AT, ID]), ['timestamp', 'uuid'])).toEqual([AT, ID]);
    expect(decodeCursor(encodeCursor(['2026-11-23T10:00:00.123456Z', ID]), ['timestamp', 'uuid'])).toEqual(['2026-11-23T10:00:00.123456Z', ID]);
    expect(decodeCursor(encodeCursor([42, 'Zürich 😀']), ['int', 'string'])).toEqual([42, 'Zürich 😀']);
  });

  it.each([
    ['garbage', 'garbage'],
    ['empty', ''],
    ['not JSON', b64('{not json')],
    ['not an array', b64({ at: AT, id: ID })],
    ['too few parts', encodeCursor([AT])],
    ['too many parts', encodeCursor([AT, ID, 1])],
    ['wrong types', encodeCursor([1, 2])],
    ['a date Date.parse accepts and Postgres refuses', encodeCursor(['2026-02-30T00:00:00.000Z', ID])],
    ['a year JavaScript allows and Postgres refuses', encodeCursor(['+275760-01-01T00:00:00.000Z', ID])],
    ['a year before 1970', encodeCursor(['1969-12-31T23:59:59.999Z', ID])],
    ['a timestamp not as we write it (offset)', encodeCursor(['2026-11-23T11:00:00.123+01:00', ID])],
    ['a timestamp not as we write it (no fraction)', encodeCursor(['2026-11-23T10:00:00Z', ID])],
    ['SQL in the timestamp', encodeCursor(["2026-01-01T00:00:00.000Z'; drop table challenge; --", ID])],
    ['a non-UUID id', encodeCursor([AT, 'x'])],
    ['an upper-case id (we never issue one)', encodeCursor([AT, ID.toUpperCase()])],
    ['padding', `${encodeCursor([AT, ID])}==`],
    ['standard base64 alphabet / other spelling', Buffer.from(JSON.stringify([AT, ID])).toString('base64')],
    ['spaces in the JSON', b64(`[ "${AT}", "${ID}" ]`)],
    ['truncated', encodeCursor([AT, ID]).slice(0, 30)],
    ['over the maximum length', 'A'.repeat(CURSOR_MAX_LENGTH + 1)],
  ])('refuses %s as BAD_USER_INPUT on the field', (_label, cursor) => {
    expect(refusal(() => decodeCursor(cursor, ['timestamp', 'uuid'], 'after')).field).toBe('after');
  });

  it('refuses a tampered cursor (one character changed)', () => {
    const cursor = encodeCursor([AT, ID]);
    for (let i = 0; i < cursor.length; i += 1) {
      const tampered = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
      let decoded: unknown;
      try {
        decoded = decodeCursor(tampered, ['timestamp', 'uuid']);
      } catch (error) {
        expect(error).toBeInstanceOf(BadUserInputError);
        continue;
      }
      // A change that still spells a valid position is a cursor we could have issued: accepted, and harmless.
      expect(decoded).not.toEqual([AT, ID]);
    }
  });

  it.each([
    ['a fraction', encodeCursor([1.5, 'x'])],
    ['an unsafe integer', encodeCursor([2 ** 53, 'x'])],
    ['a control character in a string', encodeCursor([1, 'a\u0000'])],
    ['a line break in a string', encodeCursor([1, 'a\nb'])],
    ['an overlong string', encodeCursor([1, 'x'.repeat(CURSOR_STRING_MAX + 1)])],
  ])('refuses %s in typed parts', (_label, cursor) => {
    expect(refusal(() => decodeCursor(cursor, ['int', 'string'], 'questions.after')).field).toBe('questions.after');
  });
});
