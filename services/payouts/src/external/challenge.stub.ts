import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Challenge')
@Directive('@key(fields: "id")')
export class ChallengeRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Prize')
@Directive('@key(fields: "challengeId rank")')
export class PrizeRef {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => Int)
  rank!: number;
}
