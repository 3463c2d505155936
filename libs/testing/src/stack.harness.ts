import { LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET, LOCAL_STRIPE_SECRET_KEY, LOCAL_STRIPE_WEBHOOK_SECRET } from '@ideagora/config';
import { stopEventPublishers } from '@ideagora/events';
import { startStripeEmulator } from '@ideagora/stripe-emulator';
import Stripe from 'stripe';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './test-database';
import { GraphQLTestClient } from './graphql.client';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
export const SUBGRAPHS = ['solvers', 'challenges', 'submissions', 'payouts'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/** Secrets the harness gives every process, so tests can forge (and prove refused) what an attacker would. */
export const TEST_SECRETS = {
  AUTH_TOKEN_SECRET: 'test-auth-token-secret-0123456789-abcdefghij',
  GATEWAY_IDENTITY_SECRET: 'test-gateway-identity-secret-0123456789-abcdef',
};

interface ProcessHandle {
  name: string;
  child: ChildProcess;
  url: string;
  output: string[];
}

export interface Stack {
  databaseUrl: string;
  /** Every process's DATA_DIR (a temporary directory): stored files are under `objects/`. */
  dataDir: string;
  /** The local Stripe emulator the payouts subgraph talks to, and a real `stripe` SDK client for it. */
  stripe: Stripe;
  stripeEmulatorUrl: string;
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  client: GraphQLTestClient;
  /** Kills a subgraph at once (SIGKILL: a crash, no clean shutdown) and starts it again on the same port. */
  crashAndRestart(name: SubgraphName): Promise<void>;
  /** A second gateway over the same subgraphs, e.g. with NODE_ENV=production; stopped with the stack. */
  startAnotherGateway(env: Record<string, string>): Promise<string>;
  /** Stops (SIGTERM: a clean shutdown) a gateway `startAnotherGateway` started, by its URL. */
  stopAnotherGateway(url: string): Promise<void>;
  /**
   * Another process of a subgraph on the same database (its queues and consumers share the work with the first), e.g.
   * with NODE_ENV=production; reach it with requestSubgraph's `url`. Stopped by `stop()`, or with the stack.
   */
  startAnotherSubgraph(name: SubgraphName, env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }>;
  /** Everything the processes logged (for debugging a failing test). */
  logs(): string;
  stop(): Promise<void>;
}

function startProcess(name: string, entry: string, env: Record<string, string>): Promise<ProcessHandle> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    let buffered = '';
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      reject(new Error(`${name} did not start: ${reason}\n${output.join('\n')}`));
    };
    const timer = setTimeout(() => fail('timeout after 60 s'), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        if (output.length > 2000) output.shift();
        if (!settled && line.includes('"msg":"listening"')) {
          const url = (JSON.parse(line) as { url: string }).url;
          settled = true;
          clearTimeout(timer);
          resolve({ name, child, url, output });
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(`exited with code ${code}`);
    });
  });
}

async function stopProcess(handle: ProcessHandle): Promise<void> {
  // Exited on its own, or ended by a signal (its exit code then stays null): nothing to wait for.
  if (handle.child.exitCode !== null || handle.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => handle.child.kill('SIGKILL'), 10_000);
    handle.child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    handle.child.kill('SIGTERM');
  });
}

/**
 * A port free now on 127.0.0.1 (listened on, then closed), for a process whose address another must know before it
 * starts: the gateway's, which submissions puts into its file URLs (FILES_PUBLIC_URL) and starts earlier.
 */
