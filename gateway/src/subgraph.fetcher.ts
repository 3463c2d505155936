import { GraphQLError } from 'graphql';
import { Agent, request } from 'node:http';

/**
 * The gateway's HTTP client for subgraph calls: Node's http with a keep-alive pool, returning just what Apollo's
 * RemoteGraphQLDataSource reads from a response (ok, status, headers.get, json, text).
 *
 * Why not fetch: under load the default client (make-fetch-happen) captured a stack trace per request, and Node's
 * fetch (undici, WHATWG streams) cost about a sixth of the gateway's CPU on the browse benchmark (tools/bench).
 * Subgraphs are internal plain-HTTP services, so none of a browser-grade client's features are needed.
 */
// Idle sockets are closed after 30 s, well before the subgraphs' 65 s keep-alive timeout.
const agent = new Agent({ keepAlive: true, maxSockets: 128, keepAliveMsecs: 30_000, timeout: 30_000 });

export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** Bounds of one subgraph fetch: a deadline (connect to last byte) and the largest response accepted. */
export interface FetchLimits {
  timeoutMs: number;
  maxResponseBytes: number;
}

/**
 * Set by the data source on the fetches of a mutation operation (their longer deadline, in ms); read and removed
 * here, never sent.
 */
export const FETCH_TIMEOUT_HEADER = 'x-ideagora-fetch-timeout-ms';

const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxResponseBytes: 4 * 1024 * 1024 };

type FetchInit = { method?: string; headers?: Record<string, string>; body?: string };

export function fetchSubgraph(url: string, init: FetchInit, defaultLimits: FetchLimits = DEFAULT_LIMITS): Promise<SubgraphResponse> {
  let limits = defaultLimits;
  const timeout = init.headers?.[FETCH_TIMEOUT_HEADER];
  if (timeout !== undefined) {
    const { [FETCH_TIMEOUT_HEADER]: _, ...headers } = init.headers as Record<string, string>;
    init = { ...init, headers };
    limits = { ...limits, timeoutMs: Number(timeout) };
  }
  return send(url, init, limits).catch((error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
    // A pooled socket the subgraph closed while idle fails before the request reached it: Node's documented case
    // for one retry (the subgraph never saw the request, so even a mutation is safe to send again).
    if (error.reusedSocket && error.code === 'ECONNRESET') return send(url, init, limits);
    throw error;
  });
}

// What the client sees: the contract's code and no subgraph name, URL or status.
const timedOut = (ms: number) => new GraphQLError(`A service did not answer within ${ms} ms`, { extensions: { code: 'TIMEOUT' } });
const tooLarge = (bytes: number) => new GraphQLError(`Response size exceeds the limit of ${bytes} bytes`, { extensions: { code: 'QUERY_TOO_COMPLEX' } });

function send(url: string, init: FetchInit, limits: FetchLimits): Promise<SubgraphResponse> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const req = request(url, { method: init.method ?? 'POST', agent, headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxResponseBytes) req.destroy(tooLarge(limits.maxResponseBytes));
        else chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(deadline);
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          statusText: res.statusMessage ?? '',
          url,
          headers: {
            get: (name) => {
              const value = res.headers[name.toLowerCase()];
              return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
            },
          },
          text: async () => text,
          json: async () => JSON.parse(text) as unknown,
        });
      });
    });
    // Destroying the request closes its socket (the subgraph's work for it is then stopped by its own deadline).
    const deadline = setTimeout(() => req.destroy(timedOut(limits.timeoutMs)), limits.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
      clearTimeout(deadline);
      error.reusedSocket = req.reusedSocket;
      reject(error);
    });
    req.end(body);
  });
}
