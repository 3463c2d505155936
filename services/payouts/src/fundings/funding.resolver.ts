import { requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { PaymentsNotEnabledError } from '../accounts/payout-account.service';
import type { PayoutsContext } from '../context';
import { ChallengeRef } from '../external/challenge.stub';
import { FundChallengePayload, FundingType } from './funding.type';

@Resolver(() => ChallengeRef)
export class FundingResolver {
  @FieldResolver(() => FundingType, { nullable: true, description: "The challenge's current funding, if any." })
  funding(@Root() _challenge: ChallengeRef): FundingType | null {
    return null; // fundings arrive with the money path
  }

  @Mutation(() => FundChallengePayload)
  async fundChallenge(@Arg('challengeId', () => ID) challengeId: string, @Ctx() ctx: PayoutsContext): Promise<FundChallengePayload> {
    const userId = requireUser(ctx.identity);
    await ctx.payouts.requireSponsorAdmin(requiredId(challengeId, 'challengeId'), userId);
    throw new PaymentsNotEnabledError();
  }
}

export function resolveChallengeReference(reference: { id: string }): ChallengeRef {
  return Object.assign(new ChallengeRef(), { id: reference.id });
}
