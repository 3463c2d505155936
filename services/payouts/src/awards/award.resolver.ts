import { NotFoundError, requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PayoutsContext } from '../context';
import { PrizeRef } from '../external/challenge.stub';
import { UserRef } from '../external/user.stub';
import type { AwardEntity } from './award.entity';
import { AwardPrizeInput, AwardPrizePayload, AwardSplitType, AwardType, PayoutReceiptType, PayoutType } from './award.type';

const isSponsorAdmin = (role: string | null) => role === 'OWNER' || role === 'ADMIN';

/**
 * Who may know who an award pays: its winner, every member of the team it was awarded to (they agreed the split),
 * and the sponsor's owners and admins. Everyone else sees the award and its payouts' amounts, not the people.
 */
async function mayKnowRecipients(award: Pick<AwardEntity, 'challengeId' | 'winnerId' | 'split'>, ctx: PayoutsContext): Promise<boolean> {
  const viewerId = ctx.identity.userId;
  if (!viewerId) return false;
  if (award.winnerId === viewerId || award.split?.shares.some((s) => s.userId === viewerId)) return true;
  return isSponsorAdmin(await ctx.loaders.viewerRoleByChallengeId.load(award.challengeId));
}

@Resolver(() => PrizeRef)
export class AwardResolver {
  @FieldResolver(() => AwardType, { nullable: true, description: 'The award of this prize, once decided (winners are public).' })
  async award(@Root() prize: PrizeRef, @Ctx() ctx: PayoutsContext): Promise<AwardType | null> {
    const award = await ctx.loaders.awardByPrize.load({ challengeId: prize.challengeId, rank: prize.rank });
    return award ? AwardType.from(award) : null;
  }

  @FieldResolver(() => [AwardType], { description: 'The awards of this prize (at most one today; winners are public): a solo winner or a team.' })
  async awards(@Root() prize: PrizeRef, @Ctx() ctx: PayoutsContext): Promise<AwardType[]> {
    const award = await ctx.loaders.awardByPrize.load({ challengeId: prize.challengeId, rank: prize.rank });
    return award ? [AwardType.from(award)] : [];
  }

  @Mutation(() => AwardPrizePayload, {
    description: "Awards a prize of a JUDGING challenge to a submission (sponsor OWNER/ADMIN, once per prize); pays the author from escrow.",
  })
  async awardPrize(@Arg('input', () => AwardPrizeInput) input: AwardPrizeInput, @Ctx() ctx: PayoutsContext): Promise<AwardPrizePayload> {
    const userId = requireUser(ctx.identity);
    const { award, payouts } = await ctx.awards.awardPrize(userId, input);
    ctx.loaders.payoutsByAwardId.prime(award.id, payouts);
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

  @FieldResolver(() => AwardSplitType, {
    nullable: true,
    description: "An award to a team: the split it paid (version, each member's share and part). For the team's members and the sponsor's owners and admins; null otherwise, and for a solo award.",
  })
  async split(@Root() award: AwardType, @Ctx() ctx: PayoutsContext): Promise<AwardSplitType | null> {
    if (!award.recordedSplit) return null;
    const entity = { challengeId: award.challenge.id, winnerId: award.winnerId, split: award.recordedSplit };
    if (!(await mayKnowRecipients(entity, ctx))) return null;
    // Every team award has at least one payout (the parts sum to a non-zero prize), all in the prize's currency.
    const [payout] = await ctx.loaders.payoutsByAwardId.load(award.id);
    return payout ? AwardSplitType.from(award.recordedSplit, payout.currency.trim()) : null;
  }
}

@Resolver(() => PayoutType)
export class PayoutFieldsResolver {
  @FieldResolver(() => AwardType)
  async award(@Root() payout: PayoutType, @Ctx() ctx: PayoutsContext): Promise<AwardType> {
    const award = await ctx.loaders.awardById.load(payout.awardId);
    return AwardType.from(award!);
  }

  @FieldResolver(() => UserRef, {
    nullable: true,
    description: "Whom it pays (the winner, or one member of the winning team): for the award's winner or team members and the sponsor's owners and admins; null for anyone else.",
  })
  async recipient(@Root() payout: PayoutType, @Ctx() ctx: PayoutsContext): Promise<UserRef | null> {
    const recipient = Object.assign(new UserRef(), { id: payout.winnerId });
    if (ctx.identity.userId && ctx.identity.userId === payout.winnerId) return recipient;
    const award = await ctx.loaders.awardById.load(payout.awardId);
    return award && (await mayKnowRecipients(award, ctx)) ? recipient : null;
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
