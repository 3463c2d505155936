import { pageSize, requireUser, UnauthenticatedError } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { SolversContext } from '../context';
import { UserType } from '../users/user.type';
import { markReadTarget, normalizeMailKinds } from './notification.domain';
import { NotificationsOfOthersError } from './notification.errors';
import { MarkNotificationsReadInput, UpdateNotificationPreferencesInput } from './notification.inputs';
import {
  MarkNotificationsReadPayload,
  NotificationConnection,
  NotificationKind,
  NotificationPreferencesType,
  NotificationType,
  UpdateNotificationPreferencesPayload,
} from './notification.type';

/**
 * The notification centre: fields of the viewer's own User (another user's: FORBIDDEN, whatever path reached the
 * user), and the viewer's commands. Only the viewer can be read, so each field is one statement.
 */
@Resolver(() => UserType)
export class NotificationResolver {
  @FieldResolver(() => Int, { description: "The user's unread notifications. Only the user themselves (FORBIDDEN otherwise)." })
  async unreadNotificationCount(@Root() user: UserType, @Ctx() ctx: SolversContext): Promise<number> {
    return ctx.notifications.unreadCount(ownUser(user, ctx));
  }

  @FieldResolver(() => NotificationConnection, { description: "The user's notifications, newest first. Only the user themselves (FORBIDDEN otherwise)." })
  async notifications(
    @Root() user: UserType,
    @Ctx() ctx: SolversContext,
    // Declared in reverse of the printed order (first, after), as type-graphql lists them.
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '1 to 100, default 20.' }) first?: number | null,
  ): Promise<NotificationConnection> {
    const userId = ownUser(user, ctx);
    const limit = pageSize(first);
    const page = await ctx.notifications.page(userId, limit, after);
    return Object.assign(new NotificationConnection(), { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: NotificationType.from(e.node) })) });
  }

  @FieldResolver(() => NotificationPreferencesType, { description: 'Which notifications the user also receives by mail. Only the user themselves (FORBIDDEN otherwise).' })
  async notificationPreferences(@Root() user: UserType, @Ctx() ctx: SolversContext): Promise<NotificationPreferencesType> {
    const mailKinds = await ctx.notifications.mailKinds(ownUser(user, ctx));
    return Object.assign(new NotificationPreferencesType(), { mailKinds: mailKinds as NotificationKind[] });
  }

  @Mutation(() => MarkNotificationsReadPayload, {
    description:
      "Marks the viewer's notifications read: the listed `ids` (1 to 100) or `all: true` (exactly one, BAD_USER_INPUT otherwise). An id that is not one of the viewer's notifications: NOT_FOUND (field `ids`), nothing marked. Marking again changes nothing.",
  })
  async markNotificationsRead(@Arg('input', () => MarkNotificationsReadInput) input: MarkNotificationsReadInput, @Ctx() ctx: SolversContext): Promise<MarkNotificationsReadPayload> {
    const userId = requireUser(ctx.identity);
    const unreadNotificationCount = await ctx.notifications.markRead(userId, markReadTarget(input));
    return Object.assign(new MarkNotificationsReadPayload(), { unreadNotificationCount });
  }

  @Mutation(() => UpdateNotificationPreferencesPayload, { description: 'Chooses the kinds of notifications the viewer also receives by mail (the others stay in the notification centre).' })
  async updateNotificationPreferences(
    @Arg('input', () => UpdateNotificationPreferencesInput) input: UpdateNotificationPreferencesInput,
    @Ctx() ctx: SolversContext,
  ): Promise<UpdateNotificationPreferencesPayload> {
    const userId = requireUser(ctx.identity);
    const mailKinds = await ctx.notifications.setMailKinds(userId, normalizeMailKinds(input.mailKinds));
    return Object.assign(new UpdateNotificationPreferencesPayload(), { mailKinds: mailKinds as NotificationKind[] });
  }
}

/** The user's id when it is the viewer's; signed out: UNAUTHENTICATED; another user: FORBIDDEN. */
function ownUser(user: UserType, ctx: SolversContext): string {
  if (!ctx.identity.userId) throw new UnauthenticatedError();
  if (ctx.identity.userId !== user.id) throw new NotificationsOfOthersError();
  return user.id;
}
