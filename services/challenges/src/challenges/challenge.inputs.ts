import { Field, ID, InputType, Int } from 'type-graphql';
import { ChallengeKind, ChallengeStatus, ChallengeVisibility } from './challenge.domain';

@InputType('PrizeInput')
export class PrizeInput {
  @Field(() => Int, { description: 'Positive, unique within the challenge (1 = first prize).' })
  rank!: number;

  @Field(() => String, { description: '1 to 80 characters.' })
  label!: string;

  @Field(() => String, { description: "Positive integer minor units of the challenge's currency, as a decimal string." })
  amountMinor!: string;
}

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
}

@InputType('UpdateChallengeInput', { description: 'Absent (or null) fields are unchanged; give at least one. Each field follows createChallenge\'s rules.' })
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
    description: 'In the future, at most two years ahead. DRAFT: any such date. OPEN: only later than the current deadline (extend, never shorten).',
  })
  submissionDeadline?: Date | null;
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
