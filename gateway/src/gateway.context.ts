import type { Identity } from '@ideagora/auth';
import { verifyUserToken } from '@ideagora/auth';
import { GraphQLError } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';

export interface GatewayContext {
  viewer: Identity;
  signedIdentities: Map<string, Promise<string>>;
  /** The client's address, as Express resolves it through TRUSTED_PROXIES (for the per-address limits). */
  clientAddress: string | null;
  /** The operation's estimated cost (OPERATION_LIMITS), for the budgets of cost per address and per account. */
  operationCost?: number;
}

/** Authenticates the caller from `Authorization: Bearer <token>`. No header: anonymous. A bad token: 401. */
export async function createGatewayContext(headers: IncomingHttpHeaders, tokenSecret: string, clientAddress: string | null = null): Promise<GatewayContext> {
  const authorization = headers.authorization;
  let viewer: Identity = { userId: null, scopes: [] };
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
    try {
      const { userId } = await verifyUserToken(match[1], tokenSecret);
      viewer = { userId, scopes: ['user'] };
    } catch (error) {
      throw unauthenticated(error instanceof Error && error.message === 'token expired' ? 'Session expired: sign in again' : 'Invalid token');
    }
  }
  return { viewer, signedIdentities: new Map(), clientAddress };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
