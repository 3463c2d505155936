/**
 * `npm start`: the whole marketplace on one machine. Embedded Postgres (unless DATABASE_URL), the four subgraphs,
 * the gateway at http://localhost:4000/graphql, demo data on first run. Ctrl-C stops everything cleanly.
 */
import { loadConfig, LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET, LOCAL_STRIPE_WEBHOOK_SECRET, payoutsSchema, stripeSettings } from '@ideagora/config';
import Stripe from 'stripe';
import { resolveDatabase } from '@ideagora/db';
import { startStripeEmulator } from '@ideagora/stripe-emulator';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoData } from './seed-demo';
import { Supervisor, type Started } from './supervisor';

const ROOT = join(__dirname, '..', '..');
const DATA_DIR = process.env.DATA_DIR ?? join(ROOT, '.data');
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 4000);
const WEB_PORT = Number(process.env.WEB_PORT ?? 3000);
const SUBGRAPH_PORTS = { solvers: 4001, challenges: 4002, submissions: 4003, payouts: 4004 } as const;
let stopping = false;
let stopDatabase: (() => Promise<void>) | undefined;
let stopEmulator: (() => Promise<void>) | undefined;
// A service that stops once running is restarted (5 times in 60 s at most; then everything stops, saying why).
const supervisor = new Supervisor({
  log: (line) => console.error(line),
  onGiveUp: (_name, reason) => {
    console.error(`${reason}: giving up, shutting down`);
    void shutdown(1);
  },
});

/** One service process, ready when it logs "listening" (its URL); what it logs at warn and above goes to stderr. */
function launch(name: string, entry: string, env: Record<string, string>): Started<string> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: ROOT,
    env: { NODE_ENV: 'development', ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    let buffered = '';
    let listening = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!listening && line.includes('"msg":"listening"')) {
          listening = true;
          resolve((JSON.parse(line) as { url: string }).url);
        } else if (/"level":(40|50|60)/.test(line)) {
          process.stderr.write(`[${name}] ${line}\n`);
        } else if (line.includes('"msg":"mail (log transport: not sent)"')) {
          // No SMTP_URL locally: mail (a password reset link) is shown where the developer looks.
          const mail = JSON.parse(line) as { to: string; subject: string; body: string };
          process.stdout.write(`\n[${name}] mail to ${mail.to}: ${mail.subject}\n${mail.body}\n\n`);
        }
      }
    });
    child.once('exit', (code, signal) => {
      if (!listening) reject(new Error(`${name} exited (${signal ?? `code ${code}`}) during start-up`));
    });
  });
  return { child, ready };
}

async function shutdown(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Ideagora…');
  await supervisor.stop();
  await stopEmulator?.();
  await stopDatabase?.();
  console.log('Stopped.');
  process.exit(code);
}

