import type { TypedDocumentString } from '@/gql/graphql';
import { GatewayError } from './errors';
import { fetchGateway } from './gateway-fetch';
import { getToken } from './session';

/**
 * Sends one operation to the gateway from the Next server, with the session's bearer token when there is one.
 * Throws GatewayError on GraphQL errors (no partial data is used).
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  return fetchGateway(document, variables as TVariables, await getToken());
}

/** Like gql, but NOT_FOUND (and FORBIDDEN for hidden things) become null. */
export async function gqlOrNull<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult | null> {
  try {
    return await (gql as (d: typeof document, v: TVariables) => Promise<TResult>)(document, variables);
  } catch (error) {
    if (error instanceof GatewayError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_USER_INPUT')) return null;
    throw error;
  }
}
