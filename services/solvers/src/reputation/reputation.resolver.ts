import { BadUserInputError, decodeCursor, encodeCursor, MoneyType, optionalText, pageSize, toConnection } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { SolversContext } from '../context';
import { PROFILE_RULES, skillKey } from '../profiles/profile.domain';
import { UserType } from '../users/user.type';
import { EMPTY_REPUTATION, type LeaderboardPosition } from './reputation.service';
import { LeaderboardConnection, LeaderboardEntryType, ReputationType } from './reputation.type';

@Resolver(() => UserType)
export class UserReputationResolver {
  @FieldResolver(() => ReputationType, {
    nullable: true,
    description: "The user's reputation; null for a private profile that is not the viewer's (as the profile's other fields).",
  })
  async reputation(@Root() user: UserType, @Ctx() ctx: SolversContext): Promise<ReputationType | null> {
    if (!user.profileReadable) return null;
    const record = await ctx.reputationLoaders.reputationByUserId.load(user.id);
    return ReputationType.from(record ?? EMPTY_REPUTATION, user.id);
  }
}

@Resolver(() => ReputationType)
export class ReputationResolver {
  @FieldResolver(() => [MoneyType], { description: 'Prize money won, one total per currency (a team member: their part), in currency order.' })
  async totalsWon(@Root() reputation: ReputationType, @Ctx() ctx: SolversContext): Promise<MoneyType[]> {
    return ctx.reputationLoaders.totalsWonByUserId.load(reputation.userId);
  }
}

@Resolver(() => LeaderboardEntryType)
export class LeaderboardResolver {
  @Query(() => LeaderboardConnection, {
    description:
      'Public profiles ranked by reputation.score (highest first; equal scores by user id). `skill`: only the users with that skill (case-insensitive, exact). `rank` continues across pages (it is carried by the cursor).',
  })
  async leaderboard(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('skill', () => String, { nullable: true }) skill: string | null,
    @Ctx() ctx: SolversContext,
  ): Promise<LeaderboardConnection> {
    const limit = pageSize(first);
    const position = after == null ? null : leaderboardPosition(after);
    const skillText = optionalText(skill, 'skill', { max: PROFILE_RULES.SKILL_MAX });
    const rows = await ctx.reputations.leaderboard(limit + 1, position, skillText === null ? null : skillKey(skillText));
    const users = await ctx.loaders.userById.loadMany(rows.slice(0, limit).map((row) => row.userId));
    const byId = new Map(users.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u] as const] : [])));
    // Accounts are never deleted; a row whose user could not be loaded is left out rather than shown half.
    const listed = rows.filter((row, index) => index >= limit || byId.has(row.userId));
    const connection = toConnection(
      listed,
      limit,
      (row) => encodeCursor([row.score, row.userId, row.rank]),
      (row) =>
        Object.assign(new LeaderboardEntryType(), {
          rank: row.rank,
          user: UserType.from(byId.get(row.userId)!, ctx.identity.userId),
          reputation: ReputationType.from(row, row.userId),
        }),
    );
    return Object.assign(new LeaderboardConnection(), connection);
  }
}

/** The position a leaderboard cursor resumes after: (score, user id, rank of that row). */
function leaderboardPosition(cursor: string): LeaderboardPosition {
  const [score, userId, rank] = decodeCursor(cursor, ['int', 'uuid', 'int']);
  if (rank < 1 || score < 0) throw new BadUserInputError('after', 'is not a valid cursor');
  return { score, userId, rank };
}
