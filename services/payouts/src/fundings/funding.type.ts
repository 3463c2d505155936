import { MoneyType } from '@ideagora/subgraph-kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum FundingStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(FundingStatus, { name: 'FundingStatus' });

@ObjectType('Funding', { description: "A challenge's prize pool plus platform fee, paid into escrow." })
@Directive('@key(fields: "id")')
export class FundingType {
  @Field(() => ID)
  id!: string;

  @Field(() => FundingStatus)
  status!: FundingStatus;

  @Field(() => String, { nullable: true })
  paymentIntentId!: string | null;

  @Field(() => String, { nullable: true, description: 'For the sponsor to confirm the payment; only shown to the sponsor.' })
  clientSecret!: string | null;

  @Field(() => MoneyType, { description: 'Prize pool plus platform fee.' })
  amount!: MoneyType;

  @Field(() => MoneyType)
  platformFee!: MoneyType;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;
}

@ObjectType('FundChallengePayload')
export class FundChallengePayload {
  @Field(() => FundingType)
  funding!: FundingType;
}
