import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isListType,
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
  valueFromASTUntyped,
} from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DomainError } from './errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/**
 * Operation limits: one definition for the gateway and every subgraph (a subgraph must survive a request that
 * bypassed the gateway with a valid identity). Every operation of the web client and of the partner contract passes
 * with room (gateway/test/security/operation-limits.int-spec.ts checks each one); the attack shapes of issue 10 are
 * refused before anything recursive runs on them.
 */
export const OPERATION_LIMITS = {
  /** Characters of the query document (the largest real operation has 1,218). */
  maxDocumentChars: 10_000,
  /** Lexical tokens (the largest real operation has about 200). Also caps the depth any document can reach. */
  maxTokens: 1_000,
  /** Nesting of fields, fragments counted (the deepest real operation: 7). */
  maxDepth: 12,
  /** Aliased fields (real operations use none; the gateway's subgraph queries use a few). */
  maxAliases: 30,
  /** Directives (real operations use none; @include/@skip are the only executable ones). */
  maxDirectives: 5,
  /**
   * Estimated fields resolved, lists counted at their bound, long texts by their size: the costliest operation of the
   * web client and the contract estimates 12,400 (100 submission bodies a page); the benchmark's every-field browse
   * page 13,244 at 20 a page.
   */
  maxCost: 50_000,
  /** Bytes of one response the gateway sends or accepts from a subgraph. */
  maxResponseBytes: 4 * 1024 * 1024,
} as const;

export type OperationLimits = { -readonly [K in keyof typeof OPERATION_LIMITS]: number };

/**
 * Upper bounds of the plain (unpaginated) lists, for the cost estimate: `Type.field` -> items. Exact where the domain
 * caps the list (prizes, skills); elsewhere a generous bound of what real data holds, since the estimate only has to
 * be an upper bound for real queries and refuse the multiplying shapes. Connection fields are sized by `first`
 * (their `edges` count once), `_entities` by its representations. Every list field of the schemas must be listed
 * here (operation-limits.spec.ts checks it), so a new list cannot slip in unbounded.
 */
export const LIST_SIZE_BOUNDS: Record<string, number> = {
  'Challenge.prizes': 20, // MAX_PRIZES in services/challenges
  'ChallengeConnection.pageCursors': 9, // pages 2 to 10 (PAGE_LINKS in services/challenges)
  'Query.challengeCurrencies': 20, // CHALLENGE_CURRENCIES in libs/money (11 today)
  'Challenge.viewerQuestions': 50, // 10 a day per asker; a bound for the estimate only
  'Challenge.viewerSubmissions': 5, // one per solver and challenge (new versions of the same submission)
  'Organization.members': 100,
  'Organization.invitations': 100, // MAX_PENDING_INVITATIONS in services/challenges
  'User.organizationInvitations': 50, // the newest 50 are listed
  'User.organizations': 50,
  'User.skills': 20, // PROFILE_RULES.MAX_SKILLS in services/solvers
  'Reputation.totalsWon': 20, // one per currency won in (CHALLENGE_CURRENCIES: 11 today)
  // One per award, or one per member of a team with a part: teams hold up to 20, but 5 keeps the benchmark's full
  // browse (20 challenges × 20 prizes × payouts) within a third of maxCost; an estimate, as Organization.members.
  'Award.payouts': 5,
  'AwardSplit.shares': 20, // a team's members (at most 20)
  'Team.members': 20, // MAX_TEAM_SIZE in services/submissions (members and pending invitations)
  'Team.invitations': 20, // the same bound
  'Split.shares': 20, // one per member
  'User.teamInvitations': 50, // VIEWER_TEAM_INVITATIONS in services/submissions
  // Sized by the mutation's own input (1..10,000 places): counted at the input's length, see INPUT_SIZED_LISTS; this
  // bound only counts where the input is not in the operation (a subgraph's own fetch).
  'AwardPrizesPayload.awards': 200,
  'Submission.versions': 20,
  // Judging (issue 13): 50 judges at most (MAX_JUDGE_INVITATIONS in services/challenges) plus the sponsor's scorers.
  'Submission.scoreCards': 60,
  'ScoreCard.scores': 10, // the rubric's criteria (1..10)
  'JudgingBoard.judges': 60,
  'SubmissionFeedback.criteria': 10,
  'SubmissionFeedback.comments': 60, // one per card of the round
  // Judging in services/challenges: LISTED_PER_CHALLENGE, LISTED_PER_USER, MAX_FINALISTS, the rubric's 1..10
  // criteria, MAX_EMAILS_PER_CALL, the five ChallengeRole values.
  'Challenge.invitations': 100,
  'User.challengeInvitations': 50,
  'Challenge.finalists': 50,
  'Rubric.criteria': 10,
  'InviteToChallengePayload.invitations': 50,
  'Challenge.viewerRoles': 5,
  'PayoutAccount.requirementsDue': 50,
  // Entries (issue 14): MAX_ATTACHMENTS a version in services/submissions; the upload's headers (Content-Type, and
  // If-None-Match with S3).
  'Submission.attachments': 10,
  // Notifications (issue 15): the kinds of NotificationKind (13).
  'NotificationPreferences.mailKinds': 13,
  'UpdateNotificationPreferencesPayload.mailKinds': 13,
  'SubmissionVersion.attachments': 10,
  'CreateAttachmentUploadPayload.uploadHeaders': 5,
  // API keys (issue 16): at most 50 unrevoked (MAX_ACTIVE_API_KEYS in services/challenges), revoked ones listed too
  // (an estimate, as Organization.members); the scopes of libs/auth's API_SCOPES (5).
  'Organization.apiKeys': 100,
  'ApiKey.scopes': 5,
  // Partner webhooks (issue 16, services/challenges webhook.domain.ts): 20 endpoints an organization, the 8 event
  // types, the latest 50 attempts of a delivery.
  'Organization.webhookEndpoints': 20,
  'WebhookEndpoint.events': 8,
  'WebhookDelivery.attempts': 50,
  // Introspection (subgraphs, and the gateway outside production): about the size of our schemas, so the circular
  // introspection query (types { fields { type { fields ... } } }) is refused by its cost.
  '__Schema.types': 200,
  '__Schema.directives': 20,
  '__Type.fields': 50,
  '__Type.inputFields': 20,
  '__Type.enumValues': 20,
  '__Type.interfaces': 10,
  '__Type.possibleTypes': 20,
  '__Field.args': 10,
  '__Directive.args': 10,
  '__Directive.locations': 20,
};

