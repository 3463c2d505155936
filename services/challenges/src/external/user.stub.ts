import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** Key-only stub of solvers' User; this context contributes `User.organizations`. */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;

  /** solvers' (the viewer's own; null for others), required by `recommendedChallenges` to read its latest skills. */
  @Field(() => Int, { nullable: true })
  @Directive('@external')
  profileVersion?: number | null;

  static of(id: string, profileVersion?: number | null): UserRef {
    return Object.assign(new UserRef(), { id, profileVersion: profileVersion ?? null });
  }
}
