import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SolversContext } from '../context';
import { LogOutInput, RefreshSessionInput } from './session.inputs';
import { LogOutPayload, RefreshSessionPayload } from './session.type';

@Resolver()
export class SessionResolver {
  @Mutation(() => RefreshSessionPayload, {
    description: 'A new access token for the session of a refresh token (the same refresh token). No sign-in needed. A session that has ended: UNAUTHENTICATED.',
  })
  async refreshSession(@Arg('input', () => RefreshSessionInput) input: RefreshSessionInput, @Ctx() ctx: SolversContext): Promise<RefreshSessionPayload> {
    const { user, ...session } = await ctx.sessions.refresh(input);
    return RefreshSessionPayload.from(session, user);
  }

  @Mutation(() => LogOutPayload, { description: 'Ends the session of a refresh token; its access token lives until it expires. Always true.' })
  async logOut(@Arg('input', () => LogOutInput) input: LogOutInput, @Ctx() ctx: SolversContext): Promise<LogOutPayload> {
    await ctx.sessions.logOut(input);
    return Object.assign(new LogOutPayload(), { loggedOut: true });
  }
}
