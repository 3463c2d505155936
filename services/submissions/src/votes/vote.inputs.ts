import { Field, ID, InputType } from 'type-graphql';

@InputType('CastVoteInput')
export class CastVoteInput {
  @Field(() => ID, { description: 'A public entry of a challenge whose voting is open.' })
  submissionId!: string;
}

@InputType('WithdrawVoteInput')
export class WithdrawVoteInput {
  @Field(() => ID, { description: 'An entry the viewer voted for.' })
  submissionId!: string;
}
