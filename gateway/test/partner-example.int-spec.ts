import { startStack, type Stack } from '@ideagora/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The partner example (docs/partner-api/example.ts) run as a partner runs it, a separate process with the typed client,
 * against the started stack: a person makes the key; with it, a webhook receiver, a challenge created, funded in the
 * Stripe emulator and published; a solver submits; the receiver gets submission.created and verifies its signature.
 */
describe('the partner example integration (docs/partner-api/example.ts)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({});
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('runs against the started stack and receives the verified webhook of a new submission', async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', join('docs', 'partner-api', 'example.ts')], {
        cwd: ROOT,
        env: { ...process.env, IDEAGORA_API_URL: stack.gatewayUrl, STRIPE_API_URL: stack.stripeEmulatorUrl, WAIT_FOR_WEBHOOK_MS: '30000' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (exitCode) => resolve({ code: exitCode, output }));
    });
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('OK: the webhook of a new submission arrived and its signature verified') });
    expect(output).toMatch(/webhook received: submission\.created/);
  }, 120_000);
});
