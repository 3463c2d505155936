import { Field, ID, InputType, Int } from 'type-graphql';
import { ChallengeKind, ChallengeStatus, ChallengeVisibility, SubmissionVisibility } from './challenge.domain';

@InputType('PrizeInput')
export class PrizeInput {
  @Field(() => Int, { description: 'Positive, unique within the challenge (1 = first prize).' })
  rank!: number;

  @Field(() => String, { description: '1 to 80 characters.' })
  label!: string;

  @Field(() => String, { description: "Positive integer minor units of the challenge's currency, as a decimal string: what each place of the prize receives." })
  amountMinor!: string;

  @Field(() => Int, { nullable: true, description: 'How many different submissions the prize can be awarded to (1 to 10,000; default 1); at most 10,000 places in all. The pool counts amountMinor x quantity.' })
  quantity?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Default false. Awarded by the public vote when voting ends, its places to the top of the vote count; never by the sponsor nor by the judges' ranking. Needs a voting window (BAD_USER_INPUT prizes[i].communityChoice).",
  })
  communityChoice?: boolean | null;
}

@InputType('VotingInput', { description: 'The public vote\'s window.' })
export class VotingInput {
  @Field(() => Date, { description: 'Before endsAt. May be in the past at publication (voting opens at once). GALLERY_AFTER_CLOSE: not before the submission deadline (BAD_USER_INPUT voting.startsAt).' })
  startsAt!: Date;

  @Field(() => Date, { description: 'In the future, after startsAt, at the latest the judging deadline (BAD_USER_INPUT voting.endsAt). Publishing once it passed: FAILED_PRECONDITION.' })
  endsAt!: Date;
}

const SUBMISSION_VISIBILITY_INPUT =
  'Who reads the entries. SEALED (default): only the author, the sponsor\'s OWNER/ADMIN and the judges; GALLERY: everyone, as soon as submitted; GALLERY_AFTER_CLOSE: sealed while OPEN, everyone once submissions close.';
const VOTING_INPUT =
  'The public vote\'s window (optional): needs GALLERY or GALLERY_AFTER_CLOSE (BAD_USER_INPUT voting otherwise) and ends by the judging deadline.';

@InputType('CreateChallengeInput')
export class CreateChallengeInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { description: '3 to 140 characters.' })
  title!: string;

  @Field(() => String, { description: '1 to 500 characters.' })
  summary!: string;

  @Field(() => String, { description: '1 to 20,000 characters.' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What solvers must accept before submitting (IP transfer, confidentiality, eligibility); up to 20,000 characters. Absent or blank: no terms. Editable while DRAFT (updateChallenge), fixed once published.',
  })
  terms?: string | null;

  @Field(() => ChallengeKind)
  type!: ChallengeKind;

  @Field(() => ChallengeVisibility)
  visibility!: ChallengeVisibility;

  @Field(() => String, { description: 'ISO 4217 code of every prize.' })
  currency!: string;

  @Field(() => [PrizeInput], { description: '1 to 20 prizes.' })
  prizes!: PrizeInput[];

  @Field(() => Date, { description: 'In the future, at most two years ahead.' })
  submissionDeadline!: Date;

  @Field(() => Boolean, { nullable: true, description: 'Default false. The whole pool will be paid out: finishJudging refuses while a place is unawarded, the rules award what is left at the judging deadline, and the challenge cannot be cancelled once published.' })
  guaranteed?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'After submissionDeadline, at most 180 days after it; default 30 days after it.' })
  judgingDeadline?: Date | null;

  @Field(() => SubmissionVisibility, { nullable: true, description: SUBMISSION_VISIBILITY_INPUT })
  submissionVisibility?: SubmissionVisibility | null;

  @Field(() => VotingInput, { nullable: true, description: `${VOTING_INPUT} Absent or null: no public vote.` })
  voting?: VotingInput | null;
}

@InputType('UpdateChallengeInput', {
  description: 'Absent (or null) fields are unchanged, except voting (null removes the window); give at least one. Each field follows createChallenge\'s rules, and the challenge as edited must keep the voting rules (the window does not move with the deadlines).',
})
export class UpdateChallengeInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => String, { nullable: true, description: '3 to 140 characters. DRAFT only.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: '1 to 500 characters. DRAFT or OPEN.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: '1 to 20,000 characters. DRAFT or OPEN.' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Up to 20,000 characters; "" or blank removes the terms. DRAFT only: once published, solvers have accepted them.',
  })
  terms?: string | null;

  @Field(() => ChallengeKind, { nullable: true, description: 'DRAFT only.' })
  type?: ChallengeKind | null;

  @Field(() => ChallengeVisibility, { nullable: true, description: 'DRAFT only.' })
  visibility?: ChallengeVisibility | null;

  @Field(() => Date, {
    nullable: true,
    description: 'In the future, at most two years ahead. DRAFT: any such date. OPEN: only later than the current deadline (extend, never shorten). The judging deadline moves by the same amount (unless judgingDeadline is given).',
  })
  submissionDeadline?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'DRAFT only.' })
  guaranteed?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'DRAFT only. After the submission deadline, at most 180 days after it.' })
  judgingDeadline?: Date | null;

  @Field(() => SubmissionVisibility, { nullable: true, description: `DRAFT only. ${SUBMISSION_VISIBILITY_INPUT}` })
  submissionVisibility?: SubmissionVisibility | null;

  @Field(() => VotingInput, {
    nullable: true,
    description: `DRAFT only. ${VOTING_INPUT} Unlike the other fields, null removes the window (absent: unchanged); refused while a prize is a community-choice prize (BAD_USER_INPUT voting).`,
  })
  voting?: VotingInput | null;
}

@InputType('RubricCriterionInput')
export class RubricCriterionInput {
  @Field(() => String, { description: 'Matches ^[a-z][a-z0-9_]{0,31}$, unique within the rubric.' })
  key!: string;

  @Field(() => String, { description: '1 to 80 characters.' })
  label!: string;

  @Field(() => String, { description: '0 to 500 characters.' })
  description!: string;

  @Field(() => Int, { description: '1 to 100; the weights sum to 100.' })
  weightPercent!: number;
}

@InputType('SetJudgingRubricInput')
export class SetJudgingRubricInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => [RubricCriterionInput], { description: '1 to 10 criteria (BAD_USER_INPUT field criteria otherwise).' })
  criteria!: RubricCriterionInput[];
}

@InputType('AdvanceToFinalRoundInput')
export class AdvanceToFinalRoundInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => [ID], { description: '1 to 50 distinct submissions of this challenge.' })
  finalistSubmissionIds!: string[];

  @Field(() => Date, { description: 'In the future, at most 180 days ahead: round 2 closes then.' })
  finalRoundDeadline!: Date;
}

@InputType('ChallengeFilter')
export class ChallengeFilter {
  @Field(() => ChallengeStatus, { nullable: true })
  status?: ChallengeStatus | null;

  @Field(() => ChallengeKind, { nullable: true })
  type?: ChallengeKind | null;

  @Field(() => String, { nullable: true, description:
      'Search over title, summary, description and the sponsor\'s name, in web search syntax ("quoted phrase", -excluded, or); every word also matches as a prefix ("desal" finds "desalination").' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Minimum total prize in minor units, as a decimal string.' })
  minTotalPrizeMinor?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 4217 code (any case): only challenges whose prizes are in this currency. Give it with minTotalPrizeMinor: minor units of different currencies do not compare. BAD_USER_INPUT (field filter.currency) when not supported.',
  })
  currency?: string | null;
}
