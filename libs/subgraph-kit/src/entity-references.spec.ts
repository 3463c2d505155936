import { buildSchema, parse } from 'graphql';
import { entityKeyFields, isPlausibleReference } from './entity-references';

const sdl = `
  directive @key(fields: String!, resolvable: Boolean) repeatable on OBJECT
  type Query { a: Int }
  type Prize @key(fields: "challengeId rank") { challengeId: ID! rank: Int! label: String }
  type User @key(fields: "id") @key(fields: "id", resolvable: false) { id: ID! }
  type Plain { id: ID! }
`;
const keys = entityKeyFields(parse(sdl), buildSchema(sdl));
const uuid = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('entity representations', () => {
  it('reads every key field and its kind from the @key directives, once each', () => {
    expect(keys.get('Prize')).toEqual([{ name: 'challengeId', kind: 'uuid' }, { name: 'rank', kind: 'int' }]);
    expect(keys.get('User')).toEqual([{ name: 'id', kind: 'uuid' }]);
    expect(keys.has('Plain')).toBe(false);
  });

  it('lets through only values that can name a row', () => {
    expect(isPlausibleReference(keys.get('Prize')!, { __typename: 'Prize', challengeId: uuid, rank: 1 })).toBe(true);
    expect(isPlausibleReference(keys.get('User')!, { __typename: 'User', id: uuid.toUpperCase() })).toBe(true);
    for (const id of ['a\u0000b', 'not-a-uuid', 12345, null, { $gt: '' }, [uuid], true, 'x'.repeat(1_000_000)]) {
      expect(isPlausibleReference(keys.get('User')!, { __typename: 'User', id })).toBe(false);
    }
    for (const rank of ['1', 1.5, 1e308, null, {}]) expect(isPlausibleReference(keys.get('Prize')!, { challengeId: uuid, rank })).toBe(false);
  });
});
