import { BadUserInputError } from '@ideagora/subgraph-kit';
import { BODY_MAX_CHARS, parseSubmitSolutionInput, TITLE_MAX_CHARS } from './submission.validation';

const ID = '0195f3a2-7c1e-7a00-8000-000000000001';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).field;
  }
  return undefined;
}

describe('parseSubmitSolutionInput', () => {
  it('accepts and trims a valid input, lower-casing the id', () => {
    expect(parseSubmitSolutionInput({ challengeId: ID.toUpperCase(), title: '  Idea ', body: ' Body\n' })).toEqual({ challengeId: ID, title: 'Idea', body: 'Body' });
  });

  it.each([
    ['challengeId', { challengeId: 'not-an-id', title: 't', body: 'b' }],
    ['challengeId', { challengeId: '', title: 't', body: 'b' }],
    ['challengeId', { challengeId: 42, title: 't', body: 'b' }],
    ['title', { challengeId: ID, title: '', body: 'b' }],
    ['title', { challengeId: ID, title: '   ', body: 'b' }],
    ['title', { challengeId: ID, title: 'x'.repeat(TITLE_MAX_CHARS + 1), body: 'b' }],
    ['title', { challengeId: ID, title: null, body: 'b' }],
    ['body', { challengeId: ID, title: 't', body: '' }],
    ['body', { challengeId: ID, title: 't', body: 'x'.repeat(BODY_MAX_CHARS + 1) }],
    ['body', { challengeId: ID, title: 't', body: 'a\u0000b' }],
    ['body', { challengeId: ID, title: 't', body: 'a\u001bb' }],
    ['title', { challengeId: ID, title: 'two\nlines', body: 'b' }],
  ])('names %s when it is invalid', (field, input) => {
    expect(fieldOf(() => parseSubmitSolutionInput(input))).toBe(field);
  });

  it('accepts the maximum lengths', () => {
    expect(() => parseSubmitSolutionInput({ challengeId: ID, title: 'x'.repeat(TITLE_MAX_CHARS), body: 'y'.repeat(BODY_MAX_CHARS) })).not.toThrow();
  });
});

describe('submission text', () => {
  it('counts characters (code points), not UTF-16 units; the body may span lines', () => {
    const emoji = '😀'.repeat(TITLE_MAX_CHARS); // twice as many UTF-16 units
    expect(parseSubmitSolutionInput({ challengeId: ID, title: emoji, body: 'line 1\n\tline 2' }).title).toBe(emoji);
    expect(fieldOf(() => parseSubmitSolutionInput({ challengeId: ID, title: emoji + '😀', body: 'b' }))).toBe('title');
  });
});
