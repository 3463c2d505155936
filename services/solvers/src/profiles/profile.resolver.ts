import { requireUser, requiredId } from '@ideagora/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SolversContext } from '../context';
import { UserType } from '../users/user.type';
import { canReadProfile } from './profile.domain';
import { UpdateProfileInput } from './profile.inputs';
import { UpdateProfilePayload } from './profile.type';

@Resolver(() => UserType)
export class ProfileResolver {
  @Query(() => UserType, {
    nullable: true,
    description: "A user's profile: null when the user is unknown or keeps their profile private (the viewer always reads their own).",
  })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: SolversContext): Promise<UserType | null> {
    const user = await ctx.loaders.userById.load(requiredId(id, 'id'));
    if (!user || !canReadProfile(user, ctx.identity.userId)) return null;
    return UserType.from(user, ctx.identity.userId);
  }

  @Mutation(() => UpdateProfilePayload, { description: "Changes the viewer's profile (ProfileChanged). Signed-in only." })
  async updateProfile(@Arg('input', () => UpdateProfileInput) input: UpdateProfileInput, @Ctx() ctx: SolversContext): Promise<UpdateProfilePayload> {
    const userId = requireUser(ctx.identity);
    const user = await ctx.profiles.updateProfile(userId, input);
    return Object.assign(new UpdateProfilePayload(), { viewer: UserType.from(user, userId) });
  }
}
