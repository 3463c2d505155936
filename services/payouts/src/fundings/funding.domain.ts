import { platformFee, sumMinor } from '@ideagora/money';

/** What funding a challenge costs: its prize pool, the platform fee on top, and the total charged. */
export interface FundingQuote {
  prizePool: bigint;
  fee: bigint;
  total: bigint;
}

/**
 * The one formula for what a sponsor pays: used by `fundChallenge` to create the funding (and so the PaymentIntent's
 * amount) and by `Challenge.fundingQuote` to show it before the payment, so the two cannot disagree.
 */
export function quoteFunding(prizes: readonly { amountMinor: string | bigint }[], feeBasisPoints: number): FundingQuote {
  const prizePool = sumMinor(prizes.map((p) => BigInt(p.amountMinor)));
  const fee = platformFee(prizePool, feeBasisPoints);
  return { prizePool, fee, total: prizePool + fee };
}
