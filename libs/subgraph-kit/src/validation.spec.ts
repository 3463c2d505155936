import { buildSchema, graphql } from 'graphql';
import { BadUserInputError } from './errors';
import { guardTextArguments } from './input-guard';
import { emailAddress, ID_CEILING, opaqueText, optionalText, requiredText, TEXT_CEILING, textProblem } from './validation';

/** The field a BAD_USER_INPUT names, 'accepted' when nothing was thrown, 'other' for any other error. */
const fieldOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return error instanceof BadUserInputError ? (error.field ?? 'none') : 'other';
  }
};

describe('text rules', () => {
  it.each([
    ['NUL', 'a\u0000b', 'must not contain NUL characters'],
    ['a C0 control', 'a\u0001b', 'must not contain control characters'],
    ['escape', 'a\u001b[2Jb', 'must not contain control characters'],
    ['DEL', 'a\u007fb', 'must not contain control characters'],
    ['a C1 control', 'a\u009bb', 'must not contain control characters'],
    ['a lone high surrogate', 'a\ud800b', 'is not valid Unicode text'],
    ['a lone low surrogate', 'a\udc00b', 'is not valid Unicode text'],
  ])('refuses %s in any kind of text', (_label, value, reason) => {
    expect(textProblem(value, 'multi-line')).toBe(reason);
    expect(textProblem(value, 'single-line')).toBe(reason);
  });

  it('allows tabs and line breaks in multi-line text only', () => {
    for (const value of ['a\nb', 'a\r\nb', 'a\tb', 'a\u2028b']) {
      expect(textProblem(value, 'multi-line')).toBeNull();
      expect(textProblem(value, 'single-line')).toBe('must be a single line (no line breaks or tabs)');
    }
  });

  it('accepts ordinary Unicode, emoji (surrogate pairs) included', () => {
    expect(textProblem('Café – 水 😀 עברית', 'single-line')).toBeNull();
  });

  it('requiredText trims, is single-line unless told, and counts code points', () => {
    expect(requiredText('  Title ', 'title', { max: 10 })).toBe('Title');
    expect(fieldOf(() => requiredText('two\nlines', 'title', { max: 80 }))).toBe('title');
    expect(requiredText('two\nlines', 'description', { max: 80, multiline: true })).toBe('two\nlines');
    expect(requiredText('😀'.repeat(10), 'title', { max: 10 })).toBe('😀'.repeat(10));
    expect(fieldOf(() => requiredText('😀'.repeat(11), 'title', { max: 10 }))).toBe('title');
    expect(fieldOf(() => requiredText('ab', 'title', { min: 3, max: 10 }))).toBe('title');
    expect(fieldOf(() => requiredText('   ', 'title', { max: 10 }))).toBe('title');
    expect(fieldOf(() => requiredText('a\u0000', 'prizes[0].label', { max: 10 }))).toBe('prizes[0].label');
  });

  it('optionalText: blank is none, otherwise the same rules', () => {
    expect(optionalText('  ', 'terms', { max: 10 })).toBeNull();
    expect(optionalText(null, 'terms', { max: 10 })).toBeNull();
    expect(fieldOf(() => optionalText('a\u0007', 'terms', { max: 10, multiline: true }))).toBe('terms');
  });

  it('opaqueText keeps every character but refuses controls and overlong values', () => {
    expect(opaqueText(' secret ', 'password', 20)).toBe(' secret ');
    expect(fieldOf(() => opaqueText('x'.repeat(21), 'password', 20))).toBe('password');
    expect(fieldOf(() => opaqueText('a\u0000', 'password', 20))).toBe('password');
  });

  it('emails: trimmed, lower-cased, at most 254 characters, one line', () => {
    expect(emailAddress(' Ada@Example.TEST ')).toBe('ada@example.test');
    const local = 'a'.repeat(64);
    const longest = `${local}@${'b'.repeat(254 - 64 - 1 - 5)}.test`;
    expect(emailAddress(longest)).toHaveLength(254);
    expect(fieldOf(() => emailAddress(`a${longest}`))).toBe('email');
    expect(fieldOf(() => emailAddress('a'.repeat(100_000) + '@example.test'))).toBe('email');
    expect(fieldOf(() => emailAddress('ada@exa\u0000mple.test'))).toBe('email');
    expect(fieldOf(() => emailAddress('not-an-email'))).toBe('email');
  });
});

describe('guardTextArguments', () => {
  const schema = guardTextArguments(
    buildSchema(`
      input PrizeInput { label: String! }
      input CreateInput { title: String!, prizes: [PrizeInput!]!, tags: [String!] }
      input Filter { search: String }
      type Query { echo(input: CreateInput!): String, list(filter: Filter, after: String, id: ID): String, plain(n: Int): Int }
    `),
  );
  let calls = 0;
  const rootValue = {
    echo: () => {
      calls += 1;
      return 'ran';
    },
    list: () => {
      calls += 1;
      return 'ran';
    },
    plain: ({ n }: { n: number }) => n,
  };
  const run = (source: string, variableValues: Record<string, unknown>) => graphql({ schema, source, rootValue, variableValues });
  const echo = 'query($input: CreateInput!) { echo(input: $input) }';
  const list = 'query($filter: Filter, $after: String, $id: ID) { list(filter: $filter, after: $after, id: $id) }';

  beforeEach(() => {
    calls = 0;
  });

  it.each([
    ['title', echo, { input: { title: 'a\u0000', prizes: [] } }],
    ['prizes[1].label', echo, { input: { title: 't', prizes: [{ label: 'ok' }, { label: 'a\u0001' }] } }],
    ['tags[0]', echo, { input: { title: 't', prizes: [], tags: ['\ud800'] } }],
    ['title', echo, { input: { title: 'x'.repeat(TEXT_CEILING + 1), prizes: [] } }],
    ['filter.search', list, { filter: { search: 'a\u009b' } }],
    ['after', list, { after: 'a\u0000' }],
    ['id', list, { id: 'x'.repeat(ID_CEILING + 1) }],
  ])('refuses bad text at %s before the resolver runs', async (field, source, variableValues) => {
    const result = await run(source, variableValues);
    expect(result.errors?.[0]?.originalError).toBeInstanceOf(BadUserInputError);
    expect((result.errors![0]!.originalError as BadUserInputError).field).toBe(field);
    expect(calls).toBe(0);
  });

  it('lets good text through, line breaks included (the single-line rule is the field’s own)', async () => {
    const result = await run(echo, { input: { title: 'a\nb\tc', prizes: [{ label: '😀' }], tags: null } });
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('leaves fields without text arguments untouched', async () => {
    expect((await graphql({ schema, source: '{ plain(n: 3) }', rootValue })).data).toEqual({ plain: 3 });
  });
});
