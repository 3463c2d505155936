import { join, resolve } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, usableClusterDir, type RunningPostgres } from './embedded-postgres.launcher';

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
  const cluster = usableClusterDir(join(resolve(options.dataDir), 'postgres'));
  if (cluster.moved) {
    options.log?.(`The postgres user cannot reach ${resolve(options.dataDir)} (a private parent folder); keeping the cluster in ${cluster.dir}`);
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: cluster.dir,
    port: options.port,
    settings: { shared_preload_libraries: 'pg_stat_statements' },
  });
  const url = await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
  return { url, embedded };
}
