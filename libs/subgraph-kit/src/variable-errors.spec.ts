import { buildSchema, graphql, parse } from 'graphql';
import { fieldOfLiteralError, fieldOfVariableError, withVariableErrorFields } from './variable-errors';
import { specifiedRules, validate } from 'graphql';

const schema = buildSchema(`
  enum Kind { A B }
  input Prize { rank: Int!, label: String! }
  input CreateInput { title: String!, kind: Kind!, prizes: [Prize!]! }
  input Filter { currency: String, kind: Kind }
  type Query { list(filter: Filter, first: Int, after: String): String }
  type Mutation { create(input: CreateInput!): String }
`);

/** The message graphql-js gives for these variables, and the field this module derives from it. */
async function fieldFor(source: string, variableValues: Record<string, unknown>): Promise<string | undefined> {
  const result = await graphql({ schema, source, variableValues });
  expect(result.errors).toHaveLength(1);
  return fieldOfVariableError(result.errors![0]!.message, parse(source));
}

const create = 'mutation($input: CreateInput!) { create(input: $input) }';
const valid = { title: 't', kind: 'A', prizes: [{ rank: 1, label: 'l' }] };

describe('fields of variable-coercion errors', () => {
  it.each([
    ['kind', { input: { ...valid, kind: 'C' } }],
    ['prizes[0].rank', { input: { ...valid, prizes: [{ rank: 'abc', label: 'l' }] } }],
    ['prizes[1].label', { input: { ...valid, prizes: [{ rank: 1, label: 'l' }, { rank: 2 }] } }],
    ['title', { input: { kind: 'A', prizes: [] } }],
    ['bogus', { input: { ...valid, bogus: 1 } }],
    ['input', { input: 'not an object' }],
    ['input', {}],
  ])('names %s inside an `input` argument', async (field, variables) => {
    expect(await fieldFor(create, variables)).toBe(field);
  });

  it('names other arguments by their name, not the variable’s', async () => {
    const source = 'query($n: Int, $f: Filter, $cur: String) { list(first: $n, filter: $f, after: $cur) }';
    expect(await fieldFor(source, { n: 'abc' })).toBe('first');
    expect(await fieldFor(source, { f: { kind: 'Z' } })).toBe('filter.kind');
    expect(await fieldFor(source, { cur: 12 })).toBe('after');
  });

  it('follows a variable used inside a literal object', async () => {
    expect(await fieldFor('query($c: String) { list(filter: { currency: $c }) }', { c: 1 })).toBe('filter.currency');
  });

  it('adds the field only to BAD_USER_INPUT errors without one', () => {
    const document = parse(create);
    const [named, kept, other] = withVariableErrorFields(
      [
        { message: 'Variable "$input" got invalid value "C" at "input.kind"; Value "C" does not exist in "Kind" enum.', extensions: { code: 'BAD_USER_INPUT' } },
        { message: 'Variable "$input" got invalid value 1 at "input.title"; whatever', extensions: { code: 'BAD_USER_INPUT', field: 'already' } },
        { message: 'Variable "$input" got invalid value 1 at "input.title"; whatever', extensions: { code: 'FORBIDDEN' } },
      ],
      document,
    );
    expect(named!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(kept!.extensions!.field).toBe('already');
    expect(other!.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('shortens a message that quotes a huge value, after naming its field', async () => {
    const source = 'query($n: Int) { list(first: $n) }';
    const result = await graphql({ schema, source, variableValues: { n: 'a'.repeat(100_000) } });
    const [error] = withVariableErrorFields([{ message: result.errors![0]!.message, extensions: { code: 'BAD_USER_INPUT' } }], parse(source));
    expect(error!.extensions!.field).toBe('first');
    expect(error!.message.length).toBeLessThan(1_000);
    expect(error!.message).toMatch(/^Variable "\$n" got invalid value "a+ … a+"$/);
  });

  it.each([
    ['kind', 'mutation { create(input: { title: "t", kind: C, prizes: [] }) }'],
    ['prizes[1].rank', 'mutation { create(input: { title: "t", kind: A, prizes: [{ rank: 1, label: "l" }, { rank: "x", label: "l" }] }) }'],
    ['prizes[0].label', 'mutation { create(input: { title: "t", kind: A, prizes: [{ rank: 1 }] }) }'],
    ['bogus', 'mutation { create(input: { title: "t", kind: A, prizes: [], bogus: 1 }) }'],
    ['first', '{ list(first: "abc") }'],
    ['filter.kind', '{ list(filter: { kind: Z }) }'],
  ])('names %s for a bad literal in the operation (a validation error)', (field, source) => {
    const document = parse(source);
    const errors = validate(schema, document, specifiedRules);
    expect(errors).toHaveLength(1);
    expect(fieldOfLiteralError(errors[0]!.message, errors[0]!.locations?.[0], document)).toBe(field);
  });
});
