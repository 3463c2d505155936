import type { Identity } from '@ideagora/auth';
import { looksLikeApiKey, verifyUserToken } from '@ideagora/auth';
import { GraphQLError } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiKeyVerdict } from './api-keys/api-key.registry';

export interface GatewayContext {
  viewer: Identity;
  signedIdentities: Map<string, Promise<string>>;
  /** The client's address, as Express resolves it through TRUSTED_PROXIES (for the per-address limits). */
  clientAddress: string | null;
  /** The operation's estimated cost (OPERATION_LIMITS), for the budgets of cost per address and per account. */
  operationCost?: number;
}

/** Verifies an organization's API key (the ApiKeyRegistry: in memory, no SQL). */
export interface ApiKeyAuthenticator {
  authenticate(secret: string): Promise<ApiKeyVerdict>;
}

/**
 * Authenticates the caller from `Authorization: Bearer <credential>`: an organization's API key (`igk_…`, through the
 * registry) or a user's access token. No header: anonymous. A bad, unknown, expired or revoked credential: 401.
 */
export async function createGatewayContext(
  headers: IncomingHttpHeaders,
  tokenSecret: string,
  clientAddress: string | null = null,
  apiKeys?: ApiKeyAuthenticator,
): Promise<GatewayContext> {
  const authorization = headers.authorization;
  let viewer: Identity = { userId: null, scopes: [] };
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
    const credential = match[1];
    if (looksLikeApiKey(credential)) {
      const verdict = apiKeys ? await apiKeys.authenticate(credential) : ({ ok: false, reason: 'invalid' } as const);
      if (!verdict.ok) throw unauthenticated(verdict.reason === 'revoked' ? 'This API key has been revoked' : 'Invalid API key');
      viewer = verdict.identity;
    } else {
      try {
        const { userId } = await verifyUserToken(credential, tokenSecret);
        viewer = { userId, scopes: ['user'] };
      } catch (error) {
        throw unauthenticated(error instanceof Error && error.message === 'token expired' ? 'Session expired: sign in again' : 'Invalid token');
      }
    }
  }
  return { viewer, signedIdentities: new Map(), clientAddress };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
