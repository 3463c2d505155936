import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SolversContext } from '../context';
import { LogInInput, SignUpInput } from './user.inputs';
import { AuthPayload, UserType } from './user.type';

@Resolver(() => UserType)
export class UserResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in user, or null.' })
  async viewer(@Ctx() ctx: SolversContext): Promise<UserType | null> {
    if (!ctx.identity.userId) return null;
    const user = await ctx.loaders.userById.load(ctx.identity.userId);
    return user ? UserType.from(user, ctx.identity.userId) : null;
  }

  @Mutation(() => AuthPayload)
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: SolversContext): Promise<AuthPayload> {
    const { session, user } = await ctx.users.signUp(input);
    return AuthPayload.from(session, user);
  }

  @Mutation(() => AuthPayload)
  async logIn(@Arg('input', () => LogInInput) input: LogInInput, @Ctx() ctx: SolversContext): Promise<AuthPayload> {
    const { session, user } = await ctx.users.logIn(input);
    return AuthPayload.from(session, user);
  }
}

/** `_entities` for User: as `UserType.from` shows it to the viewer (a private profile's fields only to its owner). */
export async function resolveUserReference(reference: { id: string }, ctx: SolversContext): Promise<UserType | null> {
  const user = await ctx.loaders.userById.load(reference.id);
  return user ? UserType.from(user, ctx.identity.userId) : null;
}
