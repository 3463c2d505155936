import 'reflect-metadata';
import { buildSchema, getIntrospectionQuery, Kind, parse, print, visit as graphqlVisit, type ASTNode, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, isIntrospectionOnly, LIST_SIZE_BOUNDS, OPERATION_LIMITS, operationCost, unboundedListFields } from './operation-limits';

const ROOT = join(__dirname, '..', '..', '..');
const apiSchema = buildSchema(readFileSync(join(ROOT, 'web', 'schema.graphql'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : filesUnder(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every operation the product sends: the web client's (graphql(`...`) in web/src) and the partner contract's, each
 * with the fragments it spreads (the web's `graphql(`fragment ...`)` documents and the contract's fragments).
 */
function realOperations(): { name: string; source: string; document: DocumentNode }[] {
  const webDocuments = filesUnder(join(ROOT, 'web', 'src')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)].map((m) => parse(m[1]!)));
  const contract = parse(readFileSync(join(ROOT, 'docs', 'partner-api', 'operations.graphql'), 'utf8'));
  const isFragment = (d: DefinitionNode): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION;
  const isOperation = (d: DefinitionNode): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION;
  const fragments = new Map([...webDocuments.flatMap((d) => d.definitions), ...contract.definitions].filter(isFragment).map((f) => [f.name.value, f]));
  /** The operation with every fragment it spreads, transitively (an unused fragment would make it invalid). */
  const withFragments = (operation: OperationDefinitionNode): string => {
    const used = new Map<string, FragmentDefinitionNode>();
    const visit = (node: ASTNode) =>
      graphqlVisit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !used.has(fragment.name.value)) {
            used.set(fragment.name.value, fragment);
            visit(fragment);
          }
        },
      });
    visit(operation);
    return print({ kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] });
  };
  const sources = [
    ...webDocuments.flatMap((d) => d.definitions.filter(isOperation)).map((o) => ['web', withFragments(o)] as const),
    ...contract.definitions.filter(isOperation).map((o) => ['contract', withFragments(o)] as const),
  ];
  return sources.map(([origin, source]) => {
    const document = parse(source);
    const operation = document.definitions.find(isOperation)!;
    return { name: `${origin} ${operation.name?.value ?? '(anonymous)'}`, source, document };
  });
}

/** Real operations may ask for the largest page: the estimate assumes every `first` variable is 100. */
function worstCaseVariables(document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return Object.fromEntries((operation.variableDefinitions ?? []).filter((v) => /first|limit/i.test(v.variable.name.value)).map((v) => [v.variable.name.value, 100]));
}

/** `open` repeated `levels` times around `leaf`, every brace closed. */
const nested = (levels: number, open: string, leaf: string) => `${open.repeat(levels)}${leaf}${' }'.repeat(levels * (open.split('{').length - 1))}`;

