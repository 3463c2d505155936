import { Field, ID, InputType } from 'type-graphql';

@InputType('SubmitSolutionInput')
export class SubmitSolutionInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => String, { description: '1 to 200 characters.' })
  title!: string;

  @Field(() => String, { description: '1 to 100,000 characters.' })
  body!: string;
}
