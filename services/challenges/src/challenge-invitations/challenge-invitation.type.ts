import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeType } from '../challenges/challenge.type';
import { ChallengeInvitationRole, ChallengeInvitationStatus, ChallengeRole, effectiveStatus } from './challenge-invitation.domain';
import type { ChallengeInvitationEntity } from './challenge-invitation.entity';

registerEnumType(ChallengeRole, {
  name: 'ChallengeRole',
  description: "What the viewer is to a challenge: OWNER/ADMIN/MEMBER of its organization, JUDGE or PARTICIPANT by an accepted invitation (PARTICIPANT also by a submission).",
});
registerEnumType(ChallengeInvitationRole, { name: 'ChallengeInvitationRole', description: 'JUDGE: reads and scores the sealed submissions. PARTICIPANT: may enter an INVITE_ONLY challenge.' });
registerEnumType(ChallengeInvitationStatus, {
  name: 'ChallengeInvitationStatus',
  valuesConfig: { EXPIRED: { description: 'Pending for 30 days without an answer: can no longer be accepted (inviting again renews it).' } },
});

@ObjectType('ChallengeInvitation', { description: 'An invitation by email to judge or enter one challenge (inviteToChallenge).' })
export class ChallengeInvitationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The address invited, lower-cased.' })
  email!: string;

  @Field(() => ChallengeInvitationRole)
  role!: ChallengeInvitationRole;

  @Field(() => ChallengeInvitationStatus)
  status!: ChallengeInvitationStatus;

  // `challenge` is a field resolver (ChallengeInvitationResolver).

  @Field(() => Date, { description: 'A PENDING invitation can be accepted until then (30 days after it was sent or renewed).' })
  expiresAt!: Date;

  @Field(() => Date)
  createdAt!: Date;

  /** Not in the schema: for the field resolver. */
  challengeId!: string;

  static from(entity: ChallengeInvitationEntity, now: Date = new Date()): ChallengeInvitationType {
    return Object.assign(new ChallengeInvitationType(), {
      id: entity.id,
      email: entity.email,
      role: entity.role,
      status: effectiveStatus(entity, now),
      expiresAt: entity.expiresAt,
      createdAt: entity.createdAt,
      challengeId: entity.challengeId,
    });
  }
}

@ObjectType('InviteToChallengePayload')
export class InviteToChallengePayload {
  @Field(() => [ChallengeInvitationType], { description: 'One per address, in the order given.' })
  invitations!: ChallengeInvitationType[];
}

@ObjectType('RespondToChallengeInvitationPayload')
export class RespondToChallengeInvitationPayload {
  @Field(() => ChallengeInvitationType)
  invitation!: ChallengeInvitationType;

  @Field(() => ChallengeType)
  challenge!: ChallengeType;
}

@ObjectType('RevokeChallengeInvitationPayload')
export class RevokeChallengeInvitationPayload {
  @Field(() => ChallengeInvitationType)
  invitation!: ChallengeInvitationType;
}
