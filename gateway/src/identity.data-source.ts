import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity, type Identity } from '@ideagora/auth';
import type { GraphQLError } from 'graphql';
import { API_KEY_OWNER, takeRevokedApiKeyIds } from './api-keys/api-key-revocation.extension';
import { errorFromSubgraphResponse } from './client-errors';
import type { GatewayContext } from './gateway.context';
import { FETCH_TIMEOUT_HEADER, fetchSubgraph, type FetchLimits } from './subgraph.fetcher';

/**
 * Sends each subgraph request with an identity the gateway signs for that subgraph only (audience = its name).
 * Nothing the client sent about identity is forwarded: the request to the subgraph is built from scratch.
 */
export class IdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly secret: string,
    private readonly ttlSeconds: number,
    limits: FetchLimits,
    /** The fetch deadline of every fetch of a mutation operation (a bounded write is allowed to finish). */
    private readonly mutationTimeoutMs: number = limits.timeoutMs,
    /** Keys a successful revokeApiKey revoked (API_KEY_OWNER's answers only): refused at once, before the answer goes on. */
    private readonly onApiKeysRevoked?: (ids: string[]) => Promise<void>,
  ) {
    const fetcher = (target: string, init: Parameters<typeof fetchSubgraph>[1]) => fetchSubgraph(target, init, limits);
    super({ url, fetcher: fetcher as unknown as NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'] });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    const headers = request.http?.headers;
    if (!headers) return;
    headers.delete(IDENTITY_HEADER);
    headers.delete(FETCH_TIMEOUT_HEADER);
    if ('incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === 'mutation') {
      headers.set(FETCH_TIMEOUT_HEADER, String(this.mutationTimeoutMs));
    }
    const viewer: Identity = 'viewer' in context && context.viewer ? context.viewer : { userId: null, scopes: [] };
    // The client's address (req.ip through TRUSTED_PROXIES) travels signed, so a subgraph can trust it (votes).
    const clientAddress = 'clientAddress' in context && context.clientAddress ? context.clientAddress : undefined;
    const identity: Identity = clientAddress ? { ...viewer, clientAddress } : viewer;
    // One signature per subgraph per client request, not per fetch.
    const cache = 'signedIdentities' in context && context.signedIdentities ? context.signedIdentities : new Map<string, Promise<string>>();
    let token = cache.get(this.subgraphName);
    if (!token) {
      token = signIdentity(identity, this.subgraphName, this.secret, this.ttlSeconds);
      cache.set(this.subgraphName, token);
    }
    headers.set(IDENTITY_HEADER, await token);
    headers.set('content-type', 'application/json');
  }

  /**
   * `extensions.ideagora` never goes further (whichever subgraph sent it); from challenges, the API keys it names as
   * revoked are refused by this process at once, and written and announced to the other gateway processes before the
   * client gets the answer (see docs/ARCHITECTURE.md, "API keys at the gateway").
   */
  override async didReceiveResponse({ response }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    const revoked = takeRevokedApiKeyIds(response as { extensions?: Record<string, unknown> });
    if (revoked.length > 0 && this.subgraphName === API_KEY_OWNER) await this.onApiKeysRevoked?.(revoked);
    return response;
  }

  /** A non-2xx answer: the subgraph's own error when it is the contract's, never its URL, status or body. */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    let body: unknown;
    try {
      body = await this.parseBody(response);
    } catch {
      body = undefined;
    }
    return errorFromSubgraphResponse(body);
  }
}
