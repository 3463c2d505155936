import {
  challengeInput,
  createChallenge,
  createOrganization,
  eventually,
  fundAndPublish,
  requestSubgraph,
  signUpUser,
  startStack,
  waitForSubmissionsToKnow,
  WORKSPACE_ROOT,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Every bad input gets a clear answer, and nothing is written. Generated from the composed API schema
 * (web/schema.graphql), not hand-listed: every mutation, every query field with arguments (nested ones reached through
 * an entry point), every argument and every field of its input objects, at any depth, gets the bad values of its type
 * in one position while everything else is valid. Sent as a user who could otherwise succeed (a sponsor with an
 * organization, a draft and an open challenge; a solver with a submission and a question) and anonymously.
 */

const schema: GraphQLSchema = buildSchema(readFileSync(join(WORKSPACE_ROOT, 'web', 'schema.graphql'), 'utf8'));

type PathPart = string | number;
interface Case {
  name: string;
  operation: string;
  variables: Record<string, unknown>;
  /** The field the error must name when the capable user sends it (BAD_USER_INPUT). */
  field: string;
  who: 'capable' | 'anonymous';
  token?: string;
}

interface Fixtures {
  sponsor: TestUser;
  solver: TestUser;
  organizationId: string;
  draftId: string;
  openId: string;
  submissionId: string;
  questionId: string;
  /** The sponsor's webhook endpoint (subscribed to an event no test makes, so no delivery writes during the run). */
  webhookEndpointId: string;
}

const ONE_MB_STRING = 'a'.repeat(1_000_000); // the request stays under the gateway's 1 MB body limit
const UUID = '0195f3a2-7c1e-7a00-8000-00000000abcd';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const TEXT_BAD: [string, unknown][] = [
  ['NUL', 'bad\u0000value'],
  ['control U+0001', 'bad\u0001value'],
  ['escape sequence', 'bad\u001b[2Jvalue'],
  ['DEL', 'bad\u007fvalue'],
  ['C1 control', 'bad\u009bvalue'],
  ['lone surrogate', 'bad\ud800value'],
  ['wrong type: number', 12.5],
  ['wrong type: boolean', true],
  ['wrong type: object', { nested: 'x' }],
];
const CURSOR_BAD: [string, unknown][] = [
  ['garbage cursor', 'garbage'],
  ['empty cursor', ''],
  ['cursor Date.parse accepts, Postgres refuses', b64(['2026-02-30T00:00:00.000Z', UUID])],
  ['cursor of year 275760', b64(['+275760-01-01T00:00:00.000Z', UUID])],
  ['cursor with a non-UUID id', b64([new Date().toISOString(), 'x'])],
  ['cursor with numbers', b64([1, 2])],
  ['cursor with an extra part', b64([new Date().toISOString(), UUID, 3])],
  ['cursor with an upper-case id', b64([new Date().toISOString(), UUID.toUpperCase()])],
  ['padded cursor', `${b64([new Date().toISOString(), UUID])}==`],
  ['truncated cursor', b64([new Date().toISOString(), UUID]).slice(0, 30)],
  ['cursor of SQL', b64(["2026-01-01T00:00:00.000Z'; drop table challenge; --", UUID])],
];
const DATE_TIME_BAD: [string, unknown][] = [
  ['yesterday', 'yesterday'],
  ['February 30', '2026-02-30T00:00:00Z'],
  ['a number', 12345],
  ['year 275761', '+275761-01-01T00:00:00Z'],
  ['not-a-date', 'not-a-date'],
  ['hour 24', '2026-03-01T24:00:00Z'],
  ['no offset', '2026-03-01T12:00:00'],
  ['year 1', '0001-01-01T00:00:00Z'],
  ['NUL', '2026-03-01T12:00:00Z\u0000'],
];
const INT_BAD: [string, unknown][] = [
  ['wrong type: string', 'abc'],
  ['fraction', 1.5],
  ['beyond 32 bits', 2 ** 31],
  ['wrong type: boolean', true],
];
const BOOLEAN_BAD: [string, unknown][] = [
  ['wrong type: string', 'yes'],
  ['wrong type: number', 1],
];

function badValues(type: GraphQLNamedType, name: string): [string, unknown][] {
  if (isEnumType(type)) return [['unknown enum value', 'NOT_A_VALUE'], ['lower-case enum value', type.getValues()[0]!.name.toLowerCase()], ['wrong type: number', 3]];
  switch (type.name) {
    case 'String':
      return name === 'after' ? [...TEXT_BAD, ...CURSOR_BAD] : TEXT_BAD;
    case 'ID':
      return [...TEXT_BAD.filter(([label]) => !label.startsWith('wrong type: number')), ['not a UUID', 'not-an-id'], ['empty', ''], ['a number', 12345]];
    case 'DateTimeISO':
      return DATE_TIME_BAD;
    case 'Int':
      return INT_BAD;
    case 'Boolean':
      return BOOLEAN_BAD;
    default:
      throw new Error(`no bad values for scalar ${type.name}: add them`);
  }
}

// ---- valid values, so that only the position under test is wrong --------------------------------------------

const USES_OPEN_CHALLENGE = new Set(['submitSolution', 'acceptChallengeTerms', 'askChallengeQuestion', 'challenge']);
/** Who could succeed: the solver for these, the sponsor (owner of the organization) for the rest. */
/** Arguments that exclude one another: the baseline gives one of them (markNotificationsRead takes ids or all). */
const BASELINE_LEAVES_OUT: Record<string, string[]> = { markNotificationsRead: ['all'] };
const SOLVER_FIELDS = new Set(['submitSolution', 'acceptChallengeTerms', 'askChallengeQuestion', 'startPayoutOnboarding', 'updateProfile', 'User.payouts', 'User.submissions']);

function validScalar(type: GraphQLNamedType, name: string, rootField: string, f: Fixtures): unknown {
  if (isEnumType(type)) return type.getValues()[0]!.name;
  switch (type.name) {
    case 'ID': {
      const ids: Record<string, string> = {
        organizationId: f.organizationId,
        submissionId: f.submissionId,
        questionId: f.questionId,
        userId: f.solver.id,
        endpointId: f.webhookEndpointId,
        challengeId: USES_OPEN_CHALLENGE.has(rootField) ? f.openId : f.draftId,
      };
      if (name === 'id') return rootField === 'organization' ? f.organizationId : f.openId;
      return ids[name] ?? f.draftId;
    }
    case 'String': {
      const strings: Record<string, string> = {
        email: 'someone@example.test',
        password: 'correct-horse-battery',
        newPassword: 'correct-horse-battery-2',
        currency: 'USD',
        amountMinor: '100000',
        minTotalPrizeMinor: '1000',
        returnUrl: 'https://app.ideagora.test/back',
        refreshUrl: 'https://app.ideagora.test/again',
        country: 'FR',
        token: 'x'.repeat(43),
        refreshToken: 'x'.repeat(43),
        title: 'A perfectly fine title',
        question: 'What does the brief mean by local materials?',
        slug: 'a-fine-slug',
        websiteUrl: 'https://brand.example.test',
        brandColor: '#1F2937',
        // Outside production any http(s) URL is accepted without resolving it.
        url: 'https://hooks.example.test/ideagora',
      };
      return strings[name] ?? 'A perfectly fine text';
    }
    case 'DateTimeISO':
      return new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    case 'Int':
      return 1;
    case 'Boolean':
      return true;
    default:
      throw new Error(`no valid value for scalar ${type.name}: add one`);
  }
}

function validValue(type: GraphQLInputType, name: string, rootField: string, f: Fixtures): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [validValue(inner.ofType, name, rootField, f)];
  if (isInputObjectType(inner)) {
    return Object.fromEntries(Object.values(inner.getFields()).map((field) => [field.name, validValue(field.type, field.name, rootField, f)]));
  }
  return validScalar(inner, name, rootField, f);
}

