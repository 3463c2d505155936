import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

interface ValueCompletionError {
  message?: string;
  path?: readonly (string | number)[];
}

/**
 * A subgraph answers null for an entity the viewer may not see (authorization in `__resolveReference`). Where the
 * schema says the field is non-null, Apollo Gateway nulls the nearest nullable parent, as GraphQL requires, but
 * reports why only in `extensions.valueCompletion`, which clients do not read: a `viewer` could come back null with no
 * error at all. This moves those reports into `errors` (NOT_FOUND, with the path), so data is never nulled silently.
 */
export function valueCompletionErrorsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const reports = result.extensions?.valueCompletion as ValueCompletionError[] | undefined;
          if (!reports?.length) return;
          const errors: GraphQLFormattedError[] = reports.map((report) => ({
            message: `Part of this answer is not available to you${fieldOf(report.message)}.`,
            ...(report.path ? { path: report.path } : {}),
            extensions: { code: 'NOT_FOUND' },
          }));
          result.errors = [...(result.errors ?? []), ...errors];
          const { valueCompletion: _reported, ...extensions } = result.extensions!;
          result.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
        },
      };
    },
  };
}

/** " (Submission.challenge)" from Apollo's "Cannot return null for non-nullable field Submission.challenge." */
function fieldOf(message: string | undefined): string {
  const match = /field (\w+\.\w+)/.exec(message ?? '');
  return match ? ` (${match[1]})` : '';
}
