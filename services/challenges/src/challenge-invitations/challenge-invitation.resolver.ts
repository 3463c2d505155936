import { requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ChallengeNotFoundError } from '../challenges/challenge.errors';
import { ChallengeType } from '../challenges/challenge.type';
import type { ChallengesContext } from '../context';
import { UserRef } from '../external/user.stub';
import { InviteToChallengeInput, RespondToChallengeInvitationInput, RevokeChallengeInvitationInput } from './challenge-invitation.inputs';
import { ChallengeInvitationType, InviteToChallengePayload, RespondToChallengeInvitationPayload, RevokeChallengeInvitationPayload } from './challenge-invitation.type';

@Resolver(() => ChallengeInvitationType)
export class ChallengeInvitationResolver {
  @FieldResolver(() => ChallengeType, { description: 'Readable by the invitee even when the challenge is INVITE_ONLY (the invitee reaches only invitations to published challenges).' })
  async challenge(@Root() invitation: ChallengeInvitationType, @Ctx() ctx: ChallengesContext): Promise<ChallengeType> {
    const challenge = await ctx.loaders.challengeById.load(invitation.challengeId);
    if (!challenge) throw new ChallengeNotFoundError(invitation.challengeId); // foreign key: cannot happen
    return ChallengeType.from(challenge);
  }

  @Mutation(() => InviteToChallengePayload, {
    description:
      'Invites people by email to judge (JUDGE) or enter (PARTICIPANT, INVITE_ONLY challenges only: BAD_USER_INPUT role) a challenge; each is mailed. OWNER or ADMIN only; DRAFT, OPEN or JUDGING (FAILED_PRECONDITION otherwise); 1 to 50 addresses (BAD_USER_INPUT emails naming a bad one); at most 50 JUDGE invitations per challenge (FAILED_PRECONDITION). An address invited already gets its invitation back, renewed (PENDING, mailed again) when declined, revoked or expired. A DRAFT\'s invitations are mailed, and shown to the invitees, when it is published (their 30 days start then).',
  })
  async inviteToChallenge(@Arg('input', () => InviteToChallengeInput) input: InviteToChallengeInput, @Ctx() ctx: ChallengesContext): Promise<InviteToChallengePayload> {
    const viewerId = requireUser(ctx.identity);
    const invitations = await ctx.challengeInvitations.invite(viewerId, input);
    const now = new Date();
    return Object.assign(new InviteToChallengePayload(), { invitations: invitations.map((i) => ChallengeInvitationType.from(i, now)) });
  }

  @Mutation(() => RespondToChallengeInvitationPayload, {
    description:
      "The invitee (signed in with the invited address) accepts or declines a PENDING invitation (FAILED_PRECONDITION otherwise, EXPIRED included); anyone else, or while the challenge is a DRAFT: NOT_FOUND. Someone who submitted to the challenge cannot accept to judge it (FAILED_PRECONDITION).",
  })
  async respondToChallengeInvitation(
    @Arg('input', () => RespondToChallengeInvitationInput) input: RespondToChallengeInvitationInput,
    @Ctx() ctx: ChallengesContext,
  ): Promise<RespondToChallengeInvitationPayload> {
    const viewerId = requireUser(ctx.identity);
    const { invitation, challenge } = await ctx.challengeInvitations.respond(viewerId, input);
    ctx.loaders.primeChallenge(challenge);
    ctx.invitationLoaders.viewerChallengeRoles.clear(challenge.id);
    return Object.assign(new RespondToChallengeInvitationPayload(), { invitation: ChallengeInvitationType.from(invitation), challenge: ChallengeType.from(challenge) });
  }

  @Mutation(() => RevokeChallengeInvitationPayload, {
    description: 'Withdraws an invitation (a judge or participant who had accepted loses the role). OWNER or ADMIN only; an invitation already revoked is returned as it is.',
  })
  async revokeChallengeInvitation(
    @Arg('input', () => RevokeChallengeInvitationInput) input: RevokeChallengeInvitationInput,
    @Ctx() ctx: ChallengesContext,
  ): Promise<RevokeChallengeInvitationPayload> {
    const viewerId = requireUser(ctx.identity);
    const invitation = await ctx.challengeInvitations.revoke(viewerId, input.invitationId);
    return Object.assign(new RevokeChallengeInvitationPayload(), { invitation: ChallengeInvitationType.from(invitation) });
  }
}

@Resolver(() => UserRef)
export class UserChallengeInvitationsResolver {
  @FieldResolver(() => [ChallengeInvitationType], {
    description: "Invitations to judge or enter challenges sent to the user's email, every status, the newest 50, newest first; only the viewer's own (empty for anyone else).",
  })
  async challengeInvitations(@Root() user: UserRef, @Ctx() ctx: ChallengesContext): Promise<ChallengeInvitationType[]> {
    if (!ctx.viewerId || user.id !== ctx.viewerId) return [];
    const invitations = await ctx.challengeInvitations.invitationsOf(ctx.viewerId);
    const now = new Date();
    return invitations.map((i) => ChallengeInvitationType.from(i, now));
  }
}
