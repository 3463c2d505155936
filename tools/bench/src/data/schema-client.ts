import { Client } from 'pg';

/**
 * A connection that sees one context's schema only (search_path = that schema), like the subgraph that owns it:
 * every loader writes unqualified table names into its own context.
 */
export async function connectToSchema(databaseUrl: string, schema: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl, application_name: `ideagora-bench-data:${schema}` });
  // A server-side termination must surface as a failed query, not as an unhandled 'error' event.
  client.on('error', () => undefined);
  await client.connect();
  await client.query(`set search_path to "${schema}"`);
  return client;
}

/** Runs `fn` in a transaction on `client`: committed when it resolves, rolled back (DDL included) when it throws. */
export async function inTransaction<T>(client: Client, fn: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await fn();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
