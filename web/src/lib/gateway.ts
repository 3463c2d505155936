import type { TypedDocumentString } from '@/gql/graphql';
import { GatewayError, type GatewayErrorItem } from './errors';
import { getToken } from './session';

export const GATEWAY_URL = process.env.IDEAGORA_GATEWAY_URL ?? 'http://localhost:4000/graphql';

/**
 * Sends one operation to the gateway from the Next server, with the session's bearer token when there is one.
 * Throws GatewayError on GraphQL errors (no partial data is used).
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const token = await getToken();
  let response: Response;
  try {
    response = await fetch(GATEWAY_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        // Apollo Server's CSRF prevention accepts JSON posts; this marks the request as not a simple one.
        'apollo-require-preflight': 'true',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      cache: 'no-store',
    });
  } catch {
    throw new GatewayError([{ message: 'The Ideagora API is unreachable', extensions: { code: 'UNAVAILABLE' } }]);
  }
  let body: { data?: TResult | null; errors?: GatewayErrorItem[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GatewayError([{ message: `The Ideagora API answered HTTP ${response.status}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }], response.status);
  }
  if (body.errors?.length) throw new GatewayError(body.errors, response.status);
  if (!body.data) throw new GatewayError([{ message: 'Empty response', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], response.status);
  return body.data;
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
