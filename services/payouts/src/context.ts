import type { Identity } from '@ideagora/auth';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createPayoutLoaders, type PayoutLoaders } from './accounts/payout-account.loaders';
import { PayoutsService } from './accounts/payout-account.service';
import { createAwardLoaders, type AwardLoaders } from './awards/award.loaders';
import { AwardService } from './awards/award.service';
import { createFundingLoaders, type FundingLoaders } from './fundings/funding.loaders';
import { FundingService } from './fundings/funding.service';
import type { PayoutsRuntime } from './payouts.runtime';
import { ReadModelService } from './read-models/read-model.service';

export interface PayoutsContext {
  identity: Identity;
  em: EntityManager;
  payouts: PayoutsService;
  readModels: ReadModelService;
  fundings: FundingService;
  awards: AwardService;
  loaders: PayoutLoaders & FundingLoaders & AwardLoaders;
}

export function createPayoutsContext({ identity, em, runtime }: { identity: Identity; em: EntityManager; runtime: PayoutsRuntime }): PayoutsContext {
  const { stripe, config, payoutTransfers } = runtime.own;
  const payouts = new PayoutsService(em, stripe);
  const awards = new AwardService(em, runtime.readModelWaits, () => payoutTransfers.nudge(), identity.apiKey?.organizationId);
  const readModels = new ReadModelService(em);
  const fundings = new FundingService(em, stripe, config.PLATFORM_FEE_BASIS_POINTS, runtime.readModelWaits, identity.apiKey?.organizationId);
  return {
    identity,
    em,
    payouts,
    readModels,
    fundings,
    awards,
    loaders: { ...createPayoutLoaders(payouts), ...createFundingLoaders(fundings, readModels, identity.userId, runtime.readModelWaits), ...createAwardLoaders(awards) },
  };
}
