import { emptyConnection, pageSize, requireUser, type ConnectionShape } from '@ideagora/subgraph-kit';
import { ConnectionType } from '@ideagora/subgraph-kit';
import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { PayoutType } from '../awards/award.type';
import type { PayoutsContext } from '../context';
import { UserRef } from '../external/user.stub';
import { PayoutAccountType } from './payout-account.type';

export const PayoutConnection = ConnectionType('Payout', PayoutType);

@InputType('StartPayoutOnboardingInput')
export class StartPayoutOnboardingInput {
  @Field(() => String, { description: 'Where Stripe sends the user back when onboarding is done.' })
  returnUrl!: string;

  @Field(() => String, { description: 'Where Stripe sends the user when the link expired.' })
  refreshUrl!: string;
}

@ObjectType('StartPayoutOnboardingPayload')
export class StartPayoutOnboardingPayload {
  @Field(() => String)
  onboardingUrl!: string;

  @Field(() => PayoutAccountType)
  payoutAccount!: PayoutAccountType;
}

@Resolver(() => UserRef)
export class PayoutAccountResolver {
  @FieldResolver(() => PayoutAccountType, { nullable: true, description: "Only the user's own; null for others." })
  async payoutAccount(@Root() user: UserRef, @Ctx() ctx: PayoutsContext): Promise<PayoutAccountType | null> {
    if (ctx.identity.userId !== user.id) return null;
    return PayoutAccountType.from(await ctx.loaders.accountByUserId.load(user.id));
  }

  @FieldResolver(() => PayoutConnection, { description: "The user's prize payouts; empty for anyone else." })
  async payouts(
    @Root() user: UserRef,
    @Ctx() ctx: PayoutsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ConnectionShape<PayoutType>> {
    const limit = pageSize(first);
    if (!ctx.identity.userId || ctx.identity.userId !== user.id) return emptyConnection();
    const page = await ctx.awards.payoutsOfUser(user.id, limit, after);
    for (const edge of page.edges) ctx.loaders.payoutById.prime(edge.node.id, edge.node);
    return { pageInfo: page.pageInfo, edges: page.edges.map((e) => ({ cursor: e.cursor, node: PayoutType.from(e.node) })) };
  }

  @Mutation(() => StartPayoutOnboardingPayload)
  async startPayoutOnboarding(@Arg('input', () => StartPayoutOnboardingInput) input: StartPayoutOnboardingInput, @Ctx() ctx: PayoutsContext): Promise<StartPayoutOnboardingPayload> {
    const userId = requireUser(ctx.identity);
    const { url, account } = await ctx.payouts.startOnboarding(userId, input);
    return Object.assign(new StartPayoutOnboardingPayload(), { onboardingUrl: url, payoutAccount: PayoutAccountType.from(account) });
  }
}

export function resolveUserReference(reference: { id: string }): UserRef {
  return Object.assign(new UserRef(), { id: reference.id });
}
