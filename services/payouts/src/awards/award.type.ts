import { MoneyType } from '@ideagora/subgraph-kit';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeRef, PrizeRef } from '../external/challenge.stub';
import { SubmissionRef } from '../external/submission.stub';
import { UserRef } from '../external/user.stub';
import type { AwardEntity, AwardSplit, PayoutEntity } from './award.entity';

export enum PayoutStatus {
  HELD = 'HELD',
  PROCESSING = 'PROCESSING',
  PAID = 'PAID',
  FAILED = 'FAILED',
  REVERSED = 'REVERSED',
}
registerEnumType(PayoutStatus, { name: 'PayoutStatus' });

@ObjectType('AwardShare', { description: "One member's line of the split an award to a team paid." })
export class AwardShareType {
  @Field(() => UserRef)
  user!: UserRef;

  @Field(() => Int, { description: 'Their share as agreed, in basis points (10,000 = the whole prize).' })
  basisPoints!: number;

  @Field(() => MoneyType, { description: 'Their part of the prize (largest-remainder division; zero: no payout).' })
  amount!: MoneyType;
}

@ObjectType('AwardSplit', { description: 'The split in force when the prize was awarded to a team: the one paid.' })
export class AwardSplitType {
  @Field(() => Int, { description: "The team's split version agreed by every member." })
  version!: number;

  @Field(() => [AwardShareType], { description: "Every member in the split's stated order." })
  shares!: AwardShareType[];

  static from(split: AwardSplit, currency: string): AwardSplitType {
    return Object.assign(new AwardSplitType(), {
      version: split.version,
      shares: split.shares.map((s) =>
        Object.assign(new AwardShareType(), {
          user: Object.assign(new UserRef(), { id: s.userId }),
          basisPoints: s.basisPoints,
          amount: MoneyType.of({ amountMinor: BigInt(s.amountMinor), currency }),
        }),
      ),
    });
  }
}

@ObjectType('Award', { description: 'A prize given to a submission. Winners are public.' })
@Directive('@key(fields: "id")')
export class AwardType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  prizeRank!: number;

  @Field(() => ChallengeRef)
  challenge!: ChallengeRef;

  @Field(() => PrizeRef, { description: 'The prize awarded (its name and amount come from the challenges context).' })
  prize!: PrizeRef;

  @Field(() => SubmissionRef, { nullable: true, description: 'The winning submission (its content stays sealed by the submissions context).' })
  submission!: SubmissionRef | null;

  // Resolved by AwardFieldsResolver.payouts and .split, from these.
  payouts?: PayoutType[];
  winnerId!: string | null;
  recordedSplit!: AwardSplit | null;

  @Field(() => MoneyType, { description: "What this award pays: the prize's amount, or a share of the unawarded places' money (automatic awards at the judging deadline)." })
  amount!: MoneyType;

  @Field(() => Boolean, { description: "Decided at the judging deadline by the challenge's rules (a guaranteed pool), not by the sponsor." })
  automatic!: boolean;

  @Field(() => Date)
  awardedAt!: Date;

  static from(entity: AwardEntity): AwardType {
    return Object.assign(new AwardType(), {
      id: entity.id,
      prizeRank: entity.prizeRank,
      amount: MoneyType.of({ amountMinor: entity.amountMinor, currency: entity.currency.trim() }),
      automatic: entity.automatic,
      challenge: Object.assign(new ChallengeRef(), { id: entity.challengeId }),
      prize: Object.assign(new PrizeRef(), { challengeId: entity.challengeId, rank: entity.prizeRank }),
      submission: Object.assign(new SubmissionRef(), { id: entity.submissionId }),
      awardedAt: entity.awardedAt,
      winnerId: entity.winnerId ?? null,
      recordedSplit: entity.split ?? null,
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

  @Field(() => Date, { nullable: true, description: "When the transfer reached the winner's Stripe account." })
  paidAt!: Date | null;

  // `award`, `recipient` and `failureReason` are resolved by PayoutFieldsResolver from these (winnerId: the recipient).
  awardId!: string;
  challengeId!: string;
  winnerId!: string;
  storedFailureReason!: string | null;

  static from(entity: PayoutEntity): PayoutType {
    return Object.assign(new PayoutType(), {
      id: entity.id,
      status: entity.status as PayoutStatus,
      amount: MoneyType.of({ amountMinor: entity.amountMinor, currency: entity.currency.trim() }),
      paidAt: entity.paidAt ?? null,
      awardId: entity.awardId,
      challengeId: entity.challengeId,
      winnerId: entity.winnerId,
      storedFailureReason: entity.failureReason ?? null,
    });
  }
}

@ObjectType('PayoutLedgerFigures', { description: "The ledger's postings for a payout's transfer: what a receipt's figures must equal." })
export class PayoutLedgerFiguresType {
  @Field(() => MoneyType, { description: 'Transferred out of stripe_cash to the winner.' })
  transferred!: MoneyType;

  @Field(() => MoneyType, { description: 'Reversed since (taken back from the winner).' })
  reversed!: MoneyType;
}

@ObjectType('PayoutReceipt', { description: "A paid payout's receipt: for its winner only." })
export class PayoutReceiptType {
  @Field(() => ID)
  payoutId!: string;

  @Field(() => AwardType, { description: 'The award paid (its prize, challenge and date).' })
  award!: AwardType;

  @Field(() => PayoutStatus)
  status!: PayoutStatus;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => Date)
  paidAt!: Date;

  @Field(() => String, { nullable: true, description: "Stripe's transfer reference." })
  transferId!: string | null;

  @Field(() => PayoutLedgerFiguresType)
  ledger!: PayoutLedgerFiguresType;

  static from(payout: PayoutEntity, award: AwardEntity, figures: { currency: string; transferred: bigint; reversed: bigint }): PayoutReceiptType {
    const money = (amountMinor: bigint) => MoneyType.of({ amountMinor, currency: figures.currency });
    return Object.assign(new PayoutReceiptType(), {
      payoutId: payout.id,
      award: AwardType.from(award),
      status: payout.status as PayoutStatus,
      amount: MoneyType.of({ amountMinor: payout.amountMinor, currency: payout.currency.trim() }),
      paidAt: payout.paidAt!,
      transferId: payout.transferId ?? null,
      ledger: Object.assign(new PayoutLedgerFiguresType(), { transferred: money(figures.transferred), reversed: money(figures.reversed) }),
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

@InputType('PrizeAwardInput', { description: 'One prize place: the prize (by rank) and the submission it goes to.' })
export class PrizeAwardInput {
  @Field(() => Int)
  prizeRank!: number;

  @Field(() => ID)
  submissionId!: string;
}

@InputType('AwardPrizesInput')
export class AwardPrizesInput {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => String, { description: 'Chosen by the caller (1 to 200 characters): the same key returns the first result and moves nothing again.' })
  idempotencyKey!: string;

  @Field(() => [PrizeAwardInput], { description: '1 to 10,000 prize places; a submission at most once per prize.' })
  awards!: PrizeAwardInput[];
}

@ObjectType('AwardPrizesPayload')
export class AwardPrizesPayload {
  @Field(() => [AwardType], { description: 'The awards this request made, in the order asked (the first result again when the key is replayed).' })
  awards!: AwardType[];

  @Field(() => Int)
  awardedCount!: number;
}
