import { LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET, LOCAL_STRIPE_SECRET_KEY, LOCAL_STRIPE_WEBHOOK_SECRET } from '@ideagora/config';
import { startSmtpSink } from '@ideagora/testing';
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from '@ideagora/db';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ProcessGroup } from './process-metrics';

export const ROOT = join(__dirname, '..', '..', '..');
export const LOG_DIR = process.env.BENCH_LOG_DIR ?? join(ROOT, 'tmp', 'bench', 'logs');
export const SUBGRAPHS = ['solvers', 'challenges', 'submissions', 'payouts'] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];

/** Secrets of the benchmark's own processes (local only), so it can sign tokens and identities itself. */
export const BENCH_SECRETS = {
  AUTH_TOKEN_SECRET: 'bench-auth-token-secret-0123456789-abcdefghij',
  GATEWAY_IDENTITY_SECRET: 'bench-gateway-identity-secret-0123456789-abcd',
  FILES_SIGNING_SECRET: 'bench-files-signing-secret-0123456789-abcdefgh',
  // Partner webhooks' signing secrets at rest (challenges): production wants 32 bytes of its own, not the default.
  WEBHOOK_SECRETS_KEY: 'be'.repeat(32),
};

/**
 * The public address of the gateway's `/files` (submissions' FILES_PUBLIC_URL). Production refuses anything but a
 * public https:// address there (the URLs reach browsers), so the bench names one, as a deployment's TLS terminator
 * would, and the load generator sends what is addressed to it to the gateway (`toGateway`): the same path, token
 * and proxy as in production, without the TLS hop.
 */
export const FILES_PUBLIC_ORIGIN = 'https://files.bench.ideagora.invalid';

/** Submissions' stored files (DATA_DIR/objects), kept beside the cluster: F2 writes ~5 MB per upload. */
export const FILES_DATA_DIR = join(process.env.BENCH_DATA_DIR ?? '/var/tmp/ideagora-bench', 'files');

/** Ports away from `npm start`'s (4000–4004, 54329, 12111), so both can run side by side. */
export const PORTS = { gateway: 4100, solvers: 4101, challenges: 4102, submissions: 4103, payouts: 4104, hive: 4105, stripe: 12121, postgres: 54339 };

export interface Launched {
  name: string;
  child: ChildProcess;
  url: string;
}

/** Starts `node -r @swc-node/register <entry>` and resolves once it logs that it listens. */
export function launch(name: string, entry: string, env: Record<string, string>, ready: RegExp = /"msg":"listening"/): Promise<Launched> {
  return new Promise((resolve, reject) => {
    // BENCH_CPU_PROFILE_DIR: each process writes a V8 CPU profile there when it stops (to find hot spots).
    const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
    const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', entry], {
      cwd: ROOT,
      // Production mode, as deployed (graphql-js and Express skip their development checks); explicit secrets.
      // LOG_LEVEL info: start-up and shutdown lines only, nothing is logged per request.
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...BENCH_SECRETS, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let settled = false;
    // Every process's output is kept for the post-mortem of a failed point (production errors are masked).
    mkdirSync(LOG_DIR, { recursive: true });
    const logFile = createWriteStream(join(LOG_DIR, `${name}.log`));
    child.stdout?.pipe(logFile, { end: false });
    child.stderr?.pipe(logFile, { end: false });
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (!settled && ready.test(output)) {
        settled = true;
        const url = /"url":"([^"]+)"/.exec(output)?.[1] ?? '';
        resolve({ name, child, url });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`${name} exited with code ${code} during start-up:\n${output}`));
    });
  });
}

export async function stopProcess(launched: Launched | undefined): Promise<void> {
  if (!launched || launched.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => launched.child.kill('SIGKILL'), 10_000);
    launched.child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    launched.child.kill('SIGTERM');
  });
}

export interface BenchDatabase {
  url: string;
  postgres?: RunningPostgres;
  stop(): Promise<void>;
}

/**
 * The benchmark's Postgres: DATABASE_URL's server when given, else an embedded cluster kept under BENCH_DATA_DIR
 * (default /var/tmp/ideagora-bench) between runs, so a generated data set is reused. pg_stat_statements is loaded.
 */
export async function startBenchDatabase(databaseName: string, log: (line: string) => void): Promise<BenchDatabase> {
  if (process.env.BENCH_DATABASE_ADMIN_URL) {
    const url = await ensureDatabase(process.env.BENCH_DATABASE_ADMIN_URL, databaseName);
    return { url, stop: async () => undefined };
  }
  const dataDir = join(process.env.BENCH_DATA_DIR ?? '/var/tmp/ideagora-bench', 'postgres');
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: PORTS.postgres,
    settings: {
      shared_preload_libraries: 'pg_stat_statements',
      'pg_stat_statements.max': '10000',
      max_connections: '300',
      shared_buffers: process.env.BENCH_SHARED_BUFFERS ?? '2GB',
      effective_cache_size: '8GB',
      work_mem: '16MB',
      maintenance_work_mem: '512MB',
      max_wal_size: '8GB',
      checkpoint_timeout: '30min',
    },
  });
  log(`Postgres ${postgres.adminUrl.replace(/:[^:@/]+@/, ':***@')} (cluster in ${dataDir})`);
  const url = await ensureDatabase(postgres.adminUrl, databaseName);
  return { url, postgres, stop: () => postgres.stop() };
}

