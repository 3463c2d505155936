import { requestSubgraph, signUpUser, startStack, SUBGRAPHS, GraphQLTestClient, type Stack } from '@ideagora/testing';
import { Kind, parse, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode, type StringValueNode } from 'graphql';

/**
 * `_entities` takes its representations as the scalar `_Any`, so graphql-js coerces nothing in them and the argument
 * guard (which checks String and ID arguments) cannot see inside. Whoever reaches a subgraph with a valid identity
 * (issue 10: "a subgraph must survive a request that bypassed the gateway's checks") may send any JSON there: every
 * entity type of every subgraph, every key field, every hostile value must answer null or a client error, never
 * INTERNAL_SERVER_ERROR, and the subgraph must answer the next request.
 */
const HOSTILE: [string, unknown][] = [
  ['NUL byte', 'a\u0000b'],
  ['control character', '\u0007'],
  ['lone surrogate', '\ud800'],
  ['not a UUID', 'not-a-uuid'],
  ['1 MB string', 'x'.repeat(1_000_000)],
  ['number', 12345],
  ['huge number', 1e308],
  ['boolean', true],
  ['object', { $gt: '' }],
  ['array', ['a', 'b']],
  ['null', null],
];

interface EntityType {
  subgraph: (typeof SUBGRAPHS)[number];
  typeName: string;
  keyFields: string[];
}

describe('_entities with hostile representations, straight to each subgraph', () => {
  let stack: Stack;
  let userId: string;
  const entityTypes: EntityType[] = [];

  beforeAll(async () => {
    stack = await startStack();
    userId = (await signUpUser(new GraphQLTestClient(stack.gatewayUrl))).id;
    for (const subgraph of SUBGRAPHS) {
      const { body } = await requestSubgraph(stack, subgraph, '{ _service { sdl } }', {}, null);
      const document = parse(body.data._service.sdl as string);
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
        const type = definition as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
        for (const directive of type.directives ?? []) {
          if (directive.name.value !== 'key') continue;
          const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value as StringValueNode | undefined;
          if (fields) entityTypes.push({ subgraph, typeName: type.name.value, keyFields: fields.value.split(/\s+/).filter(Boolean) });
        }
      }
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers null or a client error for every entity type, key field and hostile value, signed in or not', async () => {
    expect(entityTypes.length).toBeGreaterThanOrEqual(8); // the walk found the entities
    const problems: string[] = [];
    let cases = 0;
    for (const { subgraph, typeName, keyFields } of entityTypes) {
      for (const keyField of keyFields) {
        for (const [what, value] of HOSTILE) {
          for (const viewer of [null, userId]) {
            cases += 1;
            const representation = { __typename: typeName, ...Object.fromEntries(keyFields.map((f) => [f, '00000000-0000-7000-8000-000000000000'])), [keyField]: value };
            const { status, body } = await requestSubgraph(stack, subgraph, 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [representation] }, viewer);
            const codes = ((body?.errors ?? []) as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code);
            const text = JSON.stringify(body);
            if (status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || codes.some((c) => c === undefined) || /select |insert |postgres|at \//i.test(text)) {
              problems.push(`${subgraph} ${typeName}.${keyField} ${what} (${viewer ? 'user' : 'anonymous'}): ${status} ${text.slice(0, 200)}`);
            }
          }
        }
      }
    }
    console.info(`entity representations: ${cases} cases over ${entityTypes.length} entity types, ${problems.length} problem(s)`);
    expect(problems).toEqual([]);
    // Every subgraph still answers.
    for (const subgraph of SUBGRAPHS) expect((await requestSubgraph(stack, subgraph, '{ __typename }', {}, null)).status).toBe(200);
  }, 120_000);
});
