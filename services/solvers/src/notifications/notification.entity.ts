import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { NotificationKindName } from './notification.domain';

/**
 * What happened that concerns one user, in words (title, body) with a link into the web client. Written only by the
 * statements of notification.producer.ts (one per event, whatever the number of recipients) and read by
 * notification.service.ts: mapped so the table is described by an entity checked against the migrations.
 */
@Entity({ tableName: 'notification', readonly: true })
export class NotificationEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  recipientId!: string;

  @Property({ type: 'text' })
  kind!: NotificationKindName;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  /** A path of the web client (`/challenges/<id>`), never an absolute address. */
  @Property({ type: 'text' })
  link!: string;

  @Property({ type: 'uuid', nullable: true })
  challengeId!: string | null;

  /** The event that caused it: unique with (recipient, kind), so a redelivered event inserts nothing. */
  @Property({ type: 'uuid' })
  sourceEventId!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** NEW_SUBMISSION: how many new entries this unread row stands for. 1 for every other kind. */
  @Property({ type: 'integer', default: 1 })
  collapsedCount!: number;
}

/** The kinds a user also receives by mail; no row: DEFAULT_MAIL_KINDS. */
@Entity({ tableName: 'notification_preference', readonly: true })
export class NotificationPreferenceEntity {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text[]' })
  mailKinds!: NotificationKindName[];

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
