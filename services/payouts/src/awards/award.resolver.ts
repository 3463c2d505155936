import { NotFoundError, requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PayoutsContext } from '../context';
import { PrizeRef } from '../external/challenge.stub';
import { AwardPrizeInput, AwardPrizePayload, AwardType, PayoutReceiptType, PayoutType } from './award.type';

const isSponsorAdmin = (role: string | null) => role === 'OWNER' || role === 'ADMIN';

@Resolver(() => PrizeRef)
export class AwardResolver {
  @FieldResolver(() => AwardType, { nullable: true, description: 'The award of this prize, once decided (winners are public).' })
  async award(@Root() prize: PrizeRef, @Ctx() ctx: PayoutsContext): Promise<AwardType | null> {
    const award = await ctx.loaders.awardByPrize.load({ challengeId: prize.challengeId, rank: prize.rank });
    return award ? AwardType.from(award) : null;
  }

  @Mutation(() => AwardPrizePayload, {
    description: "Awards a prize of a JUDGING challenge to a submission (sponsor OWNER/ADMIN, once per prize); pays the author from escrow.",
  })
  async awardPrize(@Arg('input', () => AwardPrizeInput) input: AwardPrizeInput, @Ctx() ctx: PayoutsContext): Promise<AwardPrizePayload> {
    const userId = requireUser(ctx.identity);
    const { award, payout } = await ctx.awards.awardPrize(userId, input);
    ctx.loaders.payoutsByAwardId.prime(award.id, [payout]);
    return Object.assign(new AwardPrizePayload(), { award: AwardType.from(award) });
  }
}

@Resolver(() => PayoutReceiptType)
export class PayoutReceiptResolver {
  @Query(() => PayoutReceiptType, { description: "A paid payout's receipt, for its winner; NOT_FOUND for anyone else (the sponsor has the funding's receipt)." })
  async payoutReceipt(@Arg('payoutId', () => ID) payoutId: string, @Ctx() ctx: PayoutsContext): Promise<PayoutReceiptType> {
    const id = requiredId(payoutId, 'payoutId');
    const payout = await ctx.loaders.payoutById.load(id);
    // Unknown, not paid yet and someone else's are one answer.
    if (!payout?.paidAt || !ctx.identity.userId || payout.winnerId !== ctx.identity.userId) throw new NotFoundError('Receipt');
    const [award, figures] = await Promise.all([ctx.loaders.awardById.load(payout.awardId), ctx.awards.transferFigures(payout.id)]);
    if (!award || !figures) throw new NotFoundError('Receipt');
    return PayoutReceiptType.from(payout, award, figures);
  }
}

@Resolver(() => AwardType)
export class AwardFieldsResolver {
  @FieldResolver(() => [PayoutType])
  async payouts(@Root() award: AwardType, @Ctx() ctx: PayoutsContext): Promise<PayoutType[]> {
    return (await ctx.loaders.payoutsByAwardId.load(award.id)).map((p) => PayoutType.from(p));
  }
}

@Resolver(() => PayoutType)
export class PayoutFieldsResolver {
  @FieldResolver(() => AwardType)
  async award(@Root() payout: PayoutType, @Ctx() ctx: PayoutsContext): Promise<AwardType> {
    const award = await ctx.loaders.awardById.load(payout.awardId);
    return AwardType.from(award!);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the last transfer attempt failed: for the winner and the sponsor’s owners and admins.' })
  async failureReason(@Root() payout: PayoutType, @Ctx() ctx: PayoutsContext): Promise<string | null> {
    if (!payout.storedFailureReason) return null;
    if (ctx.identity.userId && ctx.identity.userId === payout.winnerId) return payout.storedFailureReason;
    return isSponsorAdmin(await ctx.loaders.viewerRoleByChallengeId.load(payout.challengeId)) ? payout.storedFailureReason : null;
  }
}

/** `_entities` for Prize: null when its challenge is withheld from the viewer (isChallengeWithheldFrom). */
export async function resolvePrizeReference(reference: { challengeId: string; rank: number }, ctx: PayoutsContext): Promise<PrizeRef | null> {
  if (await ctx.loaders.challengeWithheldFromViewer(String(reference.challengeId))) return null;
  return Object.assign(new PrizeRef(), reference);
}

/** Awards are public (winners are announced), as far as their challenge is: not those of a challenge withheld from the viewer. */
export async function resolveAwardReference(reference: { id: string }, ctx: PayoutsContext): Promise<AwardType | null> {
  const award = await ctx.loaders.awardById.load(reference.id);
  if (!award || (await ctx.loaders.challengeWithheldFromViewer(award.challengeId))) return null;
  return AwardType.from(award);
}

/** A payout is its winner's and the sponsor's business. */
export async function resolvePayoutReference(reference: { id: string }, ctx: PayoutsContext): Promise<PayoutType | null> {
  const payout = await ctx.loaders.payoutById.load(reference.id);
  if (!payout) return null;
  if (ctx.identity.userId && ctx.identity.userId === payout.winnerId) return PayoutType.from(payout);
  return isSponsorAdmin(await ctx.loaders.viewerRoleByChallengeId.load(payout.challengeId)) ? PayoutType.from(payout) : null;
}
