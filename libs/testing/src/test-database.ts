import { ensureDatabase } from '@ideagora/db';
import { randomBytes } from 'node:crypto';

/** A fresh database for one test file (and so one Jest worker at a time). */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = process.env.IDEAGORA_TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error('IDEAGORA_TEST_PG_ADMIN_URL is not set: run through the integration Jest project');
  const name = `ideagora_w${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  return ensureDatabase(adminUrl, name);
}
