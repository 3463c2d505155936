import { pageSize } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubmissionsContext } from '../context';
import { decodeSubmissionCursor } from '../submissions/submission.cursor';
import { SubmissionConnection } from '../submissions/submission.type';
import { TeamInvitationType } from '../teams/team.type';
import { UserRef } from './user.stub';

@Resolver(() => UserRef)
export class UserSubmissionsResolver {
  @FieldResolver(() => SubmissionConnection, {
    description:
      "The user's submissions, latest submitted first: all of theirs (their teams' too) for the user themselves; for anyone else, signed out too, only those public to them (entries of a gallery challenge, Challenge.submissionVisibility) that they authored.",
  })
  async submissions(
    @Root() user: UserRef,
    @Ctx() ctx: SubmissionsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<SubmissionConnection> {
    const limit = pageSize(first);
    const cursor = decodeSubmissionCursor(after);
    const viewerId = ctx.identity.userId;
    if (!viewerId || viewerId.toLowerCase() !== String(user.id).toLowerCase()) {
      const ownerId = String(user.id);
      const rows = await ctx.loaders.publicAuthorSubmissionsPage.load({ ownerId, limit, after: cursor });
      return SubmissionConnection.ofRows(rows, { limit, orderedBy: 'submittedAt', firstPage: !cursor }, () => ctx.loaders.publicSubmissionCountByAuthor.load(ownerId));
    }
    const rows = await ctx.loaders.authorSubmissionsPage.load({ ownerId: viewerId, limit, after: cursor });
    return SubmissionConnection.ofRows(rows, { limit, orderedBy: 'submittedAt', firstPage: !cursor }, () => ctx.loaders.submissionCountByAuthor.load(viewerId));
  }
}

@Resolver(() => UserRef)
export class UserTeamInvitationsResolver {
  @FieldResolver(() => [TeamInvitationType], {
    description: "The team invitations waiting for the user (by their account's email; pending, not expired), the newest 50, latest first. Only for the user themselves ([] for anyone else).",
  })
  async teamInvitations(@Root() user: UserRef, @Ctx() ctx: SubmissionsContext): Promise<TeamInvitationType[]> {
    const viewerId = ctx.identity.userId;
    if (!viewerId || viewerId.toLowerCase() !== String(user.id).toLowerCase()) return [];
    const now = new Date();
    return (await ctx.teams.pendingInvitationsFor(viewerId)).map((i) => TeamInvitationType.from(i, now));
  }
}

export function resolveUserReference(reference: { id: string }): UserRef {
  return UserRef.of(String(reference.id));
}
