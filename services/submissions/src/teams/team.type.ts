import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeRef } from '../external/challenge.stub';
import { UserRef } from '../external/user.stub';
import { SplitStatus } from './team.domain';
import type { TeamInvitationSnapshot, TeamInvitationStatusName, TeamSnapshot } from './team.entity';

registerEnumType(SplitStatus, {
  name: 'SplitStatus',
  description: 'PROPOSED: waiting for every member to agree (the team cannot submit). AGREED: every member agreed; this split is in force.',
});

export enum TeamInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(TeamInvitationStatus, { name: 'TeamInvitationStatus', description: 'A PENDING invitation past its expiry (14 days) reads EXPIRED.' });

@ObjectType('TeamMember')
export class TeamMemberType {
  @Field(() => UserRef)
  user!: UserRef;

  @Field(() => Int, { description: "The member's share of a prize in the split in force or proposed, in basis points (10,000 = all)." })
  shareBasisPoints!: number;

  @Field(() => Date)
  joinedAt!: Date;
}

@ObjectType('SplitShare')
export class SplitShareType {
  @Field(() => UserRef)
  user!: UserRef;

  @Field(() => Int, { description: 'Basis points of a prize (10,000 = all).' })
  basisPoints!: number;

  @Field(() => Date, { nullable: true, description: 'When this member agreed to this version; null while they have not.' })
  agreedAt!: Date | null;
}

@ObjectType('Split', {
  description:
    "How a prize to the team is divided between its members: basis points summing to 10,000, every member listed once in join order. A prize is divided by the largest-remainder method in minor units (ties to the earlier member), so the parts always add up to the prize.",
})
export class SplitType {
  @Field(() => Int, { description: 'Bumped by every proposal, join and leave; agreeToPrizeSplit names it.' })
  version!: number;

  @Field(() => SplitStatus)
  status!: SplitStatus;

  @Field(() => Boolean, {
    description: 'An equal split (proposeEqualPrizeSplit): divided 1:1 whatever the rounded basis points shown (3 members: 3334/3333/3333 shown, thirds paid).',
  })
  equal!: boolean;

  @Field(() => [SplitShareType])
  shares!: SplitShareType[];
}

@ObjectType('Team', {
  description:
    "Solvers entering one challenge together, who share a prize by an agreed split. Readable by its members and by the sponsoring organization's OWNERs and ADMINs (and, for a pending invitation, by its invitee); to anyone else it does not exist.",
})
@Directive('@key(fields: "id")')
export class TeamType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ChallengeRef)
  challenge!: ChallengeRef;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => [TeamMemberType], { description: 'In join order.' })
  members!: TeamMemberType[];

  @Field(() => SplitType)
  split!: SplitType;

  // `submission` is a field resolver (TeamResolver).

  /** Not exposed. */
  challengeId!: string;
  submissionId!: string | null;
  memberIds!: string[];

  static from(team: TeamSnapshot): TeamType {
    return Object.assign(new TeamType(), {
      id: team.id,
      name: team.name,
      challenge: ChallengeRef.of(team.challengeId),
      createdAt: team.createdAt,
      members: team.members.map((m) => Object.assign(new TeamMemberType(), { user: UserRef.of(m.userId), shareBasisPoints: m.shareBasisPoints, joinedAt: m.joinedAt })),
      split: Object.assign(new SplitType(), {
        version: team.split.version,
        status: team.split.status,
        equal: team.split.equal,
        shares: team.split.shares.map((s) => Object.assign(new SplitShareType(), { user: UserRef.of(s.userId), basisPoints: s.basisPoints, agreedAt: s.agreedAt })),
      }),
      challengeId: team.challengeId,
      submissionId: team.submissionId,
      memberIds: team.members.map((m) => m.userId),
    });
  }
}

@ObjectType('TeamInvitation', { description: 'An invitation by email to join a team; the invitee answers it with respondToTeamInvitation.' })
export class TeamInvitationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The address invited (trimmed, lower-case).' })
  email!: string;

  @Field(() => TeamInvitationStatus)
  status!: TeamInvitationStatus;

  @Field(() => Date)
  invitedAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => UserRef, { description: 'The member who invited.' })
  invitedBy!: UserRef;

  // `team` is a field resolver (TeamInvitationResolver).

  /** Not exposed. */
  teamId!: string;

  static from(invitation: TeamInvitationSnapshot, now: Date): TeamInvitationType {
    return Object.assign(new TeamInvitationType(), {
      id: invitation.id,
      email: invitation.email,
      status: TeamInvitationStatus[effectiveStatus(invitation, now)],
      invitedAt: invitation.invitedAt,
      expiresAt: invitation.expiresAt,
      invitedBy: UserRef.of(invitation.invitedBy),
      teamId: invitation.teamId,
    });
  }
}

export function effectiveStatus(invitation: { status: TeamInvitationStatusName; expiresAt: Date }, now: Date): TeamInvitationStatusName {
  return invitation.status === 'PENDING' && invitation.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : invitation.status;
}

@ObjectType('CreateTeamPayload')
export class CreateTeamPayload {
  @Field(() => TeamType)
  team!: TeamType;
}

@ObjectType('InviteTeamMemberPayload')
export class InviteTeamMemberPayload {
  @Field(() => TeamInvitationType)
  invitation!: TeamInvitationType;
}

@ObjectType('RespondToTeamInvitationPayload')
export class RespondToTeamInvitationPayload {
  @Field(() => TeamInvitationType)
  invitation!: TeamInvitationType;

  @Field(() => TeamType, { nullable: true, description: 'The team joined; null when declining.' })
  team!: TeamType | null;
}

@ObjectType('TeamPayload', { description: 'The team after the change.' })
export class TeamPayload {
  @Field(() => TeamType)
  team!: TeamType;
}

@ObjectType('LeaveTeamPayload')
export class LeaveTeamPayload {
  @Field(() => ID)
  teamId!: string;

  @Field(() => Boolean, { description: 'The team had no member left and no submission: it is gone.' })
  dissolved!: boolean;
}
