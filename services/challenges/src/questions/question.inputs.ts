import { Field, ID, InputType } from 'type-graphql';

@InputType('AskChallengeQuestionInput')
export class AskChallengeQuestionInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => String, { description: '10 to 2,000 characters (trimmed).' })
  question!: string;
}

@InputType('AnswerChallengeQuestionInput')
export class AnswerChallengeQuestionInput {
  @Field(() => ID)
  questionId!: string;

  @Field(() => String, { description: '1 to 5,000 characters (trimmed). Replaces the current answer, if any.' })
  answer!: string;

  @Field(() => Boolean, { description: 'true: the question and this answer are shown to everyone who can see the challenge (never the asker). false: only the asker and the sponsor see them.' })
  publish!: boolean;
}