export async function dropDatabase(adminUrl: string, databaseName: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${databaseName}" with (force)`);
    await client.query(`create database "${databaseName}"`);
  } finally {
    await client.end();
  }
}

export interface RunningStack {
  databaseUrl: string;
  subgraphUrls: Record<Subgraph, string>;
  gatewayUrl: string;
  hiveUrl?: string;
  stripeUrl: string;
  processes: Launched[];
  groups(): ProcessGroup[];
  stop(): Promise<void>;
}

/** The four subgraphs, the Stripe emulator, Ideagora's gateway and (optionally) Hive Gateway, on fixed ports. */
export async function startBenchStack(databaseUrl: string, postgres: RunningPostgres | undefined, options: { hive: boolean }): Promise<RunningStack> {
  const processes: Launched[] = [];
  // solvers in production mode sends mail (M2's winners) over SMTP and links to a public https address.
  const smtp = await startSmtpSink();
  const stop = async () => {
    for (const launched of [...processes].reverse()) await stopProcess(launched);
    await smtp.close();
  };
  try {
    const stripeUrl = `http://127.0.0.1:${PORTS.stripe}`;
    // Stripe as in production (a key and a webhook secret), the API at the emulator's address.
    const common = {
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      STRIPE_SECRET_KEY: LOCAL_STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE_WEBHOOK_SECRET,
      STRIPE_CONNECT_WEBHOOK_SECRET: LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET,
      STRIPE_API_URL: stripeUrl,
      PAYOUT_POLL_MS: '200',
      SETTLEMENT_POLL_MS: '1000',
      // The generated fundings are not known to the emulator: reconciling them would only report drifts.
      RECONCILIATION_INTERVAL_MS: '0',
    };
    const payoutsUrl = `http://127.0.0.1:${PORTS.payouts}`;
    processes.push(
      await launch('stripe', 'libs/stripe-emulator/src/main.ts', {
        STRIPE_EMULATOR_PORT: String(PORTS.stripe),
        STRIPE_WEBHOOK_URL: `${payoutsUrl}/webhooks/stripe`,
        STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE_WEBHOOK_SECRET,
        STRIPE_CONNECT_WEBHOOK_SECRET: LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET,
      }, /listening on/),
    );
    // solvers first: it creates the event bus schema; then the others together.
    processes.push(await launch('solvers', 'services/solvers/src/main.ts', { ...common, PORT: String(PORTS.solvers), SMTP_URL: smtp.url, WEB_BASE_URL: 'https://bench.ideagora.invalid' }));
    processes.push(
      ...(await Promise.all(
        (['challenges', 'submissions', 'payouts'] as const).map((name) =>
          launch(name, `services/${name}/src/main.ts`, {
            ...common,
            PORT: String(PORTS[name]),
            // File URLs lead to the gateway's /files (FILES_PUBLIC_ORIGIN), which proxies them back to submissions.
            ...(name === 'submissions' ? { FILES_PUBLIC_URL: `${FILES_PUBLIC_ORIGIN}/files`, DATA_DIR: FILES_DATA_DIR } : {}),
          }),
        ),
      )),
    );
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${PORTS[name]}/graphql`])) as Record<Subgraph, string>;
    const routing = { SOLVERS_URL: subgraphUrls.solvers, CHALLENGES_URL: subgraphUrls.challenges, SUBMISSIONS_URL: subgraphUrls.submissions, PAYOUTS_URL: subgraphUrls.payouts };
    // BENCH_GATEWAY_WORKERS: processes per gateway (both gateways get the same number).
    const gatewayWorkers = process.env.BENCH_GATEWAY_WORKERS ?? '1';
    // The benchmark is many people from one address: rate limits scaled out of the way (counters still kept).
    const gateway = await launch('gateway', 'gateway/src/main.ts', {
      ...routing,
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_SCALE: '1000000',
      PORT: String(PORTS.gateway),
      HOST: '127.0.0.1',
      GATEWAY_WORKERS: gatewayWorkers,
    });
    processes.push(gateway);
    let hiveUrl: string | undefined;
    if (options.hive) {
      const hive = await launch('hive-gateway', 'tools/bench/src/hive-gateway.main.ts', { ...routing, PORT: String(PORTS.hive), GATEWAY_WORKERS: gatewayWorkers });
      processes.push(hive);
      hiveUrl = hive.url;
    }
    const postmasterPid = postgres ? Number(readFileSync(join(postgres.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) : undefined;
    return {
      databaseUrl,
      subgraphUrls,
      gatewayUrl: gateway.url,
      hiveUrl,
      stripeUrl,
      processes,
      groups: () => [
        ...processes.map((p) => ({ name: p.name, pids: p.child.pid ? [p.child.pid] : [] })),
        ...(postmasterPid ? [{ name: 'postgres', pids: [postmasterPid] }] : []),
        { name: 'load-generator', pids: [process.pid], descendants: false },
      ],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
