import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

/** Mail written in the transaction that causes it, sent afterwards by the MailDispatcher (at least once). */
@Entity({ tableName: 'mail_outbox' })
export class MailOutboxEntity {
  [OptionalProps]?: 'createdAt' | 'attempts' | 'nextAttemptAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  toEmail!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  bodyText!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  /** Failed sends so far; the dispatcher gives up at MAIL_DELIVERY.MAX_ATTEMPTS. */
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;
}