// ---- positions -----------------------------------------------------------------------------------------------

interface Position {
  path: PathPart[];
  type: GraphQLInputType;
}

/** Every place a value sits in an argument: the argument itself, each input-object field, the first list item. */
function positions(type: GraphQLInputType, path: PathPart[]): Position[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  const here: Position = { path, type };
  if (isListType(inner)) return [here, ...positions(inner.ofType, [...path, 0])];
  if (isInputObjectType(inner)) return [here, ...Object.values(inner.getFields()).flatMap((field) => positions(field.type, [...path, field.name]))];
  return [here];
}

/** The contract's field naming: an `input` argument's fields by their own path, other arguments by their name. */
function fieldName(path: PathPart[]): string {
  const parts = path[0] === 'input' && path.length > 1 ? path.slice(1) : path;
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function setAt(target: Record<string, unknown>, path: PathPart[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: any = copy;
  for (const part of path.slice(0, -1)) node = node[part];
  node[path.at(-1)!] = value;
  return copy;
}

function deleteAt(target: Record<string, unknown>, path: PathPart[]): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: any = copy;
  for (const part of path.slice(0, -1)) node = node[part];
  delete node[path.at(-1)!];
  return copy;
}

// ---- operations ------------------------------------------------------------------------------------------------

interface Target {
  /** e.g. `createChallenge` or `Challenge.questions`. */
  label: string;
  rootField: string;
  field: GraphQLField<unknown, unknown>;
  operationType: 'query' | 'mutation';
  /** Wraps the field's selection in its entry point, e.g. `challenge(id: "…") { … }`. */
  wrap: (selection: string) => string;
}

const ENTRY_POINTS: Record<string, (f: Fixtures) => { rootField: string; wrap: (s: string) => string }> = {
  Challenge: (f) => ({ rootField: 'challenge', wrap: (s) => `challenge(id: "${f.openId}") { ${s} }` }),
  User: () => ({ rootField: 'viewer', wrap: (s) => `viewer { ${s} }` }),
  Organization: (f) => ({ rootField: 'organization', wrap: (s) => `organization(id: "${f.organizationId}") { ${s} }` }),
  Prize: (f) => ({ rootField: 'challenge', wrap: (s) => `challenge(id: "${f.openId}") { prizes { ${s} } }` }),
  JudgingBoard: (f) => ({ rootField: 'challenge', wrap: (s) => `challenge(id: "${f.openId}") { judging { ${s} } }` }),
  WebhookEndpoint: (f) => ({ rootField: 'webhookEndpoint', wrap: (s) => `webhookEndpoint(id: "${f.webhookEndpointId}") { ${s} }` }),
};

function targets(f: Fixtures): Target[] {
  const list: Target[] = [];
  for (const field of Object.values(schema.getMutationType()!.getFields())) {
    list.push({ label: field.name, rootField: field.name, field, operationType: 'mutation', wrap: (s) => s });
  }
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    if (field.args.length > 0) list.push({ label: field.name, rootField: field.name, field, operationType: 'query', wrap: (s) => s });
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const entry = ENTRY_POINTS[type.name];
      if (!entry) throw new Error(`${type.name}.${field.name} takes arguments: give ${type.name} an entry point in this test`);
      const { rootField, wrap } = entry(f);
      list.push({ label: `${type.name}.${field.name}`, rootField, field, operationType: 'query', wrap });
    }
  }
  return list;
}

