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

export function toFundingType(entity: import('./funding.entity').FundingEntity, { showSecret }: { showSecret: boolean }): FundingType {
  return Object.assign(new FundingType(), {
    id: entity.id,
    status: entity.status as FundingStatus,
    paymentIntentId: showSecret ? (entity.paymentIntentId ?? null) : null,
    clientSecret: showSecret ? (entity.clientSecret ?? null) : null,
    amount: MoneyType.of({ amountMinor: entity.amountMinor, currency: entity.currency }),
    platformFee: MoneyType.of({ amountMinor: entity.feeMinor, currency: entity.currency }),
    failureReason: entity.failureReason ?? null,
  });
}

@ObjectType('EscrowSummary', { description: "Where a challenge's money is: for the sponsor's owners and admins." })
export class EscrowSummaryType {
  @Field(() => MoneyType, { description: 'Charged to the sponsor: prize pool plus fee.' })
  funded!: MoneyType;

  @Field(() => MoneyType)
  platformFee!: MoneyType;

  @Field(() => MoneyType, { description: 'Awarded to winners (paid or not yet).' })
  awarded!: MoneyType;

  @Field(() => MoneyType, { description: 'Transferred to winners.' })
  paid!: MoneyType;

  @Field(() => MoneyType, { description: 'Returned to the sponsor.' })
  refunded!: MoneyType;

  @Field(() => MoneyType, { description: 'Still held for this challenge.' })
  inEscrow!: MoneyType;
}
