import { Poller } from '@ideagora/events';
import { buildFederatedSchema, type Logger, type SubgraphDefinition } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createSolversContext, type SolversContext } from './context';
import { MailDispatcher, nudgeMailDispatcher, startMailDispatcher } from './mail/mail.dispatcher';
import { MailOutboxEntity } from './mail/mail-outbox.entity';
import { LogMailTransport, type MailTransport } from './mail/mail.transport';
import { SmtpMailTransport } from './mail/smtp-mail.transport';
import { Migration20261123080000_users } from './migrations/Migration20261123080000_users';
import { Migration20261125110000_login_throttle } from './migrations/Migration20261125110000_login_throttle';
import { Migration20261126100000_password_reset } from './migrations/Migration20261126100000_password_reset';
import { Migration20261127100000_sessions } from './migrations/Migration20261127100000_sessions';
import { Migration20261206090000_announce_users } from './migrations/Migration20261206090000_announce_users';
import { Migration20261206100000_announce_users_to_submissions } from './migrations/Migration20261206100000_announce_users_to_submissions';
import { createNotificationEventHandlers } from './notifications/notification.events';
import { PasswordResetTokenEntity } from './password-resets/password-reset.entity';
import { PasswordResetResolver } from './password-resets/password-reset.resolver';
import { SessionEntity } from './sessions/session.entity';
import { SessionResolver } from './sessions/session.resolver';
import { SESSION_SWEEP, sweepEndedSessions } from './sessions/session.service';
import { sweepLoginThrottle } from './users/login-throttle';
import { solversConfig } from './solvers.runtime';
import { UserEntity } from './users/user.entity';
import { resolveUserReference, UserResolver } from './users/user.resolver';

let logger: Logger | undefined;

export const solversSubgraph: SubgraphDefinition<SolversContext> = {
  name: 'solvers',
  entities: [UserEntity, PasswordResetTokenEntity, SessionEntity, MailOutboxEntity],
  migrations: [
    { name: 'Migration20261123080000_users', class: Migration20261123080000_users },
    { name: 'Migration20261125110000_login_throttle', class: Migration20261125110000_login_throttle },
    { name: 'Migration20261126100000_password_reset', class: Migration20261126100000_password_reset },
    { name: 'Migration20261127100000_sessions', class: Migration20261127100000_sessions },
    { name: 'Migration20261206090000_announce_users', class: Migration20261206090000_announce_users },
    { name: 'Migration20261206100000_announce_users_to_submissions', class: Migration20261206100000_announce_users_to_submissions },
  ],
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [UserResolver, PasswordResetResolver, SessionResolver],
      referenceResolvers: { User: { __resolveReference: resolveUserReference } },
    }),
  createContext: createSolversContext,
  // The winner's and the invitee's mail, queued in the event's transaction; the dispatcher is nudged once that transaction commits.
  eventHandlers: createNotificationEventHandlers(() => ({ webBaseUrl: solversConfig().WEB_BASE_URL, log: logger })),
  afterEventsApplied: nudgeMailDispatcher,
  onStart: async (runtime) => {
    logger = runtime.logger;
    const config = solversConfig();
    let transport: MailTransport;
    if (config.SMTP_URL) transport = new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM);
    else {
      // Only outside production (libs/config refuses it there): reset links end up in this log.
      runtime.logger.info('no SMTP_URL: mail is written to the log, not sent');
      transport = new LogMailTransport(runtime.logger);
    }
    const stopMail = startMailDispatcher(new MailDispatcher(runtime.orm.em as EntityManager, transport, runtime.logger), runtime.config.OUTBOX_POLL_MS, runtime.logger);
    // Ended sessions, then throttle rows that no longer block anything (each in batches: more waiting runs again at once).
    const sessionSweeper = new Poller(
      async () => {
        const moreSessions = await sweepEndedSessions(runtime.orm.em.fork() as EntityManager);
        const moreThrottles = await sweepLoginThrottle(runtime.orm.em.fork() as EntityManager);
        return moreSessions || moreThrottles;
      },
      SESSION_SWEEP.INTERVAL_MS,
      (err) => runtime.logger.error({ err }, 'sweeping ended sessions or login throttles failed'),
    );
    sessionSweeper.start();
    return async () => {
      await Promise.all([stopMail(), sessionSweeper.stop()]);
    };
  },
};
