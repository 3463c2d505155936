import type { TypedDocumentString } from '@/gql/graphql';
import { GatewayError, type GatewayErrorItem } from './errors';

export const GATEWAY_URL = process.env.IDEAGORA_GATEWAY_URL ?? 'http://localhost:4000/graphql';

/**
 * Sends one operation to the gateway, with `token` as the bearer token when given. No cookies here (see gql in
 * gateway.ts for the signed-in user's calls), so the proxy can use it too. Throws GatewayError on GraphQL errors (no
 * partial data is used); an unreachable gateway is code UNAVAILABLE.
 */
export async function fetchGateway<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token?: string,
  forwardedFor?: string | null,
): Promise<TResult> {
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
        // The visitor's address, for the gateway's per-address limits (it believes this from TRUSTED_PROXIES only).
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
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
