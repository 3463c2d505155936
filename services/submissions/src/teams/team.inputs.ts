import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('CreateTeamInput')
export class CreateTeamInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => String, { description: '1 to 100 characters.' })
  name!: string;
}

@InputType('InviteTeamMemberInput')
export class InviteTeamMemberInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => String)
  email!: string;
}

@InputType('RespondToTeamInvitationInput')
export class RespondToTeamInvitationInput {
  @Field(() => ID)
  invitationId!: string;

  @Field(() => Boolean)
  accept!: boolean;
}

@InputType('SplitShareInput')
export class SplitShareInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => Int, { description: '0 to 10,000.' })
  basisPoints!: number;
}

@InputType('ProposePrizeSplitInput')
export class ProposePrizeSplitInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => [SplitShareInput], { description: 'Every member exactly once, summing to 10,000.' })
  shares!: SplitShareInput[];
}

@InputType('ProposeEqualPrizeSplitInput')
export class ProposeEqualPrizeSplitInput {
  @Field(() => ID)
  teamId!: string;
}

@InputType('AgreeToPrizeSplitInput')
export class AgreeToPrizeSplitInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => Int)
  splitVersion!: number;
}

@InputType('LeaveTeamInput')
export class LeaveTeamInput {
  @Field(() => ID)
  teamId!: string;
}
