import { AsyncLocalStorage } from 'node:async_hooks';
import { MikroORM, PostgreSqlDriver, type Constructor, type EntityClass, type EntityData, type EntitySchema, type FilterQuery, type Options, type QueryOrderMap, type SqlEntityManager } from '@mikro-orm/postgresql';
import { Migrator, type Migration } from '@mikro-orm/migrations';

export type MigrationList = { name: string; class: Constructor<Migration> }[];

export interface SubgraphOrmOptions {
  /** Connection string of the database that holds this subgraph's schema. */
  url: string;
  /** The Postgres schema this bounded context owns. No other context reads it. */
  schema: string;
  /** Decorated classes (the subgraphs) or schemas (tests' probe tables). */
  entities: (EntityClass<unknown> | EntitySchema)[];
  migrations: MigrationList;
  poolMax?: number;
  /**
   * Postgres `statement_timeout` of every connection (0: none). A request's deadline stops new fields from starting;
   * this stops a statement already running. Migrations run on an ORM without it (an index build may take minutes).
   */
  statementTimeoutMs?: number;
  /** Postgres `idle_in_transaction_session_timeout` (0: none): a transaction left open by a bug cannot hold its locks. */
  idleInTransactionTimeoutMs?: number;
}

/**
 * Counts SQL statements issued while serving a request (or any scope run through `countStatements`).
 * Used by the /internal/metrics endpoint and by the N+1 tests.
 */
const statementScope = new AsyncLocalStorage<{ count: number }>();
let statementsInScopes = 0;

export function countStatements<T>(fn: () => T): T {
  return statementScope.run({ count: 0 }, fn);
}

/** Runs `fn` outside any request's scope: background work started from a request (timers) must not be counted. */
export function outsideStatementScope<T>(fn: () => T): T {
  return statementScope.exit(fn);
}

export function totalScopedStatements(): number {
  return statementsInScopes;
}

function socketDirectory(url: string): string | undefined {
  const host = new URL(url).searchParams.get('host');
  return host?.startsWith('/') ? host : undefined;
}

export async function createSubgraphOrm(options: SubgraphOrmOptions): Promise<MikroORM> {
  const milliseconds = (value: number | undefined) => Math.max(0, Math.floor(value ?? 0));
  const sessionSettings = [
    `set search_path to "${options.schema}"`,
    `set statement_timeout = ${milliseconds(options.statementTimeoutMs)}`,
    `set idle_in_transaction_session_timeout = ${milliseconds(options.idleInTransactionTimeoutMs)}`,
  ].join('; ');
  const config: Options = {
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    // libpq's convention for a Unix socket: `?host=/socket/dir` (MikroORM reads only the URL's host name).
    ...(socketDirectory(options.url) ? { host: socketDirectory(options.url) } : {}),
    schema: options.schema,
    entities: options.entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: {
      min: 0,
      max: options.poolMax ?? 10,
      // Unqualified names (raw SQL, migrations) resolve to this context's own schema only.
      afterCreate: (connection: { query: (sql: string, cb: (error: Error | null) => void) => void }, done: (error: Error | null, connection: unknown) => void) => {
        connection.query(sessionSettings, (error) => done(error, connection));
      },
    },
    allowGlobalContext: false,
    ensureDatabase: false,
    forceUtcTimezone: true,
    debug: false,
  };
  const orm = await MikroORM.init(config);
  const knex = orm.em.getConnection().getKnex();
  knex.on('query', () => {
    const scope = statementScope.getStore();
    if (scope) {
      scope.count += 1;
      statementsInScopes += 1;
    }
  });
  // Killed idle connections (e.g. Postgres restarting) must not crash the process.
  knex.client.pool?.on?.('createFail', () => undefined);
  return orm;
}

/**
 * Creates the schema when missing and applies pending migrations. Never schema sync. Processes of one context that
 * start together (the gateway's cluster workers) take turns under an advisory lock held on a connection of its own:
 * the first migrates, the others then find nothing to do.
 */
export async function migrate(orm: MikroORM, schema: string): Promise<string[]> {
  const knexClient = orm.em.getConnection().getKnex().client as {
    acquireConnection(): Promise<{ query(sql: string, params?: unknown[]): Promise<unknown> }>;
    releaseConnection(connection: unknown): Promise<unknown>;
  };
  const lockHolder = await knexClient.acquireConnection();
  const lock = `ideagora:migrate:${schema}`;
  try {
    await lockHolder.query('select pg_advisory_lock(hashtext($1))', [lock]);
    try {
      await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
      const applied = await orm.getMigrator().up();
      return applied.map((m) => m.name);
    } finally {
      await lockHolder.query('select pg_advisory_unlock(hashtext($1))', [lock]);
    }
  } finally {
    await knexClient.releaseConnection(lockHolder);
  }
}

/**
 * Rows for GraphQL reads (DataLoaders), as plain objects shaped like the entity (property names, custom types
 * converted) but not registered in the unit of work: change tracking is pure cost for data that is only
 * rendered (measured with tools/bench: registering entities was the largest MikroORM cost of a browse request).
 * Never modify and flush what this returns; load entities with `em.find` for that.
 */
export async function findForRead<T extends object>(em: SqlEntityManager, entity: EntityClass<T>, where: FilterQuery<T>, orderBy?: QueryOrderMap<T>[]): Promise<T[]> {
  const qb = em.createQueryBuilder(entity).select('*').where(where);
  if (orderBy) qb.orderBy(orderBy);
  return (await qb.execute('all', true)) as T[];
}

/** A raw row (column names) shaped like `findForRead`'s results, for reads written in SQL. Same caveats. */
export function mapRowForRead<T extends object>(em: SqlEntityManager, entity: EntityClass<T>, row: Record<string, unknown>): T {
  return em.getDriver().mapResult(row as EntityData<T>, em.getMetadata().get(entity.name)) as T;
}
