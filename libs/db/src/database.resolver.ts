import { join, resolve } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.launcher';

export const EMBEDDED_DATABASE = 'ideagora';

export interface ResolvedDatabase {
  url: string;
  embedded?: RunningPostgres;
}

/**
 * DATABASE_URL when given; otherwise an embedded Postgres whose cluster lives under `dataDir/postgres`
 * and is kept between runs.
 */
export async function resolveDatabase(options: { databaseUrl?: string; dataDir: string; port: number; log?: (line: string) => void }): Promise<ResolvedDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl };
  const embedded = await startEmbeddedPostgres({
    dataDir: join(resolve(options.dataDir), 'postgres'),
    port: options.port,
    settings: { shared_preload_libraries: 'pg_stat_statements' },
    log: options.log,
  });
  const url = await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
  return { url, embedded };
}
