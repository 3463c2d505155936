import { createSubgraphOrm, migrate } from '@ideagora/db';
import { createLogger } from '@ideagora/subgraph-kit';
import { createTestDatabase } from '@ideagora/testing';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { MAIL_DELIVERY, MailDispatcher } from '../src/mail/mail.dispatcher';
import { MailOutboxEntity } from '../src/mail/mail-outbox.entity';
import { queueMail } from '../src/mail/mail.outbox';
import type { MailTransport, OutgoingMail } from '../src/mail/mail.transport';
import { Migration20261123080000_users } from '../src/migrations/Migration20261123080000_users';
import { Migration20261126100000_password_reset } from '../src/migrations/Migration20261126100000_password_reset';

/** A stand-in mail server (not our database): refuses the first `failures` mails, takes `delayMs` per mail. */
function fakeMailServer(failures = 0, delayMs = 0) {
  const server = {
    attempts: 0,
    accepted: [] as OutgoingMail[],
    transport: {
      send: async (mail: OutgoingMail) => {
        server.attempts += 1;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (server.attempts <= failures) throw new Error('421 service not available');
        server.accepted.push(mail);
      },
    } satisfies MailTransport,
  };
  return server;
}

describe('mail dispatcher on real Postgres', () => {
  let orm: MikroORM;
  const logger = createLogger('solvers', 'silent');
  const em = () => orm.em.fork() as EntityManager;
  const sql = (query: string, params: unknown[] = []) => em().getConnection().execute(query, params);
  const queue = async (to: string) => (await em().transactional(async (tx) => queueMail(tx, { to, subject: 'Hello', text: 'A link' }))).id;
  const stateOf = async (id: string) =>
    (await sql(`select sent_at is not null as sent, attempts, last_error, next_attempt_at > now() as waiting from mail_outbox where id = ?`, [id]))[0];
  const makeDue = (id: string) => sql(`update mail_outbox set next_attempt_at = now() where id = ?`, [id]);
  const dispatcherFor = (transport: MailTransport) => new MailDispatcher(orm.em as EntityManager, transport, logger);

  beforeAll(async () => {
    orm = await createSubgraphOrm({
      url: await createTestDatabase(),
      schema: 'solvers',
      entities: [MailOutboxEntity],
      migrations: [
        { name: 'Migration20261123080000_users', class: Migration20261123080000_users },
        { name: 'Migration20261126100000_password_reset', class: Migration20261126100000_password_reset },
      ],
    });
    await migrate(orm, 'solvers');
  }, 60_000);
  afterAll(async () => {
    await orm?.close();
  });

  it('sends a queued mail once and marks it sent', async () => {
    const server = fakeMailServer();
    const id = await queue('ada@example.test');
    const dispatcher = dispatcherFor(server.transport);
    expect(await dispatcher.dispatchDue()).toBe(false);
    expect(server.accepted).toEqual([{ to: 'ada@example.test', subject: 'Hello', text: 'A link' }]);
    expect(await stateOf(id)).toMatchObject({ sent: true, attempts: 0, last_error: null });
    await dispatcher.dispatchDue();
    expect(server.attempts).toBe(1);
  });

  it('records each failure, waits before retrying, and gives up after 10 attempts', async () => {
    const server = fakeMailServer(Infinity);
    const id = await queue('grace@example.test');
    const dispatcher = dispatcherFor(server.transport);
    await dispatcher.dispatchDue();
    expect(await stateOf(id)).toMatchObject({ sent: false, attempts: 1, last_error: '421 service not available', waiting: true });
    await dispatcher.dispatchDue(); // not due yet
    expect(server.attempts).toBe(1);
    for (let attempt = 2; attempt <= MAIL_DELIVERY.MAX_ATTEMPTS; attempt += 1) {
      await makeDue(id);
      await dispatcher.dispatchDue();
    }
    expect(server.attempts).toBe(10);
    expect(await stateOf(id)).toMatchObject({ sent: false, attempts: 10, last_error: '421 service not available' });
    await makeDue(id);
    await dispatcher.dispatchDue(); // given up: left unsent
    expect(server.attempts).toBe(10);
  });

  it('sends a mail that failed once it is due again', async () => {
    const server = fakeMailServer(2);
    const id = await queue('alan@example.test');
    const dispatcher = dispatcherFor(server.transport);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await makeDue(id);
      await dispatcher.dispatchDue();
    }
    expect(await stateOf(id)).toMatchObject({ sent: true, attempts: 2, last_error: '421 service not available' });
    expect(server.accepted.map((m) => m.to)).toEqual(['alan@example.test']);
  });

  it('lets two dispatchers share the outbox without sending a mail twice', async () => {
    const server = fakeMailServer(0, 50);
    const recipients = Array.from({ length: 6 }, (_, i) => `reader-${i}@example.test`);
    for (const to of recipients) await queue(to);
    await Promise.all([dispatcherFor(server.transport).dispatchDue(), dispatcherFor(server.transport).dispatchDue()]);
    expect(server.accepted.map((m) => m.to).sort()).toEqual([...recipients].sort());
    expect(server.attempts).toBe(6);
  });
});
