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

  @Field(() => ID, {
    nullable: true,
    description:
      "Submit as this team: a new version of the team's one submission (any member). Its split must be AGREED (FAILED_PRECONDITION otherwise); not a member: NOT_FOUND. A team member submitting without it: CONFLICT field teamId.",
  })
  teamId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "This version's files, in order (createAttachmentUpload, then the PUT): at most 10 (BAD_USER_INPUT attachmentIds), no duplicates (BAD_USER_INPUT attachmentIds[i]), each uploaded by the caller (or already a file of this submission), else NOT_FOUND attachmentIds[i]; READY once verified (REJECTED or not uploaded: FAILED_PRECONDITION attachmentIds[i], the reason in words). Absent: none. Each version keeps its own list.",
  })
  attachmentIds?: string[] | null;
}

@InputType('ShortlistSubmissionInput')
export class ShortlistSubmissionInput {
  @Field(() => ID)
  submissionId!: string;

  @Field(() => Boolean, { description: 'true puts the submission on the shortlist, false takes it off.' })
  shortlisted!: boolean;
}
