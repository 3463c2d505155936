import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** What the gateway answered when an operation failed: the contract's `extensions.code` and `extensions.field`. */
export class PartnerApiError extends Error {
  constructor(
    message: string,
    /** UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT, FAILED_PRECONDITION, RATE_LIMITED, … */
    readonly code: string,
    /** For BAD_USER_INPUT: the input field at fault (`title`, `prizes[0].amountMinor`). */
    readonly field: string | undefined,
    /** The HTTP status (401 for a bad or revoked key, 429 when rate limited, 200 for most GraphQL errors). */
    readonly status: number,
    /** Every error of the answer, as sent (an operation can fail in several places). */
    readonly errors: readonly GraphQLErrorBody[],
  ) {
    super(message);
    this.name = 'PartnerApiError';
  }
}

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface PartnerClientOptions {
  /** The gateway's GraphQL endpoint, e.g. https://api.ideagora.example/graphql. */
  url: string;
  /** An organization's API key (`igk_…`), or a person's access token: sent as `Authorization: Bearer …`. */
  credential?: string;
  /** Abort a request after this long (default 30 s). */
  timeoutMs?: number;
  /** Another fetch (tests, proxies); default the global one (Node 18+). */
  fetch?: typeof fetch;
}

type Variables<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];

/**
 * A typed client of the partner API: `request(CreateChallengeDocument, { input })` answers the operation's data typed
 * from the contract, or throws a PartnerApiError carrying the contract's code and field. The documents are generated
 * from docs/partner-api/operations.graphql (`generated/`), so a call cannot name a field the contract does not have.
 */
export class PartnerClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PartnerClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The same client acting with another credential (a person's token to create a key, then the key). */
  withCredential(credential: string | undefined): PartnerClient {
    return new PartnerClient({ ...this.options, credential });
  }

  async request<TResult, TVariables>(document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string }, ...[variables]: Variables<TVariables>): Promise<TResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };
    if (this.options.credential) headers.authorization = `Bearer ${this.options.credential}`;
    const response = await this.fetchImpl(this.options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    let body: { data?: TResult | null; errors?: GraphQLErrorBody[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new PartnerApiError(`The API answered HTTP ${response.status} without a GraphQL body`, 'INTERNAL_SERVER_ERROR', undefined, response.status, []);
    }
    const errors = body.errors ?? [];
    if (errors.length > 0 || body.data == null) {
      const first = errors[0];
      throw new PartnerApiError(first?.message ?? 'The API answered no data', first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first?.extensions?.field, response.status, errors);
    }
    return body.data;
  }
}
