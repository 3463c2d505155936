import type { EntityManager } from '@mikro-orm/postgresql';
import { MailOutboxEntity } from './mail-outbox.entity';
import type { OutgoingMail } from './mail.transport';

/**
 * Records a mail in the unit of work: it commits (or not) with the change that caused it, and the MailDispatcher
 * sends it afterwards. Nudge the dispatcher (`runtime.own.mail.nudge()`, injected as a callback) after the commit.
 */
export function queueMail(em: EntityManager, mail: OutgoingMail): MailOutboxEntity {
  const row = em.create(MailOutboxEntity, { toEmail: mail.to, subject: mail.subject, bodyText: mail.text });
  em.persist(row);
  return row;
}
