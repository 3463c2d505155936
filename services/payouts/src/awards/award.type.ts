import { MoneyType } from '@ideagora/subgraph-kit';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeRef } from '../external/challenge.stub';
import { SubmissionRef } from '../external/submission.stub';

export enum PayoutStatus {
  HELD = 'HELD',
  PROCESSING = 'PROCESSING',
  PAID = 'PAID',
  FAILED = 'FAILED',
  REVERSED = 'REVERSED',
}
registerEnumType(PayoutStatus, { name: 'PayoutStatus' });

@ObjectType('Award')
@Directive('@key(fields: "id")')
export class AwardType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  prizeRank!: number;

  @Field(() => ChallengeRef)
  challenge!: ChallengeRef;

  @Field(() => SubmissionRef, { nullable: true, description: 'Null when the viewer may not see the (sealed) submission.' })
  submission!: SubmissionRef | null;

  @Field(() => [PayoutType])
  payouts!: PayoutType[];

  @Field(() => Date)
  awardedAt!: Date;
}

@ObjectType('Payout')
@Directive('@key(fields: "id")')
export class PayoutType {
  @Field(() => ID)
  id!: string;

  @Field(() => PayoutStatus)
  status!: PayoutStatus;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => AwardType)
  award!: AwardType;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;
}

@InputType('AwardPrizeInput')
export class AwardPrizeInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => Int)
  prizeRank!: number;

  @Field(() => ID)
  submissionId!: string;
}

@ObjectType('AwardPrizePayload')
export class AwardPrizePayload {
  @Field(() => AwardType)
  award!: AwardType;
}
