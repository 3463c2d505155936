import { buildFederatedSchema, type SubgraphDefinition } from '@ideagora/subgraph-kit';
import { PayoutAccountEntity } from './accounts/payout-account.entity';
import { PayoutAccountResolver, resolveUserReference } from './accounts/payout-account.resolver';
import { AwardResolver, resolvePrizeReference } from './awards/award.resolver';
import { createPayoutsContext, type PayoutsContext } from './context';
import { FundingResolver, resolveChallengeReference } from './fundings/funding.resolver';
import { LEDGER_ENTITIES } from './ledger/ledger.entity';
import { Migration20261123090000_payouts } from './migrations/Migration20261123090000_payouts';
import { Migration20261123100000_ledger } from './migrations/Migration20261123100000_ledger';
import { READ_MODEL_ENTITIES } from './read-models/read-model.entities';
import { readModelHandlers } from './read-models/read-model.handlers';
import { ChallengeRef, PrizeRef } from './external/challenge.stub';
import { UserRef } from './external/user.stub';

export const payoutsSubgraph: SubgraphDefinition<PayoutsContext> = {
  name: 'payouts',
  entities: [PayoutAccountEntity, ...READ_MODEL_ENTITIES, ...LEDGER_ENTITIES],
  migrations: [
    { name: 'Migration20261123090000_payouts', class: Migration20261123090000_payouts },
    { name: 'Migration20261123100000_ledger', class: Migration20261123100000_ledger },
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
};
