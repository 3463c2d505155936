import { EntitySchema } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { createSubgraphOrm, ensureDatabase } from '../src';

// MikroORM needs one entity to start; this one is never queried.
const Probe = new EntitySchema({ name: 'Probe', properties: { id: { type: 'number', primary: true } } });

/** A statement already running when its request's deadline passes is cancelled by Postgres (issue 10). */
describe('statement and idle-in-transaction timeouts of a subgraph connection', () => {
  const adminUrl = process.env.IDEAGORA_TEST_PG_ADMIN_URL!;

  it('cancels a statement past statement_timeout, and a connection idle in a transaction past its limit; none without them', async () => {
    const url = await ensureDatabase(adminUrl, `ideagora_timeouts_${randomUUID().slice(0, 8)}`);
    const bounded = await createSubgraphOrm({ url, schema: 'public', entities: [Probe], migrations: [], statementTimeoutMs: 200, idleInTransactionTimeoutMs: 1000 });
    const unbounded = await createSubgraphOrm({ url, schema: 'public', entities: [Probe], migrations: [] });
    try {
      const connection = bounded.em.getConnection();
      const settings = await connection.execute(`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`);
      expect(settings[0]).toEqual({ statement: '200ms', idle: '1s' });
      const started = Date.now();
      await expect(connection.execute('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' }); // query_canceled
      expect(Date.now() - started).toBeLessThan(4000);
      // The connection is usable afterwards.
      expect((await connection.execute('select 1 as one'))[0].one).toBe(1);

      // A transaction left idle is ended by Postgres; what it wrote is rolled back.
      await expect(
        bounded.em.fork().transactional(async (em) => {
          await em.getConnection().execute('create table if not exists left_open (id int)', [], 'all', em.getTransactionContext());
          await new Promise((resolve) => setTimeout(resolve, 1500));
          await em.getConnection().execute('select 1', [], 'all', em.getTransactionContext());
        }),
      ).rejects.toThrow();
      expect((await connection.execute(`select to_regclass('public.left_open') as t`))[0].t).toBeNull();

      // Without the options (migrations' ORM), nothing is bounded.
      expect((await unbounded.em.getConnection().execute(`select current_setting('statement_timeout') as statement`))[0].statement).toBe('0');
      await unbounded.em.getConnection().execute('select pg_sleep(0.4)');
    } finally {
      await bounded.close(true);
      await unbounded.close(true);
    }
  });
});
