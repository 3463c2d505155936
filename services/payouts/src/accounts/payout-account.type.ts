import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { PayoutAccountEntity } from './payout-account.entity';

export enum PayoutAccountStatus {
  NOT_STARTED = 'NOT_STARTED',
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  RESTRICTED = 'RESTRICTED',
}
registerEnumType(PayoutAccountStatus, { name: 'PayoutAccountStatus' });

@ObjectType('PayoutAccount', { description: "The viewer's Stripe Connect account for receiving prize money." })
export class PayoutAccountType {
  @Field(() => PayoutAccountStatus)
  status!: PayoutAccountStatus;

  @Field(() => [String], { description: 'What Stripe still needs before transfers can be received.' })
  requirementsDue!: string[];

  static from(entity: PayoutAccountEntity | null): PayoutAccountType {
    return Object.assign(new PayoutAccountType(), {
      status: (entity?.status ?? 'NOT_STARTED') as PayoutAccountStatus,
      requirementsDue: entity?.requirementsDue ?? [],
    });
  }
}
