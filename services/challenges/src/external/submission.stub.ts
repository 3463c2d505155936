import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of submissions' Submission (Challenge.finalists); the submissions subgraph resolves its fields. */
@ObjectType('Submission')
@Directive('@key(fields: "id", resolvable: false)')
export class SubmissionRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): SubmissionRef {
    return Object.assign(new SubmissionRef(), { id });
  }
}
