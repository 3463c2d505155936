import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;
}
