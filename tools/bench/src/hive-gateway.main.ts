/**
 * The peer gateway for the comparison: Hive Gateway's runtime (@graphql-hive/gateway) over the SAME supergraph and
 * subgraphs, doing the same per-request work as Ideagora's gateway: verify the bearer token, sign one identity per
 * subgraph (audience = subgraph), never forward the client's identity headers. Launched by the benchmark only.
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { IDENTITY_HEADER, signIdentity, verifyUserToken, type Identity } from '@ideagora/auth';
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const port = Number(env('PORT'));
const tokenSecret = env('AUTH_TOKEN_SECRET');
const identitySecret = env('GATEWAY_IDENTITY_SECRET');
const subgraphUrls: Record<string, string> = {
  solvers: env('SOLVERS_URL'),
  challenges: env('CHALLENGES_URL'),
  submissions: env('SUBMISSIONS_URL'),
  payouts: env('PAYOUTS_URL'),
};

// The committed supergraph names placeholder hosts; point each subgraph at the benchmark's processes.
const supergraph = readFileSync(join(__dirname, '..', '..', '..', 'gateway', 'supergraph.graphql'), 'utf8').replace(
  /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
  (_match, name: string) => `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")`,
);

/** As many processes as Ideagora's gateway gets (GATEWAY_WORKERS), sharing the port through Node's cluster. */
const workers = Number(process.env.GATEWAY_WORKERS ?? '1');
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i += 1) cluster.fork();
  const stopAll = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGTERM', stopAll);
  process.once('SIGINT', stopAll);
} else {
  serve();
}

function serve(): void {
  // One verification per client request and one signature per subgraph, as in Ideagora's gateway.
  const viewers = new WeakMap<Request, Promise<Identity>>();
  const signatures = new WeakMap<Request, Map<string, Promise<string>>>();
  async function viewerOf(request: Request): Promise<Identity> {
    let viewer = viewers.get(request);
    if (!viewer) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      viewer = match ? verifyUserToken(match[1], tokenSecret).then(({ userId }) => ({ userId, scopes: ['user'] })) : Promise.resolve({ userId: null, scopes: [] });
      viewers.set(request, viewer);
    }
    return viewer;
  }

  const gateway = createGatewayRuntime({
    supergraph,
    logging: 'error',
    landingPage: false,
    graphqlEndpoint: '/graphql',
    // Unmasked, so the report says what failed (Q3 in BENCHMARKS).
    maskedErrors: false,
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request, subgraphName }) => {
        let perSubgraph = signatures.get(request);
        if (!perSubgraph) signatures.set(request, (perSubgraph = new Map()));
        let token = perSubgraph.get(subgraphName);
        if (!token) {
          token = viewerOf(request).then((viewer) => signIdentity(viewer, subgraphName, identitySecret, 60));
          perSubgraph.set(subgraphName, token);
        }
        return { [IDENTITY_HEADER]: await token };
      },
    },
  });

  const server = createServer(gateway);
  server.keepAliveTimeout = 65_000;
  server.listen(port, '127.0.0.1', () => {
    console.log(JSON.stringify({ level: 30, msg: 'listening', url: `http://127.0.0.1:${port}/graphql` }));
  });
  const stop = () => {
    server.close();
    void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
