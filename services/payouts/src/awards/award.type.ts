import { MoneyType } from '@ideagora/subgraph-kit';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeRef } from '../external/challenge.stub';
import { SubmissionRef } from '../external/submission.stub';
import type { AwardEntity, PayoutEntity } from './award.entity';

export enum PayoutStatus {
  HELD = 'HELD',
  PROCESSING = 'PROCESSING',
  PAID = 'PAID',
  FAILED = 'FAILED',
  REVERSED = 'REVERSED',
}
registerEnumType(PayoutStatus, { name: 'PayoutStatus' });

@ObjectType('Award', { description: 'A prize given to a submission. Winners are public.' })
@Directive('@key(fields: "id")')
export class AwardType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  prizeRank!: number;

  @Field(() => ChallengeRef)
  challenge!: ChallengeRef;

  @Field(() => SubmissionRef, { nullable: true, description: 'The winning submission (its content stays sealed by the submissions context).' })
  submission!: SubmissionRef | null;

  // Resolved by AwardFieldsResolver.payouts.
  payouts?: PayoutType[];

  @Field(() => Date)
  awardedAt!: Date;

  static from(entity: AwardEntity): AwardType {
    return Object.assign(new AwardType(), {
      id: entity.id,
      prizeRank: entity.prizeRank,
      challenge: Object.assign(new ChallengeRef(), { id: entity.challengeId }),
      submission: Object.assign(new SubmissionRef(), { id: entity.submissionId }),
      awardedAt: entity.awardedAt,
    });
  }
}

@ObjectType('Payout', { description: 'Prize money owed to a winner, released from escrow through a Stripe transfer.' })
@Directive('@key(fields: "id")')
export class PayoutType {
  @Field(() => ID)
  id!: string;

  @Field(() => PayoutStatus)
  status!: PayoutStatus;

  @Field(() => MoneyType)
  amount!: MoneyType;

  // `award` and `failureReason` are resolved by PayoutFieldsResolver from these.
  awardId!: string;
  challengeId!: string;
  winnerId!: string;
  storedFailureReason!: string | null;

  static from(entity: PayoutEntity): PayoutType {
    return Object.assign(new PayoutType(), {
      id: entity.id,
      status: entity.status as PayoutStatus,
      amount: MoneyType.of({ amountMinor: entity.amountMinor, currency: entity.currency.trim() }),
      awardId: entity.awardId,
      challengeId: entity.challengeId,
      winnerId: entity.winnerId,
      storedFailureReason: entity.failureReason ?? null,
    });
  }
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