function operationOf(target: Target): string {
  const definitions = target.field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = target.field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(target.field.type);
  const selection = `${target.field.name}(${args})${isObjectType(named) ? ' { __typename }' : ''}`;
  return `${target.operationType} BadInput(${definitions}) { ${target.wrap(selection)} }`;
}

function buildCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  for (const target of targets(f)) {
    const operation = operationOf(target);
    const baseline: Record<string, unknown> = {};
    for (const arg of target.field.args) {
      // Optional cursors stay absent in the baseline (a made-up one would be bad input itself).
      if (arg.name === 'after') continue;
      baseline[arg.name] = validValue(arg.type, arg.name, target.rootField, f);
    }
    const leftOut = BASELINE_LEAVES_OUT[target.label] ?? [];
    if (leftOut.length && baseline.input) baseline.input = Object.fromEntries(Object.entries(baseline.input).filter(([name]) => !leftOut.includes(name)));
    const capableToken = SOLVER_FIELDS.has(target.label) || SOLVER_FIELDS.has(target.rootField) ? f.solver.token : f.sponsor.token;
    const add = (label: string, variables: Record<string, unknown>, field: string, large = false) => {
      cases.push({ name: `${target.label} ${label}`, operation, variables, field, who: 'capable', token: capableToken });
      if (!large) cases.push({ name: `${target.label} ${label} (anonymous)`, operation, variables, field, who: 'anonymous' });
    };
    for (const arg of target.field.args) {
      for (const { path, type } of positions(arg.type, [arg.name])) {
        const at = fieldName(path);
        const named = getNamedType(type);
        const inner = isNonNullType(type) ? type.ofType : type;
        if (isInputObjectType(inner)) {
          for (const field of Object.values(inner.getFields())) {
            if (isNonNullType(field.type)) add(`${at} without ${field.name}`, deleteAt(baseline, [...path, field.name]), fieldName([...path, field.name]));
          }
          add(`${at} with an unknown field`, setAt(baseline, [...path, 'bogus'], 1), fieldName([...path, 'bogus']));
          add(`${at} not an object`, setAt(baseline, path, 'not an object'), at);
          if (isNonNullType(type)) add(`${at} null`, setAt(baseline, path, null), at);
          continue;
        }
        // A list's items are positions of their own; a single value where a list is expected is a list of one.
        if (isListType(inner)) continue;
        if (isNonNullType(type)) add(`${at} null`, setAt(baseline, path, null), at);
        for (const [label, value] of badValues(named, String(path.at(-1)))) add(`${at} ${label}`, setAt(baseline, path, value), at);
        if (named.name !== 'Boolean' && !isEnumType(named)) add(`${at} 1 MB`, setAt(baseline, path, ONE_MB_STRING), at, true);
      }
    }
  }
  return cases;
}

