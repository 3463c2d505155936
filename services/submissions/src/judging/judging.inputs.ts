import { Field, ID, InputType } from 'type-graphql';

@InputType('CriterionScoreInput')
export class CriterionScoreInput {
  @Field(() => String, { description: "A key of the challenge's rubric." })
  criterionKey!: string;

  @Field(() => String, { description: 'From 0 to 10 with at most one decimal, as a decimal string ("7.5", "10", "0").' })
  value!: string;
}

@InputType('ScoreSubmissionInput')
export class ScoreSubmissionInput {
  @Field(() => ID)
  submissionId!: string;

  @Field(() => [CriterionScoreInput], { description: "Every criterion of the challenge's rubric exactly once (BAD_USER_INPUT field scores otherwise)." })
  scores!: CriterionScoreInput[];

  @Field(() => String, { nullable: true, description: 'At most 2,000 characters; shown to the author, without the judge\'s name, once the challenge is AWARDED.' })
  comment?: string | null;
}
