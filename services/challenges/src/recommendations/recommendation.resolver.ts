import { encodeCursor, pageSize, toConnection } from '@ideagora/subgraph-kit';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ChallengeConnection, ChallengeConnectionType, ChallengeType } from '../challenges/challenge.type';
import type { ChallengesContext } from '../context';
import { UserRef } from '../external/user.stub';

@Resolver(() => UserRef)
export class UserRecommendationsResolver {
  @FieldResolver(() => ChallengeConnectionType, {
    nullable: true,
    description:
      "Open challenges for the viewer (PUBLIC, or INVITE_ONLY ones they are invited to; not those they already entered), best match of their skills against the challenge's title, summary and description first, newest first among equals; the newest open ones when they have no skills. Only the viewer's own (null for anyone else). `first` only (no `after`); totalCount: the open challenges they could be recommended.",
  })
  @Directive('@requires(fields: "profileVersion")')
  async recommendedChallenges(
    @Root() user: UserRef,
    @Arg('first', () => Int, { nullable: true, description: '1 to 100, default 20.' }) first: number | null,
    @Ctx() ctx: ChallengesContext,
  ): Promise<ChallengeConnection | null> {
    const viewerId = ctx.viewerId;
    if (!viewerId || user.id !== viewerId) return null;
    const limit = pageSize(first);
    const recommended = await ctx.recommendations.recommend(viewerId, user.profileVersion ?? null, limit);
    for (const { challenge } of recommended) ctx.loaders.primeChallenge(challenge);
    const page = toConnection(
      recommended,
      limit,
      ({ challenge }) => encodeCursor([challenge.id]),
      ({ challenge }) => ChallengeType.from(challenge),
    );
    return ChallengeConnection.of(
      page,
      () => ctx.recommendations.countOpen(viewerId),
      async () => [],
    );
  }
}
