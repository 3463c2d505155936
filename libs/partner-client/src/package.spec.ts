import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE_DIR = join(__dirname, '..');

/**
 * What a partner installs: `npm pack` builds the package (prepack compiles to dist/), and in a folder of its own,
 * outside this repository, both entry points load with plain Node (no TypeScript, no workspace aliases) and the
 * receivers' check verifies what the signer signed.
 */
describe('the partner client package', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'partner-client-'));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(join(PACKAGE_DIR, 'dist'), { recursive: true, force: true });
  });

  it('packs, and loads from an install of the tarball: the client, the documents and the webhook signature alone', () => {
    const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: PACKAGE_DIR, encoding: 'utf8' });
    expect({ status: pack.status, stderr: pack.status === 0 ? '' : pack.stderr }).toEqual({ status: 0, stderr: '' });
    const tarball = join(work, pack.stdout.trim().split('\n').pop()!);
    const installed = join(work, 'node_modules', '@ideagora', 'partner-client');
    mkdirSync(installed, { recursive: true });
    expect(spawnSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']).status).toBe(0);

    const script = `
      const client = require('@ideagora/partner-client');
      const signature = require('@ideagora/partner-client/webhook-signature');
      const header = signature.signWebhookPayload('{"id":"e1"}', 'whsec_test', Math.floor(Date.now() / 1000));
      console.log(JSON.stringify({
        client: typeof client.PartnerClient,
        error: typeof client.PartnerApiError,
        document: String(client.CreateApiKeyDocument).trim().split('(')[0],
        verified: client.verifyWebhookSignature('{"id":"e1"}', header, 'whsec_test'),
        tampered: signature.verifyWebhookSignature('{"id":"e2"}', header, 'whsec_test'),
      }));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ client: 'function', error: 'function', document: 'mutation CreateApiKey', verified: true, tampered: false });
  }, 120_000);
});
