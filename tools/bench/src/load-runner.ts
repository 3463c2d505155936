import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  durationSeconds: number;
  /** Send exactly this many requests (mutations that must not repeat). */
  amount?: number;
  /** A fresh body (and headers) for every request: variables vary per request. */
  nextRequest: () => { body: string; headers: Record<string, string> };
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Transport errors, timeouts and non-2xx responses. */
  failures: number;
  /** 200 responses that carry GraphQL errors. */
  graphqlErrors: number;
  firstError?: string;
}

/** One autocannon run: no pipelining (one request in flight per connection), keep-alive connections. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    pipelining: 1,
    timeout: 30,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.durationSeconds }),
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const next = spec.nextRequest();
          return { ...request, method: 'POST', body: next.body, headers: { 'content-type': 'application/json', ...next.headers } };
        },
        onResponse: (status, body) => {
          // A cheap check on every response: GraphQL reports failures in a 200 body.
          if (status === 200 && body.includes('"errors"')) {
            graphqlErrors += 1;
            firstError ??= body.slice(0, 500);
          } else if (status !== 200) {
            firstError ??= `HTTP ${status}: ${body.slice(0, 500)}`;
          }
        },
      },
    ],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const requests = result.requests.total;
  return {
    requests,
    seconds: Math.round(seconds * 100) / 100,
    rps: Math.round((requests / Math.max(seconds, 0.001)) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    graphqlErrors,
    firstError,
  };
}
