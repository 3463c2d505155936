import { isChallengeVisibleTo, type OrganizationRoleName } from '@ideagora/events';
import { MoneyType, requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { PayoutsContext } from '../context';
import { ChallengeRef } from '../external/challenge.stub';
import { ledgerService } from '../ledger/ledger.service';
import { EscrowSummaryType, FundChallengePayload, FundingType, toFundingType } from './funding.type';

const isSponsorAdmin = (role: string | null) => role === 'OWNER' || role === 'ADMIN';

@Resolver(() => ChallengeRef)
export class FundingResolver {
  @FieldResolver(() => FundingType, { nullable: true, description: "The challenge's funding (the paid one, else the latest attempt)." })
  async funding(@Root() challenge: ChallengeRef, @Ctx() ctx: PayoutsContext): Promise<FundingType | null> {
    const [view, funding, role] = await Promise.all([
      ctx.loaders.challengeById.load(challenge.id),
      ctx.loaders.fundingByChallengeId.load(challenge.id),
      ctx.loaders.viewerRoleByChallengeId.load(challenge.id),
    ]);
    if (!view || !funding) return null;
    // A draft or an INVITE_ONLY challenge is the sponsor's business only; the payment details are its owners' and admins'.
    if (!isChallengeVisibleTo(view, role as OrganizationRoleName | null)) return null;
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
      refunded: money(summary.refunded),
      inEscrow: money(summary.inEscrow),
    });
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
