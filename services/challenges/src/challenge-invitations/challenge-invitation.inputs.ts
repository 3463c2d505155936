import { Field, ID, InputType } from 'type-graphql';
import { ChallengeInvitationRole } from './challenge-invitation.domain';

@InputType('InviteToChallengeInput')
export class InviteToChallengeInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => [String], { description: '1 to 50 email addresses (lower-cased). Inviting an address again returns its invitation (renewed when declined, revoked or expired).' })
  emails!: string[];

  @Field(() => ChallengeInvitationRole, { description: 'PARTICIPANT only for an INVITE_ONLY challenge.' })
  role!: ChallengeInvitationRole;
}

@InputType('RespondToChallengeInvitationInput')
export class RespondToChallengeInvitationInput {
  @Field(() => ID)
  invitationId!: string;

  @Field(() => Boolean)
  accept!: boolean;
}

@InputType('RevokeChallengeInvitationInput')
export class RevokeChallengeInvitationInput {
  @Field(() => ID)
  invitationId!: string;
}