describe('operation limits', () => {
  const operations = realOperations();

  it('finds the web client and the partner contract operations', () => {
    expect(operations.filter((o) => o.name.startsWith('web ')).length).toBeGreaterThanOrEqual(25);
    expect(operations.filter((o) => o.name.startsWith('contract ')).length).toBeGreaterThanOrEqual(14);
  });

  it.each(operations.map((o) => [o.name, o]))('%s passes every limit with room', (_name, { source, document }) => {
    expect(checkDocument(apiSchema, source)).toBeUndefined();
    // Room: it also passes at two thirds of every limit (a real operation that grows a little still passes).
    const tighter = Object.fromEntries(Object.entries(OPERATION_LIMITS).map(([k, v]) => [k, Math.floor((v * 2) / 3)])) as typeof OPERATION_LIMITS;
    expect(checkDocument(apiSchema, source, tighter)).toBeUndefined();
    const cost = operationCost(apiSchema, document, undefined, worstCaseVariables(document));
    expect(cost).toBeLessThanOrEqual(tighter.maxCost);
  });

  it("passes the benchmark's scenarios sent through the gateway, at its page size", () => {
    const scenarios = readFileSync(join(ROOT, 'tools', 'bench', 'src', 'scenarios.ts'), 'utf8');
    const throughGateway = [...scenarios.matchAll(/`((?:query|mutation) (\w+)[^`]*)`/g)].filter((m) => !m[2].endsWith('Direct'));
    expect(throughGateway.map((m) => m[2])).toEqual(expect.arrayContaining(['ViewerFloor', 'BrowseChallengesFull']));
    for (const [, source] of throughGateway) {
      expect(checkDocument(apiSchema, source, OPERATION_LIMITS, { variables: { first: 20 } })).toBeUndefined();
      expect(operationCost(apiSchema, parse(source), undefined, { first: 20 })).toBeLessThanOrEqual(OPERATION_LIMITS.maxCost / 3);
    }
  });

  it('names the limit and the value', () => {
    const challengeCycle = (levels: number) => `{ challenge(id: "x") ${nested(levels, '{ submissions { edges { node { challenge ', '{ id }')} }`;
    expect(checkDocument(apiSchema, `{ ${'a '.repeat(1100)}}`)).toBe('Query token count exceeds the limit of 1000');
    expect(checkDocument(apiSchema, `# ${'x'.repeat(OPERATION_LIMITS.maxDocumentChars)}\n{ __typename }`)).toMatch(/^Query document size 10\d\d\d characters exceeds the limit of 10000$/);
    expect(checkDocument(apiSchema, challengeCycle(3))).toBe('Query depth 14 exceeds the limit of 12');
    expect(checkDocument(apiSchema, `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`)).toBe('Query aliases 31 exceeds the limit of 30');
    expect(checkDocument(apiSchema, `{ viewer ${'@include(if: true) '.repeat(6)}{ id } }`)).toBe('Query directives 6 exceeds the limit of 5');
    expect(checkDocument(apiSchema, challengeCycle(2))).toBeUndefined();
  });

  it('counts depth through fragments and introspection', () => {
    const fragments = `{ viewer { ...A } } fragment A on User { organizations { ...B } } fragment B on Organization { members { user { organizations { members { user { organizations { members { user { id } } } } } } } } }`;
    expect(checkDocument(apiSchema, fragments)).toMatch(/^Query depth 1\d exceeds the limit of 12$/);
    const circularIntrospection = '{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }';
    expect(checkDocument(apiSchema, `{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } } } }`)).toBe('Query depth 13 exceeds the limit of 12');
    // graphql-cop's circular introspection query is within the depth limit; its cost is not.
    expect(operationCost(apiSchema, parse(circularIntrospection), undefined, {})).toBeGreaterThan(OPERATION_LIMITS.maxCost);
  });

  it('refuses the deepest document the token limit allows, without exhausting the stack, in milliseconds', () => {
    const deepest = `{ ${nested(330, 'viewer { ', 'id')} }`;
    const started = performance.now();
    expect(checkDocument(apiSchema, deepest)).toBe('Query depth 331 exceeds the limit of 12');
    expect(checkDocument(apiSchema, `{ ${nested(500, 'a { ', 'b')} }`)).toMatch(/exceeds the limit/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('tells introspection-only operations (what development tools send) from the rest', () => {
    expect(checkDocument(apiSchema, getIntrospectionQuery())).toBe('Query depth 21 exceeds the limit of 12');
    expect(isIntrospectionOnly(parse(getIntrospectionQuery()))).toBe(true);
    expect(isIntrospectionOnly(parse('{ __typename __type(name: "User") { name } }'))).toBe(true);
    expect(isIntrospectionOnly(parse('{ __schema { types { name } } viewer { id } }'))).toBe(false);
    expect(isIntrospectionOnly(parse('{ ...F } fragment F on Query { __schema { types { name } } }'))).toBe(false);
    expect(isIntrospectionOnly(parse('query A { __typename } query B { viewer { id } }'))).toBe(false);
  });

  it('never throws on a document that validation will refuse (Apollo would answer that with a 500)', () => {
    const invalid = [
      '{ challenges(first: "abc") { edges { node { id } } } }',
      'query ($a: Nope) { challenges(first: $a) { edges { node { id } } } }',
      '{ challenges(first: 5) { edges { node { id @skip(if: $x) } } } }',
      '{ nosuch { x } }',
      '{ ...F } fragment F on Nope { a }',
      'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    ];
    for (const source of invalid) expect(() => checkDocument(apiSchema, source)).not.toThrow();
  });

  it('sizes lists by first and by their bounds', () => {
    const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(apiSchema, parse(query), undefined, variables);
    expect(cost('{ challenge(id: "x") { prizes { rank } } }')).toBe(1 + 1 + 20 * 1);
    expect(cost('{ challenge(id: "x") { title description } }')).toBe(1 + 1 + 20); // a long text weighs its size
    expect(cost('{ challenges(first: 5) { edges { node { id } } } }')).toBe(1 + 5 * (1 + 1 * (1 + 1)));
    expect(cost('{ challenges { edges { node { id } } } }')).toBe(1 + 20 * 3);
    expect(cost('query ($n: Int) { challenges(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(1 + 100 * 3);
    // A variable that does not coerce counts as absent (execution refuses the request before any resolver runs).
    expect(cost('query ($n: Int!) { challenges(first: $n) { edges { node { id } } } }', { n: 'many' })).toBe(1 + 20 * 3);
    // 20 prizes, four levels of the cycle through awards (depth 12, the most the depth limit lets through): 20^4.
    const fourLevels = `{ challenge(id: "x") { prizes { award { challenge { prizes { award { challenge { prizes { award { challenge { prizes { label } } } } } } } } } } } }`;
    expect(checkDocument(apiSchema, fourLevels, { ...OPERATION_LIMITS, maxCost: Infinity })).toBeUndefined();
    expect(cost(fourLevels)).toBeGreaterThan(3 * OPERATION_LIMITS.maxCost);
  });

  it("counts a mutation's answer that echoes its input at the input's length", () => {
    const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(apiSchema, parse(query), undefined, variables);
    const awardPrizes = 'mutation ($input: AwardPrizesInput!) { awardPrizes(input: $input) { awards { id prizeRank submission { id } } awardedCount } }';
    const input = (n: number) => ({ challengeId: 'c', idempotencyKey: 'k', awards: Array.from({ length: n }, (_, i) => ({ prizeRank: 1, submissionId: `s${i}` })) });
    expect(cost(awardPrizes, { input: input(3) })).toBe(1 + 1 + 3 * (1 + 1 + 2) + 1);
    expect(cost(awardPrizes, { input: input(10_000) })).toBe(40_003);
    expect(cost(awardPrizes, { input: input(10_000) })).toBeLessThanOrEqual(OPERATION_LIMITS.maxCost);
    // Inline input too; an input that does not coerce counts one item (execution refuses it before any resolver).
    expect(cost('mutation { awardPrizes(input: { challengeId: "c", idempotencyKey: "k", awards: [{ prizeRank: 1, submissionId: "a" }, { prizeRank: 2, submissionId: "b" }] }) { awards { id } } }')).toBe(1 + 1 + 2 * 1);
    expect(cost(awardPrizes, { input: { awards: 'many' } })).toBe(1 + 1 + 1 * 4 + 1);
  });

  it('has a bound for every plain list of every schema (gateway API and each subgraph)', () => {
    const schemas = ['web/schema.graphql', ...['solvers', 'challenges', 'submissions', 'payouts'].map((s) => `services/${s}/schema.graphql`)];
    for (const path of schemas) {
      const sdl = readFileSync(join(ROOT, path), 'utf8').replace(/extend schema[\s\S]*?\)\n/, '');
      const schema = buildSchema(`${sdl}\nscalar _Any\ndirective @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE\ndirective @shareable repeatable on OBJECT | FIELD_DEFINITION\ndirective @external on OBJECT | FIELD_DEFINITION\ndirective @requires(fields: String!) on FIELD_DEFINITION\ndirective @provides(fields: String!) on FIELD_DEFINITION\ndirective @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION`, { assumeValidSDL: true });
      expect({ path, missing: unboundedListFields(schema) }).toEqual({ path, missing: [] });
    }
    expect(Object.values(LIST_SIZE_BOUNDS).every((n) => Number.isInteger(n) && n > 0 && n <= 200)).toBe(true);
  });
});