async function run(): Promise<void> {
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  const database = await resolveDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: DATA_DIR,
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    log: (line) => console.log(line),
  });
  stopDatabase = database.embedded?.stop;
  const env: Record<string, string> = { DATABASE_URL: database.url, DATA_DIR };

  // No Stripe key: the local Stripe emulator, with its state kept under DATA_DIR.
  const emulator = process.env.STRIPE_SECRET_KEY
    ? undefined
    : await startStripeEmulator({ port: Number(process.env.STRIPE_EMULATOR_PORT ?? 12111), dataDir: join(DATA_DIR, 'stripe-emulator') });
  if (emulator) {
    stopEmulator = () => emulator.close();
    env.STRIPE_API_URL = emulator.url;
  }

  // Entries' files: their signed URLs lead to the gateway's /files (a fixed port, known before the gateway starts),
  // which carries the bytes to submissions.
  const filesPublicUrl = process.env.FILES_PUBLIC_URL ?? `http://localhost:${GATEWAY_PORT}/files`;
  // solvers first: it creates the event bus schema, the others then start together.
  const urls: Record<string, string> = {};
  // (the payouts webhook endpoint is registered with the emulator once payouts listens)
  urls.solvers = await supervisor.run('solvers', () => launch('solvers', 'services/solvers/src/main.ts', { ...env, PORT: String(SUBGRAPH_PORTS.solvers) }));
  await Promise.all(
    (['challenges', 'submissions', 'payouts'] as const).map(async (name) => {
      const own: Record<string, string> = name === 'submissions' ? { FILES_PUBLIC_URL: filesPublicUrl } : {};
      urls[name] = await supervisor.run(name, () => launch(name, `services/${name}/src/main.ts`, { ...env, ...own, PORT: String(SUBGRAPH_PORTS[name]) }));
    }),
  );
  // As on Stripe: an account endpoint and a Connect endpoint, each with its own secret.
  emulator?.addWebhookEndpoint(urls.payouts.replace(/\/graphql$/, '/webhooks/stripe'), LOCAL_STRIPE_WEBHOOK_SECRET, false);
  emulator?.addWebhookEndpoint(urls.payouts.replace(/\/graphql$/, '/webhooks/stripe'), LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET, true);
  const gatewayEnv = {
    ...env,
    PORT: String(GATEWAY_PORT),
    HOST: process.env.HOST ?? '127.0.0.1',
    // The web client runs on this machine and passes on its visitors' addresses (per-address limits).
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? 'loopback',
    SOLVERS_URL: urls.solvers,
    CHALLENGES_URL: urls.challenges,
    SUBMISSIONS_URL: urls.submissions,
    PAYOUTS_URL: urls.payouts,
    // The browser PUTs files straight to /files from the web client's origin (WEB_PORT), so CORS must name it.
    CORS_ORIGINS: process.env.CORS_ORIGINS ?? `http://localhost:${WEB_PORT}`,
  };
  const gatewayUrl = await supervisor.run('gateway', () => launch('gateway', 'gateway/src/main.ts', gatewayEnv));
  const publicUrl = gatewayUrl.replace('127.0.0.1', 'localhost');

  const webUrl = await startWeb(publicUrl, env.STRIPE_API_URL);
  const settings = stripeSettings(loadConfig(payoutsSchema, { ...process.env, ...env }));
  const seeded = await seedDemoData(publicUrl, new Stripe(settings.secretKey, { ...(settings.api ?? {}), maxNetworkRetries: 2 }), settings.emulated);
  console.log(`
Ideagora is running.
  Web client        ${webUrl}
  GraphQL gateway   ${publicUrl}
  Database          ${database.embedded ? `embedded Postgres in ${database.embedded.dataDir}` : 'DATABASE_URL'}
  Stripe            ${emulator ? `local emulator ${emulator.url} (test cards: pm_card_visa, pm_card_chargeDeclined)` : 'api.stripe.com (STRIPE_SECRET_KEY)'}
  Subgraphs         ${Object.entries(urls).map(([n, u]) => `${n} ${u}`).join('\n                    ')}
${seeded.created ? 'Demo data created.' : 'Demo data already present.'}
Demo logins (password: ${seeded.password}):
${seeded.logins.map((l) => `  ${l.email.padEnd(32)} ${l.role}`).join('\n')}

Press Ctrl-C to stop.`);
}

/** The Next.js web client: built once (first run, or WEB_BUILD=1), then served by `next start`. */
async function startWeb(gatewayUrl: string, stripeApiUrl: string | undefined): Promise<string> {
  const web = join(ROOT, 'web');
  const port = WEB_PORT;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', IDEAGORA_GATEWAY_URL: gatewayUrl, ...(stripeApiUrl ? { STRIPE_API_URL: stripeApiUrl } : {}) };
  const nextBin = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (!existsSync(join(web, '.next', 'BUILD_ID')) || process.env.WEB_BUILD === '1') {
    console.log('Building the web client (first run only, about a minute)…');
    await new Promise<void>((resolve, reject) => {
      const build = spawn(process.execPath, [nextBin, 'build'], { cwd: web, env, stdio: ['ignore', 'ignore', 'inherit'] });
      build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`))));
    });
  }
  await supervisor.run('web', () => {
    const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', process.env.HOST ?? '127.0.0.1'], { cwd: web, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const ready = new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready|started server|Local:/i.test(output)) resolve();
      });
      child.once('exit', (code, signal) => reject(new Error(`the web client exited (${signal ?? `code ${code}`})`)));
    });
    return { child, ready };
  });
  return `http://localhost:${port}`;
}

run().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
