import { createSubgraphOrm, migrate } from '@ideagora/db';
import { createTestDatabase } from '@ideagora/testing';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { Migration20261123080000_users } from '../src/migrations/Migration20261123080000_users';
import { Migration20261125110000_login_throttle } from '../src/migrations/Migration20261125110000_login_throttle';
import { Migration20261127100000_sessions } from '../src/migrations/Migration20261127100000_sessions';
import { SessionEntity } from '../src/sessions/session.entity';
import { SESSION_SWEEP, sweepEndedSessions } from '../src/sessions/session.service';
import { LOGIN_THROTTLE, sweepLoginThrottle } from '../src/users/login-throttle';
import { UserEntity } from '../src/users/user.entity';

describe('sweeping ended sessions and login throttles on real Postgres', () => {
  let orm: MikroORM;
  const em = () => orm.em.fork() as EntityManager;
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);
  let userId: string;

  /** A session ending (or not) `expiresInDays` / `revokedDaysAgo` from now. */
  const session = async (name: string, { expiresInDays, revokedDaysAgo }: { expiresInDays: number; revokedDaysAgo?: number }) => {
    const id = uuidv7();
    await sql(
      `insert into user_session (id, user_id, refresh_token_hash, created_at, last_used_at, expires_at, revoked_at)
       values (?, ?, ?, now() - interval '40 days', now() - interval '40 days', now() + make_interval(days => ?),
               case when ?::int is null then null else now() - make_interval(days => ?::int) end)`,
      [id, userId, randomBytes(32), expiresInDays, revokedDaysAgo ?? null, revokedDaysAgo ?? null],
    );
    return { name, id };
  };
  const remaining = async () => (await sql<{ id: string }>(`select id from user_session`)).map((r) => r.id).sort();

  beforeAll(async () => {
    orm = await createSubgraphOrm({
      url: await createTestDatabase(),
      schema: 'solvers',
      entities: [UserEntity, SessionEntity],
      migrations: [
        { name: 'Migration20261123080000_users', class: Migration20261123080000_users },
        { name: 'Migration20261125110000_login_throttle', class: Migration20261125110000_login_throttle },
        { name: 'Migration20261127100000_sessions', class: Migration20261127100000_sessions },
      ],
    });
    await migrate(orm, 'solvers');
    userId = uuidv7();
    await sql(`insert into user_account (id, email, password_hash, display_name) values (?, 'sweep@example.test', 'x', 'Sweep')`, [userId]);
  });
  afterAll(async () => orm?.close(true));
  beforeEach(async () => {
    await sql(`delete from user_session`);
  });

  it(`deletes sessions that ended more than ${SESSION_SWEEP.RETENTION_DAYS} days ago, and only those`, async () => {
    const keep = [
      await session('live', { expiresInDays: 20 }),
      await session('expired yesterday', { expiresInDays: -1 }),
      await session('revoked yesterday', { expiresInDays: 20, revokedDaysAgo: 1 }),
      await session('expired 6 days ago', { expiresInDays: -(SESSION_SWEEP.RETENTION_DAYS - 1) }),
    ];
    await session('expired long ago', { expiresInDays: -(SESSION_SWEEP.RETENTION_DAYS + 1) });
    await session('revoked long ago, not yet expired', { expiresInDays: 20, revokedDaysAgo: SESSION_SWEEP.RETENTION_DAYS + 1 });

    expect(await sweepEndedSessions(em())).toBe(false);
    expect(await remaining()).toEqual(keep.map((s) => s.id).sort());
    expect(await sweepEndedSessions(em())).toBe(false); // nothing left to sweep: no change
    expect(await remaining()).toHaveLength(keep.length);
  });

  it('works in batches, telling the poller when more may be waiting', async () => {
    for (let i = 0; i < 5; i += 1) await session(`old ${i}`, { expiresInDays: -30 });
    const live = await session('live', { expiresInDays: 20 });

    expect(await sweepEndedSessions(em(), 2)).toBe(true);
    expect(await remaining()).toHaveLength(4);
    expect(await sweepEndedSessions(em(), 2)).toBe(true);
    expect(await sweepEndedSessions(em(), 2)).toBe(false);
    expect(await remaining()).toEqual([live.id]);
  });

  it('deletes login throttle rows once their window and any block have ended, in batches, and only those', async () => {
    await sql(`delete from login_throttle`);
    const row = (email: string, windowSecondsAgo: number, blockedForSeconds: number | null) =>
      sql(
        `insert into login_throttle (email, attempts, window_started_at, blocked_until)
         values (?, 3, now() - make_interval(secs => ?), case when ?::int is null then null else now() + make_interval(secs => ?::int) end)`,
        [email, windowSecondsAgo, blockedForSeconds, blockedForSeconds],
      );
    const window = LOGIN_THROTTLE.WINDOW_SECONDS;
    await row('counting@example.test', 60, null); // window still open
    await row('blocked@example.test', window + 60, 300); // window over, block still on
    for (let i = 0; i < 3; i += 1) await row(`stale-${i}-not-an-email`, window + 60, null);
    await row('block-ended@example.test', window * 3, -60);

    expect(await sweepLoginThrottle(em(), 2)).toBe(true);
    expect(await sweepLoginThrottle(em(), 2)).toBe(true);
    expect(await sweepLoginThrottle(em(), 2)).toBe(false);
    const left = (await sql<{ email: string }>(`select email from login_throttle order by email`)).map((r) => r.email);
    expect(left).toEqual(['blocked@example.test', 'counting@example.test']);
  });
});
