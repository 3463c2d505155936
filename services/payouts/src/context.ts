import type { Identity } from '@ideagora/auth';
import type { SubgraphRuntime } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createPayoutLoaders, type PayoutLoaders } from './accounts/payout-account.loaders';
import { PayoutsService } from './accounts/payout-account.service';

export interface PayoutsContext {
  identity: Identity;
  payouts: PayoutsService;
  loaders: PayoutLoaders;
}

export function createPayoutsContext({ identity, em }: { identity: Identity; em: EntityManager; runtime: SubgraphRuntime }): PayoutsContext {
  const payouts = new PayoutsService(em);
  return { identity, payouts, loaders: createPayoutLoaders(payouts) };
}
