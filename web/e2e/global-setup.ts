// Starts what the browser tests run against, once per `playwright test`, and returns the teardown that stops it.
// Reuses a gateway already answering at IDEAGORA_GATEWAY_URL (default http://localhost:4000/graphql), otherwise
// starts `npm start` (the whole stack, embedded Postgres and the Stripe emulator included); builds web/ if needed
// (E2E_BUILD=1 rebuilds) and serves it with `next start` on a free port (E2E_WEB_PORT to choose one).
// The tests find the web client at E2E_BASE_URL and, when this setup started the stack, what `npm start` printed (the
// local mail: reset links) in the file E2E_STACK_LOG.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const WEB = join(__dirname, '..');
const ROOT = join(WEB, '..');
const LOGS = join(WEB, 'test-output', 'logs');
export const GATEWAY = process.env.IDEAGORA_GATEWAY_URL ?? 'http://localhost:4000/graphql';
const log = (line: string) => console.log(`[e2e] ${line}`);

interface Started {
  name: string;
  child: ChildProcess;
  logFile: string;
}

/** A process in its own process group (so that stopping it stops its children), its output appended to a file. */
function startProcess(name: string, cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Started {
  const logFile = join(LOGS, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  return { name, child, logFile };
}

async function stop({ name, child }: Started): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  log(`stopping ${name}`);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGINT');
  } catch {
    return; // already gone
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15000))]);
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs: number, owner?: Started): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    if (owner && owner.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const tail = owner ? `\n--- last lines of ${owner.logFile} ---\n${tailOf(owner.logFile, 60)}` : '';
  throw new Error(`timed out waiting for ${what}${owner?.child.exitCode != null ? ` (${owner.name} exited with ${owner.child.exitCode})` : ''}${tail}`);
}

export function tailOf(file: string, lines: number): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n') : '';
}

const gatewayUp = async () =>
  (await fetch(GATEWAY, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).ok;

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });

export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync(LOGS, { recursive: true });
  const started: Started[] = [];
  const teardown = async () => {
    for (const owner of started.reverse()) await stop(owner);
  };
  try {
    const port = Number(process.env.E2E_WEB_PORT ?? (await freePort()));
    const base = `http://localhost:${port}`;
    if (!(await gatewayUp().catch(() => false))) {
      log('starting the stack (npm start; it builds the web client on its first run)…');
      // The browser uploads files straight to the gateway's /files from this web client's origin: CORS must name it.
      // API keys' "last used" is reported every API_KEY_USAGE_FLUSH_MS (30 s by default): each second here, so that the
      // developer settings story sees it after a moment.
      const stack = startProcess('stack', 'npm', ['start'], ROOT, {
        ...process.env,
        CORS_ORIGINS: [process.env.CORS_ORIGINS ?? 'http://localhost:3000', base].join(','),
        API_KEY_USAGE_FLUSH_MS: process.env.API_KEY_USAGE_FLUSH_MS ?? '1000',
      });
      started.push(stack);
      // `npm start` may run `next build` first (a fresh clone): minutes on a small machine.
      await waitFor(async () => readFileSync(stack.logFile, 'utf8').includes('Ideagora is running') && (await gatewayUp()), 'the stack', 600_000, stack);
      process.env.E2E_STACK_LOG = stack.logFile;
    } else {
      log(`reusing the stack answering at ${GATEWAY} (its mail is not visible here: the password reset test is skipped; file uploads need its CORS_ORIGINS to name ${base}, or E2E_WEB_PORT=3000)`);
      delete process.env.E2E_STACK_LOG;
    }
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
    if (!existsSync(join(WEB, '.next', 'BUILD_ID')) || process.env.E2E_BUILD === '1') {
      log('building web…');
      await run('npx', ['next', 'build'], WEB, env);
    }
    const web = startProcess('web', 'npx', ['next', 'start', '--port', String(port)], WEB, { ...env, IDEAGORA_GATEWAY_URL: GATEWAY });
    started.push(web);
    await waitFor(async () => (await fetch(base)).ok, 'next start', 60_000, web);
    process.env.E2E_BASE_URL = base;
    process.env.E2E_WEB_LOG = web.logFile;
    log(`web at ${base}; logs in ${LOGS}`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
