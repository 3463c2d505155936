import { ConnectionType } from '@ideagora/subgraph-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { NotificationEntity } from './notification.entity';

/** Values match NOTIFICATION_KINDS (notification.domain.ts) and the table's check. */
export enum NotificationKind {
  NEW_SUBMISSION = 'NEW_SUBMISSION',
  NEW_QUESTION = 'NEW_QUESTION',
  QUESTION_ANSWERED = 'QUESTION_ANSWERED',
  DEADLINE_CHANGED = 'DEADLINE_CHANGED',
  SUBMISSIONS_CLOSED = 'SUBMISSIONS_CLOSED',
  FINALISTS_CHOSEN = 'FINALISTS_CHOSEN',
  RESULTS_PUBLISHED = 'RESULTS_PUBLISHED',
  PRIZE_AWARDED = 'PRIZE_AWARDED',
  PAYOUT_PAID = 'PAYOUT_PAID',
  PAYOUT_FAILED = 'PAYOUT_FAILED',
  PAYOUT_REVERSED = 'PAYOUT_REVERSED',
  INVITATION = 'INVITATION',
  TEAM_SPLIT_PROPOSED = 'TEAM_SPLIT_PROPOSED',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesConfig: {
    NEW_SUBMISSION: { description: "A new entry to a challenge of the viewer's organization (OWNER/ADMIN); collapsed while unread." },
    NEW_QUESTION: { description: "A solver asked about a challenge of the viewer's organization (OWNER/ADMIN)." },
    QUESTION_ANSWERED: { description: "The sponsor answered the viewer's question." },
    DEADLINE_CHANGED: { description: 'The submission deadline of a challenge the viewer entered moved.' },
    SUBMISSIONS_CLOSED: { description: 'A challenge the viewer entered closed its submissions (a round).' },
    FINALISTS_CHOSEN: { description: "The finalists of a challenge the viewer entered were chosen (the viewer's entry among them or not)." },
    RESULTS_PUBLISHED: { description: 'A challenge the viewer entered is awarded.' },
    PRIZE_AWARDED: { description: "The viewer's entry (or team's) won a prize." },
    PAYOUT_PAID: { description: "The viewer's prize money was sent." },
    PAYOUT_FAILED: { description: "The transfer of the viewer's prize money was refused (retried)." },
    PAYOUT_REVERSED: { description: "A transfer of the viewer's prize money was reversed." },
    INVITATION: { description: 'The viewer was invited to an organization, a team or a challenge.' },
    TEAM_SPLIT_PROPOSED: { description: "A member of the viewer's team proposed a new prize split." },
  },
});

@ObjectType('Notification', { description: 'Something that happened and concerns the viewer, in words, with where to see it.' })
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, { description: 'A path of the web client, such as /challenges/<id>.' })
  link!: string;

  @Field(() => ID, { nullable: true, description: 'The challenge it is about, if any.' })
  challengeId!: string | null;

  @Field(() => Date, { description: 'When it happened (for collapsed new entries: the latest).' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the viewer marked it read; null while unread.' })
  readAt!: Date | null;

  @Field(() => Int, { description: 'How many events it stands for: new entries are collapsed into one unread notification per challenge. 1 otherwise.' })
  collapsedCount!: number;

  static from(entity: NotificationEntity): NotificationType {
    return Object.assign(new NotificationType(), {
      id: entity.id,
      kind: entity.kind as NotificationKind,
      title: entity.title,
      body: entity.body,
      link: entity.link,
      challengeId: entity.challengeId,
      createdAt: entity.createdAt,
      readAt: entity.readAt,
      collapsedCount: entity.collapsedCount,
    });
  }
}

export const NotificationConnection = ConnectionType('Notification', NotificationType);
export type NotificationConnection = InstanceType<typeof NotificationConnection>;

@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field(() => [NotificationKind], { description: 'The kinds also sent by mail. By default every kind but NEW_SUBMISSION.' })
  mailKinds!: NotificationKind[];
}

@ObjectType('MarkNotificationsReadPayload')
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: "The viewer's unread notifications after the change." })
  unreadNotificationCount!: number;
}

@ObjectType('UpdateNotificationPreferencesPayload')
export class UpdateNotificationPreferencesPayload {
  @Field(() => [NotificationKind], { description: 'The kinds now sent by mail.' })
  mailKinds!: NotificationKind[];
}
