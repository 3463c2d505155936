import { buildFederatedSchema, type SubgraphDefinition } from '@ideagora/subgraph-kit';
import { PayoutAccountEntity } from './accounts/payout-account.entity';
import { PayoutAccountResolver, resolveUserReference } from './accounts/payout-account.resolver';
import { AwardResolver, resolvePrizeReference } from './awards/award.resolver';
import { createPayoutsContext, type PayoutsContext } from './context';
import { FundingResolver, resolveChallengeReference } from './fundings/funding.resolver';
import { LEDGER_ENTITIES } from './ledger/ledger.entity';
import { Migration20261123090000_payouts } from './migrations/Migration20261123090000_payouts';
import { Migration20261123100000_ledger } from './migrations/Migration20261123100000_ledger';
import { Migration20261123110000_funding } from './migrations/Migration20261123110000_funding';
import { FundingEntity } from './fundings/funding.entity';
import { fundingWebhookHandlers } from './fundings/funding.service';
import { payoutsDependencies } from './payouts.runtime';
import { StripeEventEntity } from './webhooks/stripe-event.entity';
import { combineHandlers } from './webhooks/stripe-event.handlers';
import { StripeEventProcessor } from './webhooks/stripe-event.processor';
import { registerStripeWebhookRoute } from './webhooks/stripe-webhook.routes';
import type { EntityManager } from '@mikro-orm/postgresql';
import { READ_MODEL_ENTITIES } from './read-models/read-model.entities';
import { readModelHandlers } from './read-models/read-model.handlers';
import { ChallengeRef, PrizeRef } from './external/challenge.stub';
import { UserRef } from './external/user.stub';

export const payoutsSubgraph: SubgraphDefinition<PayoutsContext> = {
  name: 'payouts',
  entities: [PayoutAccountEntity, FundingEntity, StripeEventEntity, ...READ_MODEL_ENTITIES, ...LEDGER_ENTITIES],
  migrations: [
    { name: 'Migration20261123090000_payouts', class: Migration20261123090000_payouts },
    { name: 'Migration20261123100000_ledger', class: Migration20261123100000_ledger },
    { name: 'Migration20261123110000_funding', class: Migration20261123110000_funding },
  ],
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [PayoutAccountResolver, FundingResolver, AwardResolver],
      // Entities only extended here are not reachable from Query/Mutation: list them so their fields are emitted.
      orphanedTypes: [UserRef, ChallengeRef, PrizeRef],
      referenceResolvers: {
        User: { __resolveReference: resolveUserReference },
        Challenge: { __resolveReference: resolveChallengeReference },
        Prize: { __resolveReference: resolvePrizeReference },
      },
    }),
  createContext: createPayoutsContext,
  eventHandlers: readModelHandlers,
  onStart: async (runtime) => {
    processor = new StripeEventProcessor(runtime.orm.em as EntityManager, combineHandlers(fundingWebhookHandlers), runtime.logger);
    processor.start();
    return () => processor!.stop();
  },
  extraRoutes: (app, runtime) => {
    const { stripe, stripeSettings } = payoutsDependencies();
    registerStripeWebhookRoute(app, {
      em: runtime.orm.em as EntityManager,
      stripe,
      webhookSecret: stripeSettings.webhookSecret,
      logger: runtime.logger,
      onStored: () => processor?.nudge(),
    });
  },
};

let processor: StripeEventProcessor | undefined;
