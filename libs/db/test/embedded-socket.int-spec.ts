import { EntitySchema } from '@mikro-orm/core';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { createSubgraphOrm, ensureDatabase, socketDirectoryFor } from '../src';

// MikroORM needs one entity to start; this one is never queried.
const Probe = new EntitySchema({ name: 'Probe', properties: { id: { type: 'number', primary: true } } });

/** The embedded cluster is reached over its Unix socket (no TCP stack between the services and their database). */
describe('embedded Postgres over its Unix socket', () => {
  const adminUrl = process.env.IDEAGORA_TEST_PG_ADMIN_URL!;

  it('names the socket folder in its URLs, and both pg and MikroORM connect through it', async () => {
    const socketDir = new URL(adminUrl).searchParams.get('host');
    expect(socketDir).toMatch(/^\//);
    const url = await ensureDatabase(adminUrl, `ideagora_socket_${randomUUID().slice(0, 8)}`);
    expect(new URL(url).searchParams.get('host')).toBe(socketDir);

    // inet_server_addr() is null on a Unix-socket connection, 127.0.0.1 over TCP.
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('select inet_server_addr() as address')).rows[0].address).toBeNull();
    } finally {
      await client.end();
    }
    const orm = await createSubgraphOrm({ url, schema: 'public', entities: [Probe], migrations: [] });
    try {
      expect((await orm.em.getConnection().execute('select inet_server_addr() as address'))[0].address).toBeNull();
    } finally {
      await orm.close();
    }
  });

  it('keeps TCP only when the socket path would pass Postgres\'s 107-byte limit', () => {
    expect(socketDirectoryFor('/var/tmp/ideagora/postgres', 5432)).toBe('/var/tmp/ideagora/postgres');
    expect(socketDirectoryFor(`/var/tmp/${'deep/'.repeat(20)}postgres`, 5432)).toBeUndefined();
  });
});