// ---- checks ----------------------------------------------------------------------------------------------------

// Client values are echoed in variable errors (a return URL), so URLs are matched by what ours look like.
const LEAKS = /127\.0\.0\.1|localhost|\/graphql\b|\b(select|insert|update|delete)\s.+\b(from|into|set|where)\b|postgres|\bstack\b|\.ts:\d+|ECONNREFUSED/i;

interface Outcome {
  name: string;
  status: number;
  body: any;
  who: Case['who'];
  field: string;
}

/** What is wrong with an answer, or [] (the rules hold for every identity; the capable user must get its field). */
function problems(outcome: Outcome): string[] {
  const found: string[] = [];
  const errors: any[] | undefined = outcome.body?.errors;
  if (outcome.who === 'capable' && !errors?.length) found.push('no error: the bad input was accepted');
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') found.push(`error without a code: ${error.message}`);
    if (code === 'INTERNAL_SERVER_ERROR') found.push(`INTERNAL_SERVER_ERROR: ${error.message}`);
    if (code === 'BAD_USER_INPUT' && typeof error.extensions.field !== 'string') found.push(`BAD_USER_INPUT without a field: ${error.message}`);
  }
  if (outcome.who === 'capable' && errors?.length) {
    const first = errors[0];
    if (first.extensions?.code !== 'BAD_USER_INPUT' || first.extensions?.field !== outcome.field) {
      found.push(`expected BAD_USER_INPUT on ${outcome.field}, got ${first.extensions?.code} on ${first.extensions?.field}: ${first.message.slice(0, 200)}`);
    }
  }
  if (outcome.status >= 500) found.push(`HTTP ${outcome.status}`);
  const raw = JSON.stringify(outcome.body);
  if (raw.length > 20_000) found.push(`an answer of ${raw.length} characters (the input echoed back)`);
  const text = raw.replaceAll(ONE_MB_STRING, '<1 MB>');
  const leak = LEAKS.exec(text.length > 20_000 ? text.slice(0, 20_000) : text);
  if (leak) found.push(`leaks "${leak[0]}"`);
  return found;
}

async function send(stack: Stack, c: Case): Promise<Outcome> {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(c.who === 'capable' && c.token ? { authorization: `Bearer ${c.token}` } : {}) },
    body: JSON.stringify({ query: c.operation, variables: c.variables }),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = { notJson: text.slice(0, 500) };
  }
  return { name: c.name, status: response.status, body, who: c.who, field: c.field };
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

/**
 * Rows of every table of every schema but the bus's (pg-boss keeps its own books) and the gateway's rate-limit
 * counters (a refused attempt at log-in or sign-up still counts against its budget, by design).
 */
async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'pgboss')
         and (table_schema, table_name) <> ('gateway', 'rate_limit') order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) counts[name] = Number((await client.query<{ n: string }>(`select count(*) as n from ${name}`)).rows[0]!.n);
    return counts;
  } finally {
    await client.end();
  }
}

