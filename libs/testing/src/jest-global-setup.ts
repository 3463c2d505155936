import { startEmbeddedPostgres } from '@ideagora/db';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One Postgres cluster for the whole run; every test file gets its own database in it. */
export default async function globalSetup(): Promise<void> {
  if (process.env.IDEAGORA_TEST_PG_ADMIN_URL) return; // an external cluster was given
  const base = mkdtempSync(join(tmpdir(), 'ideagora-test-'));
  chmodSync(base, 0o755); // as root, Postgres runs as user postgres and must reach it
  const dataDir = join(base, 'pg');
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: 0,
    ephemeral: true,
    settings: { max_connections: '400', shared_buffers: '64MB' },
  });
  process.env.IDEAGORA_TEST_PG_ADMIN_URL = postgres.adminUrl;
  (globalThis as { __IDEAGORA_PG__?: { stop(): Promise<void> } }).__IDEAGORA_PG__ = postgres;
}
