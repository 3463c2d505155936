import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SolversContext } from '../context';
import { RequestPasswordResetInput, ResetPasswordInput } from './password-reset.inputs';
import { RequestPasswordResetPayload, ResetPasswordPayload } from './password-reset.type';

@Resolver()
export class PasswordResetResolver {
  @Mutation(() => RequestPasswordResetPayload, { description: 'Mails a reset link (valid 60 minutes, once) if the email has an account. No sign-in needed.' })
  async requestPasswordReset(
    @Arg('input', () => RequestPasswordResetInput) input: RequestPasswordResetInput,
    @Ctx() ctx: SolversContext,
  ): Promise<RequestPasswordResetPayload> {
    await ctx.passwordResets.requestPasswordReset(input);
    return Object.assign(new RequestPasswordResetPayload(), { accepted: true });
  }

  @Mutation(() => ResetPasswordPayload, { description: 'Sets a new password with the token of a reset link, ends every session of the user, and signs the user in (a new session).' })
  async resetPassword(@Arg('input', () => ResetPasswordInput) input: ResetPasswordInput, @Ctx() ctx: SolversContext): Promise<ResetPasswordPayload> {
    const { session, user } = await ctx.passwordResets.resetPassword(input);
    return ResetPasswordPayload.from(session, user);
  }
}