/**
 * The long texts weigh what they can hold, about one per 1,000 characters (their validated maximum), so that the
 * cost bounds the size of an answer too, not only its number of fields.
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  'Challenge.description': 20, // 20,000 characters
  'Challenge.terms': 20, // 20,000
  'Submission.body': 100, // 100,000
  'SubmissionVersion.body': 100, // 100,000
  'ChallengeQuestion.question': 2, // 2,000
  'ChallengeQuestion.answer': 5, // 5,000
};

/**
 * Lists a mutation answers with one item per item of its input: `Payload.field` -> [mutation, path in its arguments].
 * The answer can only be as long as what the client sent (and paid for in bytes), so the estimate counts the input's
 * length: 10,000 awards cost 40,003 (under maxCost), a call with 3 awards costs 15, not the bound's worst case.
 */
export const INPUT_SIZED_LISTS: Record<string, readonly [mutation: string, ...path: string[]]> = {
  'AwardPrizesPayload.awards': ['awardPrizes', 'input', 'awards'],
};

/** Lists that are sized elsewhere: a connection's edges by its field's `first`. */
const COUNTED_AT_PARENT = /Connection\.edges$/;

/** The contract's error for an operation over a limit; the message names the limit and the value. */
export class QueryTooComplexError extends DomainError {
  readonly code = 'QUERY_TOO_COMPLEX';
}

/** A GraphQLError carrying the contract code, for Apollo's request pipeline (HTTP 400: the request is refused). */
function refusal(message: string): GraphQLError {
  return new GraphQLError(message, {
    originalError: new QueryTooComplexError(message),
    extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
  });
}

