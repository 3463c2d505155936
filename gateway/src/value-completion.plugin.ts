import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLFormattedError,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

interface ValueCompletionError {
  message?: string;
  path?: readonly (string | number)[];
}

/**
 * Nullable fields whose null means "not yours to see", by design and documented on the field: the gateway reports no
 * error when a subgraph's refusal nulls one of them. `Award.submission`: winners are public, a sealed winning entry
 * is not (docs/ARCHITECTURE.md).
 */
export const NULL_WHEN_NOT_VISIBLE: ReadonlySet<string> = new Set(['Award.submission']);

/**
 * A subgraph answers null for an entity the viewer may not see (authorization in `__resolveReference`). Where the
 * schema says the field is non-null, Apollo Gateway nulls the nearest nullable parent, as GraphQL requires, but
 * reports why only in `extensions.valueCompletion`, which clients do not read: a `viewer` could come back null with no
 * error at all. This moves those reports into `errors` (NOT_FOUND, with the path), so data is never nulled silently,
 * except where the nulled field is one of `nullWhenNotVisible` (its null is the documented answer).
 */
export function valueCompletionErrorsPlugin(nullWhenNotVisible: ReadonlySet<string> = NULL_WHEN_NOT_VISIBLE): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, schema, document, operation }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const reports = result.extensions?.valueCompletion as ValueCompletionError[] | undefined;
          if (!reports?.length) return;
          const unexpected = reports.filter((report) => {
            if (!report.path || !document || !operation) return true;
            const nulled = nulledFieldCoordinate(schema, document, operation, report.path);
            return !(nulled && nullWhenNotVisible.has(nulled));
          });
          const errors: GraphQLFormattedError[] = unexpected.map((report) => ({
            message: `Part of this answer is not available to you${fieldOf(report.message)}.`,
            ...(report.path ? { path: report.path } : {}),
            extensions: { code: 'NOT_FOUND' },
          }));
          if (errors.length > 0) result.errors = [...(result.errors ?? []), ...errors];
          const { valueCompletion: _reported, ...extensions } = result.extensions!;
          result.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
        },
      };
    },
  };
}

/**
 * The field GraphQL nulled for a report at `path` (the non-null field that came back null): the nearest nullable
 * position above it, as `Type.field`; null when that position is a list item or cannot be resolved.
 */
export function nulledFieldCoordinate(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, path: readonly (string | number)[]): string | null {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return null;
  const positions: { coordinate: string | null; nullable: boolean }[] = [];
  let parentType: GraphQLOutputType = root;
  let selections: FieldNode[] = fieldsOf(document, operation.selectionSet);
  let current: GraphQLOutputType = root;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!isListType(getNullableType(current))) return null;
      current = (getNullableType(current) as { ofType: GraphQLOutputType }).ofType;
      positions.push({ coordinate: null, nullable: !isNonNullType(current) });
      continue;
    }
    const node = selections.find((f) => (f.alias?.value ?? f.name.value) === key);
    const owner: GraphQLNamedType = getNamedType(parentType);
    if (!node || !(isObjectType(owner) || isInterfaceType(owner))) return null;
    const field: GraphQLField<unknown, unknown> | undefined = owner.getFields()[node.name.value];
    if (!field) return null;
    positions.push({ coordinate: `${owner.name}.${field.name}`, nullable: !isNonNullType(field.type) });
    current = field.type;
    parentType = field.type;
    selections = node.selectionSet ? fieldsOf(document, node.selectionSet) : [];
  }
  for (let i = positions.length - 2; i >= 0; i -= 1) if (positions[i]!.nullable) return positions[i]!.coordinate;
  return null;
}

/** The fields of a selection set, through inline fragments and fragment spreads (type conditions aside). */
function fieldsOf(document: DocumentNode, selectionSet: SelectionSetNode): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(document, selection.selectionSet));
    else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) fields.push(...fieldsOf(document, fragment.selectionSet));
    }
  }
  return fields;
}

/** " (Submission.challenge)" from Apollo's "Cannot return null for non-nullable field Submission.challenge." */
function fieldOf(message: string | undefined): string {
  const match = /field (\w+\.\w+)/.exec(message ?? '');
  return match ? ` (${match[1]})` : '';
}