export function reserveFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Ports handed out for listening on port 0 (Linux's default ephemeral range), which a reserved port must avoid. */
const EPHEMERAL_PORTS = { first: 32768, last: 60999 };
/** Where reservePort looks: below the ephemeral range, so no process listening on port 0 can be given it meanwhile. */
const RESERVED_PORTS = { first: 20000, last: EPHEMERAL_PORTS.first - 1 };

/**
 * A port held for a process that starts later, whose address others must know first (the gateway's: submissions puts
 * it into its file URLs and starts earlier). reserveFreePort's port, closed at once, could be handed to any process
 * listening on port 0 in the seconds before the gateway binds it (CI failed on EADDRINUSE so, with parallel suites);
 * this one is outside the ephemeral range and stays held until `release()`, called just before the gateway starts.
 */
export async function reservePort(): Promise<{ port: number; release: () => Promise<void> }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = RESERVED_PORTS.first + Math.floor(Math.random() * (RESERVED_PORTS.last - RESERVED_PORTS.first + 1));
    const server = createServer();
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) return { port, release: () => new Promise((resolve) => server.close(() => resolve())) };
  }
  throw new Error(`no free port between ${RESERVED_PORTS.first} and ${RESERVED_PORTS.last} after 50 tries`);
}

/** Boots the four subgraphs and the gateway as real processes on free ports, on a fresh database. */
export async function startStack(options: { env?: Record<string, string> } = {}): Promise<Stack> {
  const databaseUrl = await createTestDatabase();
  const emulator = await startStripeEmulator({ port: 0, webhookRetryBaseMs: 100 });
  const emulatorAddress = new URL(emulator.url);
  // Files the stack stores (submissions' attachments under DATA_DIR/objects): a directory of its own, removed at stop.
  const dataDir = mkdtempSync(join(tmpdir(), 'ideagora-stack-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  const common = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    OUTBOX_POLL_MS: '200',
    STRIPE_API_URL: emulator.url,
    ...TEST_SECRETS,
    ...options.env,
  };
  // The gateway's port is chosen first: submissions' file URLs lead to the gateway's /files, which proxies them back.
  const gatewayReservation = await reservePort();
  const gatewayPort = gatewayReservation.port;
  const subgraphEnv = (name: SubgraphName) =>
    name === 'submissions' ? { FILES_PUBLIC_URL: `http://127.0.0.1:${gatewayPort}/files`, ...common } : common;
  const handles: ProcessHandle[] = [];
  try {
    // Sequential first boot of the event-bus schema is avoided by letting solvers create it, then the rest in parallel.
    handles.push(await startProcess('solvers', 'services/solvers/src/main.ts', common));
    handles.push(
      ...(await Promise.all(
        SUBGRAPHS.filter((n) => n !== 'solvers').map((name) => startProcess(name, `services/${name}/src/main.ts`, subgraphEnv(name))),
      )),
    );
    const subgraphUrls = Object.fromEntries(handles.map((h) => [h.name, h.url])) as Record<SubgraphName, string>;
    // As on Stripe: an account endpoint and a Connect endpoint, each with its own secret (both to the one route).
    const webhookUrl = subgraphUrls.payouts.replace(/\/graphql$/, '/webhooks/stripe');
    emulator.addWebhookEndpoint(webhookUrl, LOCAL_STRIPE_WEBHOOK_SECRET, false);
    emulator.addWebhookEndpoint(webhookUrl, LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET, true);
    const gatewayEnv = {
      ...common,
      // Tests sign up many people from one address: the limits scaled up (rate-limits.int-spec.ts starts gateways
      // with the real values), and X-Forwarded-For believed from loopback, so a test can speak for another address.
      RATE_LIMIT_SCALE: '1000',
      TRUSTED_PROXIES: 'loopback',
      SOLVERS_URL: subgraphUrls.solvers,
      CHALLENGES_URL: subgraphUrls.challenges,
      SUBMISSIONS_URL: subgraphUrls.submissions,
      PAYOUTS_URL: subgraphUrls.payouts,
    };
    await gatewayReservation.release();
    const gateway = await startProcess('gateway', 'gateway/src/main.ts', { ...gatewayEnv, PORT: String(gatewayPort) });
    handles.push(gateway);
    const stripe = new Stripe(LOCAL_STRIPE_SECRET_KEY, {
      host: emulatorAddress.hostname,
      port: Number(emulatorAddress.port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    return {
      crashAndRestart: async (name) => {
        const index = handles.findIndex((h) => h.name === name);
        const old = handles[index];
        await new Promise<void>((resolve) => {
          old.child.once('exit', () => resolve());
          old.child.kill('SIGKILL');
        });
        const port = new URL(old.url).port;
        handles[index] = await startProcess(name, `services/${name}/src/main.ts`, { ...subgraphEnv(name), PORT: port });
      },
      stripe,
      stripeEmulatorUrl: emulator.url,
      startAnotherGateway: async (env) => {
        const extra = await startProcess('gateway-extra', 'gateway/src/main.ts', { ...gatewayEnv, ...env });
        handles.push(extra);
        return extra.url;
      },
      stopAnotherGateway: async (url) => {
        const extra = handles.find((h) => h.name === 'gateway-extra' && h.url === url);
        if (!extra) throw new Error(`no gateway started by startAnotherGateway at ${url}`);
        await stopProcess(extra);
      },
      startAnotherSubgraph: async (name, env) => {
        const extra = await startProcess(`${name}-extra`, `services/${name}/src/main.ts`, { ...subgraphEnv(name), ...env });
        handles.push(extra);
        return { url: extra.url, stop: () => stopProcess(extra) };
      },
      databaseUrl,
      dataDir,
      gatewayUrl: gateway.url,
      subgraphUrls,
      client: new GraphQLTestClient(gateway.url),
      logs: () => handles.map((h) => `--- ${h.name}\n${h.output.join('\n')}`).join('\n'),
      stop: async () => {
        await stopEventPublishers();
        await Promise.all(handles.map(stopProcess));
        await emulator.close();
        removeDataDir();
      },
    };
  } catch (error) {
    await gatewayReservation.release(); // no-op when already released
    await Promise.all(handles.map(stopProcess));
    await emulator.close();
    removeDataDir();
    throw error;
  }
}

/** SQL statements each subgraph has issued while serving GraphQL requests so far (from /internal/metrics). */
export async function sqlStatementCounts(stack: Stack): Promise<Record<SubgraphName, number>> {
  const { IDENTITY_HEADER, OPS_SCOPE, signIdentity } = await import('@ideagora/auth');
  const entries = await Promise.all(
    SUBGRAPHS.map(async (name) => {
      // Metrics answer an operator's identity only (the ops scope, signed for that subgraph).
      const identity = await signIdentity({ userId: null, scopes: [OPS_SCOPE] }, name, TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
      const response = await fetch(stack.subgraphUrls[name].replace(/\/graphql$/, '/internal/metrics'), { headers: { [IDENTITY_HEADER]: identity } });
      const text = await response.text();
      const match = /sql_statements_in_requests_total\{[^}]*\} (\d+)/.exec(text);
      return [name, Number(match?.[1] ?? NaN)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<SubgraphName, number>;
}

/**
 * Sends a request straight to a subgraph, bypassing the gateway, signed as the gateway would sign it for `userId`
 * (or with a given raw identity header, or none): how tests play an attacker who reached the internal network.
 */
export async function requestSubgraph(
  stack: Stack,
  subgraph: SubgraphName,
  query: string,
  variables: Record<string, unknown>,
  userId: string | null,
  options: { identityHeader?: string | null; audience?: string; secret?: string; url?: string } = {},
): Promise<{ status: number; body: any }> {
  const { IDENTITY_HEADER, signIdentity } = await import('@ideagora/auth');
  const header =
    options.identityHeader !== undefined
      ? options.identityHeader
      : await signIdentity({ userId, scopes: userId ? ['user'] : [] }, options.audience ?? subgraph, options.secret ?? TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
  const response = await fetch(options.url ?? stack.subgraphUrls[subgraph], {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header ? { [IDENTITY_HEADER]: header } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}
