import { NotFoundError, requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PayoutsContext } from '../context';
import { PrizeRef } from '../external/challenge.stub';
import { UserRef } from '../external/user.stub';
import type { AwardEntity, PayoutEntity } from './award.entity';
import { DEFAULT_PRIZE_AWARDS_PAGE, MAX_PRIZE_AWARDS_PAGE, prizeAwardsPageSize } from './award-request.domain';
import { AwardPrizeInput, AwardPrizePayload, AwardPrizesInput, AwardPrizesPayload, AwardSplitType, AwardType, PayoutReceiptType, PayoutType } from './award.type';

/** The payouts of awards just made, for the payload's `payouts` without another read. */
function primePayouts(ctx: PayoutsContext, awards: AwardEntity[], payouts: PayoutEntity[]): void {
  const byAward = new Map<string, PayoutEntity[]>(awards.map((a) => [a.id, []]));
  for (const payout of payouts) byAward.get(payout.awardId)?.push(payout);
  for (const [awardId, list] of byAward) ctx.loaders.payoutsByAwardId.prime(awardId, list);
}

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
  @FieldResolver(() => AwardType, { nullable: true, description: "The prize's first award, once decided (winners are public); see `awards` for a prize of several places." })
  async award(@Root() prize: PrizeRef, @Ctx() ctx: PayoutsContext): Promise<AwardType | null> {
    const [award] = await ctx.loaders.awardsByPrize.load({ challengeId: prize.challengeId, rank: prize.rank, first: 1 });
    return award ? AwardType.from(award) : null;
  }

  @FieldResolver(() => [AwardType], {
    description: `The awards of this prize, first awarded first (winners are public): one per place awarded, a solo winner or a team. \`first\`: 1 to ${MAX_PRIZE_AWARDS_PAGE} (default ${DEFAULT_PRIZE_AWARDS_PAGE}); awardedCount says how many there are.`,
  })
  async awards(
    @Root() prize: PrizeRef,
    @Ctx() ctx: PayoutsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PRIZE_AWARDS_PAGE }) first: number | null,
  ): Promise<AwardType[]> {
    const limit = prizeAwardsPageSize(first);
    return (await ctx.loaders.awardsByPrize.load({ challengeId: prize.challengeId, rank: prize.rank, first: limit })).map((a) => AwardType.from(a));
  }

  @FieldResolver(() => Int, { description: 'How many places of this prize are awarded (at most its quantity).' })
  async awardedCount(@Root() prize: PrizeRef, @Ctx() ctx: PayoutsContext): Promise<number> {
    return ctx.loaders.awardedCountByPrize.load({ challengeId: prize.challengeId, rank: prize.rank });
  }

  @Mutation(() => AwardPrizesPayload, {
    description:
      'Awards up to 10,000 prize places of a JUDGING challenge in one transaction, all or nothing (sponsor OWNER/ADMIN); each award is paid as awardPrize\'s are. The same idempotencyKey returns the first result and moves nothing again (with other awards: CONFLICT). More awards of a prize than its quantity, or a place the submission already holds: CONFLICT, nothing written.',
  })
  async awardPrizes(@Arg('input', () => AwardPrizesInput) input: AwardPrizesInput, @Ctx() ctx: PayoutsContext): Promise<AwardPrizesPayload> {
    const userId = requireUser(ctx.identity);
    const { awards, payouts } = await ctx.awards.awardPrizes(userId, input);
    primePayouts(ctx, awards, payouts);
    return Object.assign(new AwardPrizesPayload(), { awards: awards.map((a) => AwardType.from(a)), awardedCount: awards.length });
  }

  @Mutation(() => AwardPrizePayload, {
    description: "Awards a prize of a JUDGING challenge to a submission (sponsor OWNER/ADMIN, once per prize); pays the author from escrow.",
  })
  async awardPrize(@Arg('input', () => AwardPrizeInput) input: AwardPrizeInput, @Ctx() ctx: PayoutsContext): Promise<AwardPrizePayload> {
    const userId = requireUser(ctx.identity);
    const { awards, payouts } = await ctx.awards.awardPrize(userId, input);
    primePayouts(ctx, awards, payouts);
    const award = awards[0]!;
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
