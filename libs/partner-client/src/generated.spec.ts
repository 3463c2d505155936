import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('the partner client', () => {
  it('is generated from the current contract operations and API schema (else: npx nx run partner-client:codegen)', () => {
    // graphql-codegen's own dry run (its CLI is ESM-only, which Jest's CommonJS runtime cannot load in-process).
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'libs/partner-client/codegen.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: run.status, output: run.status === 0 ? '' : `${run.stdout}${run.stderr}` }).toEqual({ status: 0, output: '' });
  }, 60_000);
});