/** Waits until events in flight have landed: two snapshots a second apart agree. */
async function settledRowCounts(databaseUrl: string): Promise<Record<string, number>> {
  let previous = await rowCounts(databaseUrl);
  for (let i = 0; i < 30; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const current = await rowCounts(databaseUrl);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  throw new Error('row counts never settled');
}

describe('bad input (generated from the API schema)', () => {
  let stack: Stack;
  let fixtures: Fixtures;

  beforeAll(async () => {
    stack = await startStack();
    const sponsor = await signUpUser(stack.client);
    const solver = await signUpUser(stack.client);
    const organizationId = await createOrganization(stack.client, sponsor.token);
    const draft = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    const open = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await fundAndPublish(stack, sponsor.token, open.id, { simulated: true });
    await waitForSubmissionsToKnow(stack, open.id);
    const submitted = await eventually(async () => {
      const response = await stack.client.request(
        `mutation($input: SubmitSolutionInput!) { submitSolution(input: $input) { submission { id } } }`,
        { input: { challengeId: open.id, title: 'My solution', body: 'It works like this.' } },
        { token: solver.token },
      );
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data!.submitSolution.submission.id as string;
    });
    const asked = await stack.client.request(
      `mutation($input: AskChallengeQuestionInput!) { askChallengeQuestion(input: $input) { question { id } } }`,
      { input: { challengeId: open.id, question: 'What does the brief mean by local materials?' } },
      { token: solver.token },
    );
    if (asked.errors) throw new Error(JSON.stringify(asked.errors));
    const endpoint = await stack.client.request(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
      { input: { organizationId, url: 'https://hooks.example.test/ideagora', events: ['PAYOUT_FAILED'] } },
      { token: sponsor.token },
    );
    if (endpoint.errors) throw new Error(JSON.stringify(endpoint.errors));
    fixtures = {
      sponsor,
      solver,
      organizationId,
      draftId: draft.id,
      openId: open.id,
      submissionId: submitted,
      questionId: asked.data!.askChallengeQuestion.question.id,
      webhookEndpointId: endpoint.data!.createWebhookEndpoint.endpoint.id,
    };
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers every bad input of every argument with a clear error, and writes nothing', async () => {
    const cases = buildCases(fixtures);
    const before = await settledRowCounts(stack.databaseUrl);
    const started = Date.now();
    const small = cases.filter((c) => !c.name.endsWith(' 1 MB'));
    const large = cases.filter((c) => c.name.endsWith(' 1 MB'));
    const outcomes = [...(await inBatches(small, 16, (c) => send(stack, c))), ...(await inBatches(large, 4, (c) => send(stack, c)))];
    const seconds = (Date.now() - started) / 1000;
    const after = await settledRowCounts(stack.databaseUrl);

    const failures = outcomes.flatMap((o) => problems(o).map((p) => `${o.name}: ${p}`));
    const internal = outcomes.filter((o) => JSON.stringify(o.body).includes('INTERNAL_SERVER_ERROR')).length;
    console.info(`bad-input: ${outcomes.length} cases (${large.length} of 1 MB) in ${seconds.toFixed(1)} s; ${internal} INTERNAL_SERVER_ERROR; ${failures.length} problems`);
    expect(failures).toEqual([]);
    expect(internal).toBe(0);
    expect(after).toEqual(before);
    expect(outcomes.length).toBeGreaterThan(500);
  }, 180_000);

  it('answers a body over the 1 MB limit and malformed JSON with GraphQL JSON, not an HTML page', async () => {
    const tooLarge = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { id } }', variables: { padding: 'a'.repeat(1_100_000) } }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await tooLarge.json()).toEqual({ errors: [{ message: 'Request body exceeds the limit of 1048576 bytes', extensions: { code: 'BAD_REQUEST' } }] });

    const malformed = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ viewer { id } }"' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await malformed.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('names the field of a bad literal written in the operation (a validation error)', async () => {
    const literal = await stack.client.request(
      `mutation { createChallenge(input: { organizationId: "${fixtures.organizationId}", title: "t", summary: "s", description: "d", type: IDEATION, visibility: PUBLIC, currency: "USD", prizes: [{ rank: 1, label: "l", amountMinor: "100" }], submissionDeadline: "2026-02-30T00:00:00Z" }) { challenge { id } } }`,
      {},
      { token: fixtures.sponsor.token },
    );
    expect(literal.errors?.map((e) => e.extensions)).toEqual([{ code: 'GRAPHQL_VALIDATION_FAILED', field: 'submissionDeadline' }]);
    const first = await stack.client.request('{ challenges(first: "abc") { edges { cursor } } }');
    expect(first.errors?.map((e) => e.extensions)).toEqual([{ code: 'GRAPHQL_VALIDATION_FAILED', field: 'first' }]);
  });

  it('a subgraph reached directly refuses a malformed DateTimeISO and a NUL byte as BAD_USER_INPUT with the field', async () => {
    const query = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { challenge { id } } }`;
    const badDate = await requestSubgraph(stack, 'challenges', query, { input: challengeInput(fixtures.organizationId, { submissionDeadline: '2026-02-30T00:00:00Z' }) }, fixtures.sponsor.id);
    expect(badDate.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'submissionDeadline' });
    const nul = await requestSubgraph(stack, 'challenges', query, { input: challengeInput(fixtures.organizationId, { title: 'a\u0000b' }) }, fixtures.sponsor.id);
    expect(nul.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
  });
});
