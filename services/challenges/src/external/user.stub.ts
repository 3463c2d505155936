import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of solvers' User; this context contributes `User.organizations`. */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): UserRef {
    return Object.assign(new UserRef(), { id });
  }
}
