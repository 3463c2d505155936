import { buildFederatedSchema, type SubgraphDefinition } from '@ideagora/subgraph-kit';
import { PAYOUTS_API_KEY_SCOPES } from './api-key-scopes';
import { PayoutAccountEntity } from './accounts/payout-account.entity';
import { PayoutAccountResolver, resolveUserReference } from './accounts/payout-account.resolver';
import { AwardFieldsResolver, AwardResolver, PayoutFieldsResolver, PayoutReceiptResolver, resolveAwardReference, resolvePayoutReference, resolvePrizeReference } from './awards/award.resolver';
import { AWARD_ENTITIES } from './awards/award.entity';
import { Migration20261123120000_awards } from './migrations/Migration20261123120000_awards';
import { createPayoutsContext, type PayoutsContext } from './context';
import { FundingResolver, resolveChallengeReference } from './fundings/funding.resolver';
import { LEDGER_ENTITIES } from './ledger/ledger.entity';
import { Migration20261123090000_payouts } from './migrations/Migration20261123090000_payouts';
import { Migration20261123100000_ledger } from './migrations/Migration20261123100000_ledger';
import { Migration20261123110000_funding } from './migrations/Migration20261123110000_funding';
import { Migration20261123130000_settlement } from './migrations/Migration20261123130000_settlement';
import { Migration20261123140000_reconciliation } from './migrations/Migration20261123140000_reconciliation';
import { Migration20261123150000_disputes } from './migrations/Migration20261123150000_disputes';
import { Migration20261125100000_transfer_refusals } from './migrations/Migration20261125100000_transfer_refusals';
import { Migration20261205090000_challenge_audience } from './migrations/Migration20261205090000_challenge_audience';
import { Migration20261205100000_stripe_state } from './migrations/Migration20261205100000_stripe_state';
import { Migration20261206090000_money_visible } from './migrations/Migration20261206090000_money_visible';
import { Migration20261206100000_team_awards } from './migrations/Migration20261206100000_team_awards';
import { Migration20261207100000_bulk_awards } from './migrations/Migration20261207100000_bulk_awards';
import { Migration20261210100000_community_choice } from './migrations/Migration20261210100000_community_choice';
import { Migration20261207150000_challenge_roles } from './migrations/Migration20261207150000_challenge_roles';
import { registerReconciliationRoute } from './reconciliation/reconciliation.routes';
import { ReconciliationReportEntity } from './reconciliation/reconciliation-report.entity';
import { SettlementEntity } from './settlements/settlement.entity';
import { FundingEntity } from './fundings/funding.entity';
import { createPayoutsOwn, type PayoutsOwn } from './payouts.runtime';
import { StripeEventEntity } from './webhooks/stripe-event.entity';
import { registerStripeWebhookRoute } from './webhooks/stripe-webhook.routes';
import type { EntityManager } from '@mikro-orm/postgresql';
import { READ_MODEL_ENTITIES } from './read-models/read-model.entities';
import { readModelHandlers } from './read-models/read-model.handlers';
import { ChallengeRef, PrizeRef } from './external/challenge.stub';
import { UserRef } from './external/user.stub';

export const payoutsSubgraph: SubgraphDefinition<PayoutsContext, PayoutsOwn> = {
  name: 'payouts',
  entities: [PayoutAccountEntity, FundingEntity, StripeEventEntity, ...READ_MODEL_ENTITIES, ...LEDGER_ENTITIES, ...AWARD_ENTITIES, ReconciliationReportEntity, SettlementEntity],
  migrations: [
    { name: 'Migration20261123090000_payouts', class: Migration20261123090000_payouts },
    { name: 'Migration20261123100000_ledger', class: Migration20261123100000_ledger },
    { name: 'Migration20261123110000_funding', class: Migration20261123110000_funding },
    { name: 'Migration20261123120000_awards', class: Migration20261123120000_awards },
    { name: 'Migration20261123130000_settlement', class: Migration20261123130000_settlement },
    { name: 'Migration20261123140000_reconciliation', class: Migration20261123140000_reconciliation },
    { name: 'Migration20261123150000_disputes', class: Migration20261123150000_disputes },
    { name: 'Migration20261125100000_transfer_refusals', class: Migration20261125100000_transfer_refusals },
    { name: 'Migration20261205090000_challenge_audience', class: Migration20261205090000_challenge_audience },
    { name: 'Migration20261205100000_stripe_state', class: Migration20261205100000_stripe_state },
    { name: 'Migration20261206090000_money_visible', class: Migration20261206090000_money_visible },
    { name: 'Migration20261206100000_team_awards', class: Migration20261206100000_team_awards },
    { name: 'Migration20261207100000_bulk_awards', class: Migration20261207100000_bulk_awards },
    { name: 'Migration20261210100000_community_choice', class: Migration20261210100000_community_choice },
    { name: 'Migration20261207150000_challenge_roles', class: Migration20261207150000_challenge_roles },
  ],
  buildSchema: () =>
    buildFederatedSchema({
      apiKeyScopes: PAYOUTS_API_KEY_SCOPES,
      resolvers: [PayoutAccountResolver, FundingResolver, AwardResolver, AwardFieldsResolver, PayoutFieldsResolver, PayoutReceiptResolver],
      // Entities only extended here are not reachable from Query/Mutation: list them so their fields are emitted.
      orphanedTypes: [UserRef, ChallengeRef, PrizeRef],
      referenceResolvers: {
        User: { __resolveReference: resolveUserReference },
        Challenge: { __resolveReference: resolveChallengeReference },
        Prize: { __resolveReference: resolvePrizeReference },
        Award: { __resolveReference: resolveAwardReference },
        Payout: { __resolveReference: resolvePayoutReference },
      },
    }),
  own: createPayoutsOwn,
  createContext: createPayoutsContext,
  eventHandlers: readModelHandlers,
  workers: (runtime) => runtime.own.workers,
  extraRoutes: (app, runtime) => {
    const { stripe, stripeSettings, stripeEvents, reconciliation } = runtime.own;
    registerStripeWebhookRoute(app, {
      em: runtime.orm.em as EntityManager,
      stripe,
      webhookSecret: stripeSettings.webhookSecret,
      connectWebhookSecret: stripeSettings.connectWebhookSecret,
      logger: runtime.logger,
      onStored: () => stripeEvents.nudge(),
    });
    registerReconciliationRoute(app, { service: reconciliation, identitySecret: runtime.config.GATEWAY_IDENTITY_SECRET });
  },
};
