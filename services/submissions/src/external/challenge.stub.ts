import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of the challenges context's Challenge; this context contributes its submission fields. */
@ObjectType('Challenge')
@Directive('@key(fields: "id")')
export class ChallengeRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): ChallengeRef {
    return Object.assign(new ChallengeRef(), { id });
  }
}
