import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Submission')
@Directive('@key(fields: "id", resolvable: false)')
export class SubmissionRef {
  @Field(() => ID)
  id!: string;
}
