import { isChallengeVisibleTo } from '@ideagora/events';
import { MoneyType, NotFoundError, requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PayoutsContext } from '../context';
import { ChallengeRef } from '../external/challenge.stub';
import { ledgerService } from '../ledger/ledger.service';
import { EscrowSummaryType, FundChallengePayload, FundingQuoteType, FundingReceiptType, FundingType, toFundingReceipt, toFundingType } from './funding.type';

const isSponsorAdmin = (role: string | null) => role === 'OWNER' || role === 'ADMIN';

@Resolver(() => ChallengeRef)
export class FundingResolver {
  @FieldResolver(() => FundingType, { nullable: true, description: "The challenge's funding (the paid one, else the latest attempt)." })
  async funding(@Root() challenge: ChallengeRef, @Ctx() ctx: PayoutsContext): Promise<FundingType | null> {
    const [{ challenge: view, role, hasChallengeRole }, funding] = await Promise.all([
      ctx.loaders.viewerChallengeAudience(challenge.id),
      ctx.loaders.fundingByChallengeId.load(challenge.id),
    ]);
    if (!view || !funding) return null;
    // A draft is the sponsor's business only, an INVITE_ONLY challenge its and its invitees'; the payment details are
    // its owners' and admins'.
    if (!isChallengeVisibleTo(view, role, hasChallengeRole)) return null;
    return toFundingType(funding, { showSecret: isSponsorAdmin(role) });
  }

  @FieldResolver(() => EscrowSummaryType, { nullable: true, description: "For the sponsor's owners and admins: where the money is." })
  async escrow(@Root() challenge: ChallengeRef, @Ctx() ctx: PayoutsContext): Promise<EscrowSummaryType | null> {
    if (!isSponsorAdmin(await ctx.loaders.viewerRoleByChallengeId.load(challenge.id))) return null;
    const summary = await ledgerService.escrowSummary(ctx.em, challenge.id);
    if (!summary) return null;
    const money = (amountMinor: bigint) => MoneyType.of({ amountMinor, currency: summary.currency });
    return Object.assign(new EscrowSummaryType(), {
      funded: money(summary.funded),
      platformFee: money(summary.fee),
      awarded: money(summary.awarded),
      paid: money(summary.paid),
      heldForWinners: money(summary.owed),
      refunded: money(summary.refunded),
      inEscrow: money(summary.inEscrow),
    });
  }

  @FieldResolver(() => FundingQuoteType, {
    nullable: true,
    description: "For the sponsor's owners and admins, before paying: the prize pool, the platform fee and the total, as fundChallenge will charge them.",
  })
  async fundingQuote(@Root() challenge: ChallengeRef, @Ctx() ctx: PayoutsContext): Promise<FundingQuoteType | null> {
    const [view, role] = await Promise.all([ctx.loaders.challengeById.load(challenge.id), ctx.loaders.viewerRoleByChallengeId.load(challenge.id)]);
    if (!view || !isSponsorAdmin(role)) return null;
    return FundingQuoteType.of(ctx.fundings.quote(view.prizes), view.currency.trim());
  }

  @Query(() => FundingReceiptType, { description: "A paid funding's receipt, for the sponsor's owners and admins; NOT_FOUND for anyone else." })
  async fundingReceipt(@Arg('fundingId', () => ID) fundingId: string, @Ctx() ctx: PayoutsContext): Promise<FundingReceiptType> {
    const id = requiredId(fundingId, 'fundingId');
    const funding = await ctx.fundings.paidFunding(id);
    // Not paid, unknown and not the viewer's to see are one answer: nothing tells a stranger the funding exists.
    if (!funding || !isSponsorAdmin(await ctx.loaders.viewerRoleByChallengeId.load(funding.challengeId))) throw new NotFoundError('Receipt');
    const figures = await ctx.fundings.fundingFigures(funding.id);
    if (!figures) throw new NotFoundError('Receipt');
    return toFundingReceipt(funding, figures);
  }

  @Mutation(() => FundChallengePayload, {
    description: 'Starts funding the prize pool plus the platform fee (a Stripe PaymentIntent); returns the pending funding if one exists.',
  })
  async fundChallenge(@Arg('challengeId', () => ID) challengeId: string, @Ctx() ctx: PayoutsContext): Promise<FundChallengePayload> {
    const userId = requireUser(ctx.identity);
    const funding = await ctx.fundings.fund(userId, requiredId(challengeId, 'challengeId'));
    return Object.assign(new FundChallengePayload(), { funding: toFundingType(funding, { showSecret: true }) });
  }
}

/** `_entities` for Challenge: null for a published INVITE_ONLY challenge of another organization (isChallengeWithheldFrom), so a request that bypassed the challenges context learns nothing. */
export async function resolveChallengeReference(reference: { id: string }, ctx: PayoutsContext): Promise<ChallengeRef | null> {
  const id = String(reference.id);
  if (await ctx.loaders.challengeWithheldFromViewer(id)) return null;
  return Object.assign(new ChallengeRef(), { id });
}