/** How many items a list field can hold, for the estimate; `sizedByInput` holds the INPUT_SIZED_LISTS of this operation. */
function listSize(typeName: string, fieldName: string, args: Record<string, unknown>, hasFirst: boolean, sizedByInput: Record<string, number>): number {
  if (hasFirst) {
    const first = args.first;
    // An invalid `first` is refused by the resolver (BAD_USER_INPUT); the estimate takes the worst case.
    if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
    return typeof first === 'number' && Number.isInteger(first) && first >= 1 ? Math.min(first, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  }
  if (fieldName === '_entities') return Array.isArray(args.representations) ? args.representations.length : 1;
  const key = `${typeName}.${fieldName}`;
  if (COUNTED_AT_PARENT.test(key)) return 1;
  return sizedByInput[key] ?? LIST_SIZE_BOUNDS[key] ?? MAX_PAGE_SIZE;
}

/**
 * graphql-query-complexity estimator: each field costs 1 (a long text its FIELD_WEIGHTS) plus what it selects, times
 * the items of a list (a connection field counts `first` items; scalar lists count their items).
 */
function listSizeEstimatorFor(sizedByInput: Record<string, number>): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const hasFirst = field.args.some((a) => a.name === 'first');
    const returnsList = isListType(getNullableType(field.type));
    if (!hasFirst && !returnsList) return (FIELD_WEIGHTS[`${type.name}.${field.name}`] ?? 1) + childComplexity;
    const items = listSize(type.name, field.name, args, hasFirst, sizedByInput);
    return 1 + items * Math.max(childComplexity, 1);
  };
}

/**
 * The INPUT_SIZED_LISTS of an operation, at the length of the input its mutation field was sent (the longest if it
 * appears more than once under aliases); a list whose input cannot be read (absent, invalid) counts 1 item, since
 * execution refuses the request before any resolver runs.
 */
function inputSizedLists(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): Record<string, number> {
  const sizes: Record<string, number> = {};
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || d.name?.value === operationName),
  );
  if (operation?.operation !== 'mutation') return sizes;
  for (const [key, [mutation, argument, ...path]] of Object.entries(INPUT_SIZED_LISTS)) {
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.name.value !== mutation) continue;
      const node = selection.arguments?.find((a) => a.name.value === argument)?.value;
      let value: unknown = node ? valueFromASTUntyped(node, variables) : undefined;
      for (const step of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
      sizes[key] = Math.max(sizes[key] ?? 1, Array.isArray(value) ? value.length : 1);
    }
  }
  return sizes;
}

/**
 * The schema the estimate runs on: every argument and input field optional, so that an estimate is made whatever
 * variables came (a missing or invalid one counts as absent: execution refuses the request before any resolver).
 */
const costSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();
function costSchemaOf(schema: GraphQLSchema): GraphQLSchema {
  let costSchema = costSchemas.get(schema);
  if (!costSchema) {
    const optional = <T extends { type: GraphQLInputType }>(config: T): T => ({ ...config, type: getNullableType(config.type) });
    costSchema = mapSchema(schema, { [MapperKind.ARGUMENT]: optional, [MapperKind.INPUT_OBJECT_FIELD]: optional });
    costSchemas.set(schema, costSchema);
  }
  return costSchema;
}

