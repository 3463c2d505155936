import { MoneyType } from '@ideagora/subgraph-kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeRef } from '../external/challenge.stub';
import type { FundingQuote } from './funding.domain';

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

  @Field(() => MoneyType, { description: 'Awarded to winners and not (or no longer) transferred: held for them, e.g. until they set up payouts.' })
  heldForWinners!: MoneyType;

  @Field(() => MoneyType, { description: 'Still held for this challenge and not awarded.' })
  inEscrow!: MoneyType;
}

@ObjectType('FundingQuote', { description: 'What funding a challenge costs, by the formula fundChallenge charges: shown before the payment.' })
export class FundingQuoteType {
  @Field(() => MoneyType)
  prizePool!: MoneyType;

  @Field(() => MoneyType)
  platformFee!: MoneyType;

  @Field(() => MoneyType, { description: 'What the card is charged: prize pool plus platform fee.' })
  total!: MoneyType;

  static of(quote: FundingQuote, currency: string): FundingQuoteType {
    const money = (amountMinor: bigint) => MoneyType.of({ amountMinor, currency });
    return Object.assign(new FundingQuoteType(), { prizePool: money(quote.prizePool), platformFee: money(quote.fee), total: money(quote.total) });
  }
}

@ObjectType('FundingLedgerFigures', { description: "The ledger's postings for a funding: what a receipt's figures must equal." })
export class FundingLedgerFiguresType {
  @Field(() => MoneyType, { description: 'Received at Stripe (stripe_cash).' })
  charged!: MoneyType;

  @Field(() => MoneyType, { description: "Moved into the challenge's escrow." })
  escrowed!: MoneyType;

  @Field(() => MoneyType, { description: 'Taken as the platform fee.' })
  platformFee!: MoneyType;
}

@ObjectType('FundingReceipt', { description: "A paid funding's receipt: for the sponsor's owners and admins only." })
export class FundingReceiptType {
  @Field(() => ID)
  fundingId!: string;

  @Field(() => ChallengeRef)
  challenge!: ChallengeRef;

  @Field(() => FundingStatus)
  status!: FundingStatus;

  @Field(() => Date, { description: 'When Stripe confirmed the payment.' })
  paidAt!: Date;

  @Field(() => MoneyType)
  prizePool!: MoneyType;

  @Field(() => MoneyType)
  platformFee!: MoneyType;

  @Field(() => MoneyType, { description: 'Charged to the sponsor: prize pool plus platform fee.' })
  total!: MoneyType;

  @Field(() => String, { nullable: true, description: "Stripe's PaymentIntent reference." })
  paymentIntentId!: string | null;

  @Field(() => String, { nullable: true, description: 'The card paid with, as Stripe names its brand ("visa", "mastercard"); null when not known.' })
  cardBrand!: string | null;

  @Field(() => String, { nullable: true, description: "The card's last four digits; null when not known." })
  cardLast4!: string | null;

  @Field(() => FundingLedgerFiguresType)
  ledger!: FundingLedgerFiguresType;
}

export interface FundingFigures {
  currency: string;
  charged: bigint;
  escrowed: bigint;
  fee: bigint;
}

export function toFundingReceipt(entity: import('./funding.entity').FundingEntity, figures: FundingFigures): FundingReceiptType {
  const money = (amountMinor: bigint, currency = entity.currency.trim()) => MoneyType.of({ amountMinor, currency });
  return Object.assign(new FundingReceiptType(), {
    fundingId: entity.id,
    challenge: Object.assign(new ChallengeRef(), { id: entity.challengeId }),
    status: entity.status as FundingStatus,
    paidAt: entity.succeededAt!,
    prizePool: money(entity.prizePoolMinor),
    platformFee: money(entity.feeMinor),
    total: money(entity.amountMinor),
    paymentIntentId: entity.paymentIntentId ?? null,
    cardBrand: entity.cardBrand ?? null,
    cardLast4: entity.cardLast4 ?? null,
    ledger: Object.assign(new FundingLedgerFiguresType(), {
      charged: money(figures.charged, figures.currency),
      escrowed: money(figures.escrowed, figures.currency),
      platformFee: money(figures.fee, figures.currency),
    }),
  });
}
