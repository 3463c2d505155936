import { Field, ID, InputType } from 'type-graphql';

@InputType('AcceptChallengeTermsInput')
export class AcceptChallengeTermsInput {
  @Field(() => ID)
  challengeId!: string;
}

@InputType('SubmitSolutionInput')
export class SubmitSolutionInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => String, { description: '1 to 200 characters.' })
  title!: string;

  @Field(() => String, { description: '1 to 100,000 characters.' })
  body!: string;
}

@InputType('ShortlistSubmissionInput')
export class ShortlistSubmissionInput {
  @Field(() => ID)
  submissionId!: string;

  @Field(() => Boolean, { description: 'true puts the submission on the shortlist, false takes it off.' })
  shortlisted!: boolean;
}
