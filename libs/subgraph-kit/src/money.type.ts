import { Directive, Field, ObjectType } from 'type-graphql';
import type { Money } from '@ideagora/money';

/** Exact money for the API: integer minor units as a decimal string plus the ISO 4217 code. */
@ObjectType('Money')
@Directive('@shareable')
export class MoneyType {
  @Field(() => String, { description: 'Integer minor units as a decimal string, e.g. "150000" = 1,500.00 USD.' })
  amountMinor!: string;

  @Field(() => String, { description: 'ISO 4217 currency code.' })
  currency!: string;

  static of(money: Money): MoneyType {
    return Object.assign(new MoneyType(), { amountMinor: money.amountMinor.toString(), currency: money.currency });
  }
}
