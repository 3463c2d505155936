import { loadConfig, solversSchema, type SolversConfig } from '@ideagora/config';
import { Poller } from '@ideagora/events';
import type { SubgraphRuntime } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MailDispatcher } from './mail/mail.dispatcher';
import { LogMailTransport, type MailTransport } from './mail/mail.transport';
import { SmtpMailTransport } from './mail/smtp-mail.transport';
import { SESSION_SWEEP, sweepEndedSessions } from './sessions/session.service';
import { sweepLoginThrottle } from './users/login-throttle';

/** What the solvers context owns in its process (built once at start, `runtime.own`): its settings and workers. */
export interface SolversOwn {
  /** The process's own settings (mail, the web client's address) beside the kit's. */
  config: SolversConfig;
  /** Sends the mail outbox; nudged after a commit that queued mail. */
  mail: MailDispatcher;
  /** Ended sessions, then throttle rows that no longer block anything. */
  sessionSweeper: Poller;
}

export type SolversRuntime = SubgraphRuntime<SolversOwn>;

export function createSolversOwn(runtime: SubgraphRuntime<undefined>): SolversOwn {
  const config = loadConfig(solversSchema);
  let transport: MailTransport;
  if (config.SMTP_URL) transport = new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM);
  else {
    // Only outside production (libs/config refuses it there): reset links end up in this log.
    runtime.logger.info('no SMTP_URL: mail is written to the log, not sent');
    transport = new LogMailTransport(runtime.logger);
  }
  const em = runtime.orm.em as EntityManager;
  // Each in batches: more waiting runs again at once.
  const sessionSweeper = new Poller(
    async () => {
      const moreSessions = await sweepEndedSessions(em.fork());
      const moreThrottles = await sweepLoginThrottle(em.fork());
      return moreSessions || moreThrottles;
    },
    SESSION_SWEEP.INTERVAL_MS,
    (err) => runtime.logger.error({ err }, 'sweeping ended sessions or login throttles failed'),
  );
  return { config, mail: new MailDispatcher(em, transport, runtime.logger, runtime.config.OUTBOX_POLL_MS), sessionSweeper };
}
