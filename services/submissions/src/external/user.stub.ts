import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of the solvers context's User; this context contributes `submissions`. */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): UserRef {
    return Object.assign(new UserRef(), { id });
  }
}
