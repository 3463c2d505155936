import type { TypedDocumentString } from '@/gql/graphql';
import { GatewayError } from './errors';
import { fetchGateway } from './gateway-fetch';
import { headers } from 'next/headers';
import { getToken } from './session';

/**
 * Sends one operation to the gateway from the Next server, with the session's bearer token when there is one.
 * Throws GatewayError on GraphQL errors (no partial data is used).
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  return fetchGateway(document, variables as TVariables, await getToken(), await visitorAddresses());
}

/**
 * X-Forwarded-For as this server received it: the load balancer's chain, or the visitor's own address, which Next.js
 * sets when the request came without one. The gateway reads it from the right, skipping its TRUSTED_PROXIES, so a
 * visitor who sends the header can only add addresses to the left of the one a load balancer appends. (With no load
 * balancer in front, as under `npm start`, Next.js keeps a visitor's own header: per-address limits are then only as
 * good as that, which is why production puts one in front.)
 */
async function visitorAddresses(): Promise<string | null> {
  const value = (await headers()).get('x-forwarded-for');
  return value && /^[0-9a-fA-F:.,\s]{1,500}$/.test(value) ? value : null;
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