/**
 * The estimated cost of an operation, with the variables that coerce; undefined when the document is invalid in a way
 * the estimate cannot read past (a literal of the wrong type, an unknown variable type): validation refuses it then,
 * before anything runs.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): number | undefined {
  const costSchema = costSchemaOf(schema);
  const lenient = visit(document, {
    VariableDefinition: (node) => (node.type.kind === Kind.NON_NULL_TYPE ? { ...node, type: node.type.type } : undefined),
  });
  const usable: Record<string, unknown> = {};
  for (const definition of lenient.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      if (variables?.[name] === undefined) continue;
      if (getVariableValues(costSchema, [variable], { [name]: variables[name] }).errors === undefined) usable[name] = variables[name];
    }
  }
  try {
    const estimator = listSizeEstimatorFor(inputSizedLists(lenient, operationName ?? undefined, usable));
    return getComplexity({ schema: costSchema, query: lenient, operationName: operationName ?? undefined, variables: usable, estimators: [estimator], maxQueryNodes: Infinity });
  } catch {
    return undefined;
  }
}

function armorRules(limits: OperationLimits, report: (message: string) => void): ValidationRule[] {
  // graphql-armor's rules count (fragments included, introspection too) and pass us their finding; we word it.
  const found = (error: GraphQLError) => Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
  const reject = (what: string, limit: number) => [(_: unknown, error: GraphQLError) => report(`${what} ${found(error)} exceeds the limit of ${limit}`)];
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: false, propagateOnRejection: false, onReject: reject('Query depth', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, allowList: [], propagateOnRejection: false, onReject: reject('Query aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: reject('Query directives', limits.maxDirectives) },
    costLimit: { enabled: false }, // not list-aware: graphql-query-complexity with LIST_SIZE_BOUNDS instead
    maxTokens: { enabled: false }, // counted by graphql-js's parser (below), which stops at the limit
    blockFieldSuggestion: { enabled: false }, // Apollo's hideSchemaDetailsFromClientErrors, where wanted
  }).protect().validationRules as ValidationRule[];
}

/** A document parsed within the size and token limits, or the limit it breaks (undefined: a syntax error). */
function parseWithinLimits(source: string, limits: OperationLimits): DocumentNode | string | undefined {
  if (source.length > limits.maxDocumentChars) return `Query document size ${source.length} characters exceeds the limit of ${limits.maxDocumentChars}`;
  try {
    return parse(source, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    if (error instanceof GraphQLError && /contains more th\w+ \d+ tokens/.test(error.message)) return `Query token count exceeds the limit of ${limits.maxTokens}`;
    return undefined; // a syntax error: Apollo's own parse reports it
  }
}

/** The shape limit (depth, aliases, directives) a parsed document breaks, or undefined. */
function shapeFinding(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits): string | undefined {
  let finding: string | undefined;
  validate(schema, document, armorRules(limits, (message) => (finding ??= message)));
  return finding;
}

/**
 * The first limit a document breaks, or undefined. Cheap and bounded: size first, then graphql-js's parser stopping
 * at the token limit (which also bounds nesting, so nothing below can exhaust the stack), then depth, aliases and
 * directives, then the cost, before graphql-js's own validation rules (some of which recurse) ever see the document.
 */
export function checkDocument(
  schema: GraphQLSchema,
  source: string,
  limits: OperationLimits = OPERATION_LIMITS,
  operation: { operationName?: string | null; variables?: Record<string, unknown> } = {},
): string | undefined {
  const parsed = parseWithinLimits(source, limits);
  if (parsed === undefined || typeof parsed === 'string') return parsed;
  return shapeFinding(schema, parsed, limits) ?? costFinding(schema, parsed, limits, operation);
}

function costFinding(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits, operation: { operationName?: string | null; variables?: Record<string, unknown> }): string | undefined {
  const cost = operationCost(schema, document, operation.operationName, operation.variables);
  return cost !== undefined && cost > limits.maxCost ? `Query cost ${cost} exceeds the limit of ${limits.maxCost}` : undefined;
}

const CHECKED_DOCUMENTS_KEPT = 1_000;
const COSTS_KEPT_PER_DOCUMENT = 100;

/** The arguments the estimate reads: page sizes, the representations' count, and @include/@skip conditions. */
const COST_ARGUMENTS = new Set(['first', 'representations', 'if']);

/** A document whose shape passed, with its cost by the values of the variables the estimate reads. */
interface CheckedDocument {
  document: DocumentNode;
  costVariables: string[];
  /** Variables holding an INPUT_SIZED_LISTS input, with the path to the list whose length the estimate reads. */
  inputSizedVariables: { name: string; path: string[] }[];
  costs: Map<string, number | undefined>;
}

const INPUT_SIZED_BY_MUTATION = new Map(Object.values(INPUT_SIZED_LISTS).map(([mutation, argument, ...path]) => [mutation, { argument, path }]));

function checked(document: DocumentNode): CheckedDocument {
  const costVariables = new Set<string>();
  const inputSizedVariables: { name: string; path: string[] }[] = [];
  visit(document, {
    Argument: (node) => {
      if (COST_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) costVariables.add(node.value.name.value);
    },
    Field: (node) => {
      const sized = INPUT_SIZED_BY_MUTATION.get(node.name.value);
      const argument = sized && node.arguments?.find((a) => a.name.value === sized.argument);
      if (sized && argument?.value.kind === Kind.VARIABLE) inputSizedVariables.push({ name: argument.value.name.value, path: sized.path });
    },
  });
  return { document, costVariables: [...costVariables], inputSizedVariables, costs: new Map() };
}

/** What of the request's variables the cost depends on (a list's length, not its items): the key of the cost cache. */
function costKey(entry: CheckedDocument, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  const lengthOf = (value: unknown) => (Array.isArray(value) ? { length: value.length } : value);
  const values = entry.costVariables.map((name) => lengthOf(variables?.[name]));
  const sized = entry.inputSizedVariables.map(({ name, path }) => {
    let value: unknown = variables?.[name];
    for (const step of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
    return Array.isArray(value) ? value.length : null;
  });
  return `${operationName ?? ''}:${JSON.stringify(values)}:${JSON.stringify(sized)}`;
}

/**
 * The Apollo Server plugin enforcing OPERATION_LIMITS (gateway and subgraphs). Every check runs on the source before
 * Apollo parses and validates it (graphql-js's and Apollo's own validation rules never see an oversized document);
 * refusals answer HTTP 400 with QUERY_TOO_COMPLEX.
 */
export function operationLimitsPlugin<TContext extends BaseContext>(
  limits: OperationLimits = OPERATION_LIMITS,
  options: {
    exemptIntrospection?: boolean;
    /** Told the estimated cost of each operation that passed (the gateway's per-client budgets of cost count it). */
    onCost?: (cost: number, contextValue: TContext) => void;
  } = {},
): ApolloServerPlugin<TContext> {
  // Documents whose shape passed, by hash, and their costs by the values that matter to the estimate (a list's
  // length, not its items): a repeated operation, the common case, is neither parsed nor estimated again (an
  // estimate costs about as much as validating the document).
  const passed = new Map<string, CheckedDocument>();
  return {
    async unexpectedErrorProcessingRequest({ error }) {
      // A hook that throws before parsing ends up here; rethrowing our refusal makes Apollo answer it (status and
      // code) instead of a masked 500. graphql-armor's max-tokens plugin relies on the same path.
      if (error instanceof GraphQLError && error.originalError instanceof QueryTooComplexError) throw error;
    },
    async requestDidStart() {
      return {
        async didResolveSource({ source, queryHash, schema, request, contextValue }) {
          let entry = passed.get(queryHash);
          if (!entry) {
            const parsed = parseWithinLimits(source, limits);
            if (parsed === undefined) return;
            // Development tools (IDEs, the landing page) send the standard introspection query: depth 21, cost in the
            // millions. Where introspection is served for them, introspection-only operations pass (size and tokens
            // still apply); elsewhere introspection is off, or held to the limits like anything else.
            if (options.exemptIntrospection && typeof parsed !== 'string' && isIntrospectionOnly(parsed)) return;
            const finding = typeof parsed === 'string' ? parsed : shapeFinding(schema, parsed, limits);
            if (finding) throw refusal(finding);
            entry = checked(parsed as DocumentNode);
            if (passed.size >= CHECKED_DOCUMENTS_KEPT) passed.clear();
            passed.set(queryHash, entry);
          }
          const key = costKey(entry, request.operationName, request.variables);
          let cost = entry.costs.get(key);
          if (!entry.costs.has(key)) {
            cost = operationCost(schema, entry.document, request.operationName, request.variables);
            if (entry.costs.size >= COSTS_KEPT_PER_DOCUMENT) entry.costs.clear();
            entry.costs.set(key, cost);
          }
          if (cost !== undefined && cost > limits.maxCost) throw refusal(`Query cost ${cost} exceeds the limit of ${limits.maxCost}`);
          if (cost !== undefined) options.onCost?.(cost, contextValue);
        },
      };
    },
  };
}

/** Whether every operation of a document selects only __schema, __type and __typename at its root. */
export function isIntrospectionOnly(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return (
    operations.length > 0 &&
    operations.every((operation) =>
      operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && ['__schema', '__type', '__typename'].includes(selection.name.value)),
    )
  );
}

/** Names of the list fields of a schema that the cost estimate has no bound for (to keep LIST_SIZE_BOUNDS whole). */
export function unboundedListFields(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || 'getInterfaces' in type === false) continue;
    for (const field of Object.values(type.getFields())) {
      if (!('args' in field)) continue;
      const key = `${type.name}.${field.name}`;
      const returnsList = isListType(getNullableType(field.type));
      if (!returnsList || field.args.some((a) => a.name === 'first') || field.name === '_entities' || COUNTED_AT_PARENT.test(key)) continue;
      if (!(key in LIST_SIZE_BOUNDS)) missing.push(`${key}: [${getNamedType(field.type).name}]`);
    }
  }
  return missing;
}

/**
 * Apollo Server's `stringifyResult` with a size cap: a response over `maxBytes` is replaced by a QUERY_TOO_COMPLEX
 * error rather than sent (the cost limit keeps real responses far below; this is the last bound on memory and wire).
 */
export function stringifyWithinLimit(maxBytes: number): (value: unknown) => string {
  return (value) => {
    const text = JSON.stringify(value);
    if (text.length <= maxBytes / 3 || Buffer.byteLength(text) <= maxBytes) return text;
    return JSON.stringify({ errors: [{ message: `Response size exceeds the limit of ${maxBytes} bytes`, extensions: { code: 'QUERY_TOO_COMPLEX' } }] });
  };
}
