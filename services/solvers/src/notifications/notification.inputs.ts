import { Field, ID, InputType } from 'type-graphql';
import { NotificationKind } from './notification.type';

@InputType('MarkNotificationsReadInput', { description: 'Exactly one of `ids` and `all: true`.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: "1 to 100 of the viewer's notifications; any other id is NOT_FOUND (field `ids`) and nothing is marked." })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: every unread notification of the viewer.' })
  all?: boolean | null;
}

@InputType('UpdateNotificationPreferencesInput')
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationKind], { description: 'The kinds also sent by mail (the others only appear in the notification centre).' })
  mailKinds!: NotificationKind[];
}
