import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { nulledFieldCoordinate } from './value-completion.plugin';

const schema = buildSchema(`
  type Query { challenge(id: ID!): Challenge, viewer: User! }
  type Challenge { id: ID!, title: String!, prizes: [Prize!]!, tags: [Tag] }
  type Prize { rank: Int!, award: Award }
  type Award { id: ID!, submission: Submission }
  type Submission { id: ID!, title: String! }
  type Tag { name: String! }
  type User { id: ID!, submissions: [Submission!]! }
`);

function nulled(query: string, path: (string | number)[]): string | null {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return nulledFieldCoordinate(schema, document, operation, path);
}

describe('nulledFieldCoordinate: which field GraphQL nulled for a value-completion report', () => {
  it('walks lists and nested fields to the nearest nullable position above the non-null one', () => {
    const query = `{ challenge(id: "c") { prizes { award { submission { id title } } } } }`;
    expect(nulled(query, ['challenge', 'prizes', 0, 'award', 'submission', 'title'])).toBe('Award.submission');
    expect(nulled(`{ challenge(id: "c") { title } }`, ['challenge', 'title'])).toBe('Query.challenge');
  });

  it('follows aliases and fragments, as the client wrote them', () => {
    const query = `query Q { c: challenge(id: "c") { ...P } } fragment P on Challenge { prizes { ... on Prize { won: award { entry: submission { title } } } } }`;
    expect(nulled(query, ['c', 'prizes', 3, 'won', 'entry', 'title'])).toBe('Award.submission');
  });

  it('answers null (so the report stays an error) for a nullable list item, a non-null chain to the root, or an unknown path', () => {
    expect(nulled(`{ challenge(id: "c") { tags { name } } }`, ['challenge', 'tags', 0, 'name'])).toBeNull();
    expect(nulled(`{ viewer { submissions { title } } }`, ['viewer', 'submissions', 0, 'title'])).toBeNull();
    expect(nulled(`{ challenge(id: "c") { title } }`, ['challenge', 'nope'])).toBeNull();
  });
});
