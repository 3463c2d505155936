import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type GraphQLErrorExtensions, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../gateway.context';
import { pointsFor, RATE_LIMIT_RULES, type OperationSpend, type RateLimitRule } from './rate-limit.rules';
import type { RateLimitStore, RateLimitVerdict } from './rate-limit.store';

/**
 * Applies RATE_LIMIT_RULES to each operation once it is parsed and validated, before any subgraph is called: every
 * rule the operation spends on (the mutation fields it selects, its estimated cost) counts against the client's
 * address or account, all at once. Refused: RATE_LIMITED with `extensions.retryAfterSeconds` (the longest wait of the
 * rules refusing), HTTP 429 and a Retry-After header.
 */
export function rateLimitPlugin(store: RateLimitStore): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          const spend: OperationSpend = {
            mutationRootFields: operation.operation === 'mutation' ? rootFieldCounts(operation, document) : new Map(),
            cost: contextValue.operationCost,
          };
          const consumptions: Promise<{ rule: RateLimitRule; verdict: RateLimitVerdict }>[] = [];
          for (const rule of RATE_LIMIT_RULES) {
            const points = pointsFor(rule, spend);
            if (points === 0) continue;
            const subject = rule.per === 'address' ? contextValue.clientAddress : contextValue.viewer.userId;
            if (!subject) continue;
            consumptions.push(store.consume(rule, `${rule.per}:${subject}`, points).then((verdict) => ({ rule, verdict })));
          }
          let refusal: { rule: RateLimitRule; retryAfterSeconds: number } | undefined;
          for (const { rule, verdict } of await Promise.all(consumptions)) {
            if (!verdict.allowed && (!refusal || verdict.retryAfterSeconds > refusal.retryAfterSeconds)) refusal = { rule, retryAfterSeconds: verdict.retryAfterSeconds };
          }
          if (refusal) throw rateLimited(refusal.rule, refusal.retryAfterSeconds);
        },
      };
    },
  };
}

/** Root fields by name, each selection counted (aliases and repeats too), through fragments at the root. */
export function rootFieldCounts(operation: OperationDefinitionNode, document: DocumentNode): Map<string, number> {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const counts = new Map<string, number>();
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) counts.set(selection.name.value, (counts.get(selection.name.value) ?? 0) + 1);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return counts;
}

function rateLimited(rule: RateLimitRule, retryAfterSeconds: number): GraphQLError {
  // Apollo Server takes the response's status and headers from `extensions.http` (a Map of headers) and removes it.
  const http = { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) };
  return new GraphQLError(`Too many ${rule.what}. Try again in ${inWords(retryAfterSeconds)}.`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http } as unknown as GraphQLErrorExtensions,
  });
}

function inWords(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
