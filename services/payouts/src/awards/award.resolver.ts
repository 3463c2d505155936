import { requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { PaymentsNotEnabledError } from '../accounts/payout-account.service';
import type { PayoutsContext } from '../context';
import { PrizeRef } from '../external/challenge.stub';
import { AwardPrizeInput, AwardPrizePayload, AwardType } from './award.type';

@Resolver(() => PrizeRef)
export class AwardResolver {
  @FieldResolver(() => AwardType, { nullable: true, description: 'The award of this prize, once decided.' })
  award(@Root() _prize: PrizeRef): AwardType | null {
    return null; // awards arrive with the money path
  }

  @Mutation(() => AwardPrizePayload)
  async awardPrize(@Arg('input', () => AwardPrizeInput) input: AwardPrizeInput, @Ctx() ctx: PayoutsContext): Promise<AwardPrizePayload> {
    const userId = requireUser(ctx.identity);
    await ctx.readModels.requireSponsorAdmin(requiredId(input.challengeId, 'challengeId'), userId);
    throw new PaymentsNotEnabledError();
  }
}

export function resolvePrizeReference(reference: { challengeId: string; rank: number }): PrizeRef {
  return Object.assign(new PrizeRef(), reference);
}
