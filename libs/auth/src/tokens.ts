import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';

const ISSUER = 'ideagora';
const USER_TOKEN_AUDIENCE = 'ideagora-api';
const IDENTITY_ISSUER = 'ideagora-gateway';

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

const keyCache = new Map<string, Uint8Array>();
function key(secret: string): Uint8Array {
  let encoded = keyCache.get(secret);
  if (!encoded) {
    encoded = new TextEncoder().encode(secret);
    keyCache.set(secret, encoded);
  }
  return encoded;
}

function toInvalid(error: unknown): InvalidTokenError {
  if (error instanceof joseErrors.JWTExpired) return new InvalidTokenError('token expired');
  return new InvalidTokenError('invalid token');
}

/**
 * The bearer token a user gets from signUp/logIn/resetPassword/refreshSession: an access token of the session
 * `sessionId` (claim `sid`; optional for tokens made outside a session, e.g. by tests and the benchmark). The
 * gateway verifies it without looking the session up, so it lives its whole lifetime even after a revocation.
 */
export async function issueUserToken(userId: string, secret: string, ttlSeconds: number, sessionId?: string): Promise<string> {
  return (await issueAccessToken(userId, secret, ttlSeconds, sessionId)).token;
}

/** issueUserToken, with the moment the token expires (its `exp`). */
export async function issueAccessToken(userId: string, secret: string, ttlSeconds: number, sessionId?: string): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + ttlSeconds;
  const token = await new SignJWT(sessionId ? { sid: sessionId } : {})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(USER_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key(secret));
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

export async function verifyUserToken(token: string, secret: string): Promise<{ userId: string }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: USER_TOKEN_AUDIENCE, algorithms: ['HS256'] });
    if (!payload.sub) throw new InvalidTokenError('invalid token');
    return { userId: payload.sub };
  } catch (error) {
    throw error instanceof InvalidTokenError ? error : toInvalid(error);
  }
}

/** Who is calling, as the gateway vouches for it to one subgraph. `userId` is null for anonymous callers. */
export interface Identity {
  userId: string | null;
  scopes: string[];
  /**
   * The client's address as the gateway resolved it (Express's req.ip through TRUSTED_PROXIES), signed with the
   * rest so a subgraph can trust it (votes' fraud rules); absent for identities not made for a client request.
   */
  clientAddress?: string;
  /**
   * Present when the caller is an organization's API key (issue 16): then `userId` is the key's id (the principal
   * every context's membership read model knows as an ADMIN of `organizationId`) and `scopes` are the key's
   * (API_SCOPES). Each subgraph allows a key only the fields its scope rules list (guardApiKeyScopes).
   */
  apiKey?: { id: string; organizationId: string };
}

/** What an organization's API key may be granted (the partner contract's ApiScope). */
export const API_SCOPES = ['CHALLENGES_READ', 'CHALLENGES_WRITE', 'SUBMISSIONS_READ', 'AWARDS_WRITE', 'WEBHOOKS_MANAGE'] as const;
export type ApiScopeName = (typeof API_SCOPES)[number];

export const IDENTITY_HEADER = 'x-ideagora-identity';

/** The scope of an operator's identity, which the subgraphs' /internal routes (metrics) require; users never get it. */
export const OPS_SCOPE = 'ops';

/** Signs a short-lived identity for one subgraph (the audience), so it cannot be replayed against another. */
export async function signIdentity(identity: Identity, audience: string, secret: string, ttlSeconds: number): Promise<string> {
  const claims: Record<string, unknown> = { scopes: identity.scopes };
  if (identity.clientAddress) claims.addr = identity.clientAddress;
  if (identity.apiKey) claims.key = { id: identity.apiKey.id, org: identity.apiKey.organizationId };
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(IDENTITY_ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`);
  if (identity.userId) jwt.setSubject(identity.userId);
  return jwt.sign(key(secret));
}

export async function verifyIdentity(token: string, audience: string, secret: string): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: IDENTITY_ISSUER, audience, algorithms: ['HS256'] });
    const scopes = Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === 'string') : [];
    const identity: Identity = { userId: payload.sub ?? null, scopes };
    if (typeof payload.addr === 'string') identity.clientAddress = payload.addr;
    const apiKey = payload.key as { id?: unknown; org?: unknown } | undefined;
    if (apiKey && typeof apiKey === 'object') {
      // A key's identity names its key and organization, and its principal is the key: anything else is forged.
      if (typeof apiKey.id !== 'string' || typeof apiKey.org !== 'string' || apiKey.id !== payload.sub) throw new InvalidTokenError('invalid token');
      identity.apiKey = { id: apiKey.id, organizationId: apiKey.org };
    }
    return identity;
  } catch (error) {
    throw toInvalid(error);
  }
}
