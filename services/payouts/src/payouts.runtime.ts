import { loadConfig, payoutsSchema, stripeSettings, type PayoutsConfig, type StripeSettings } from '@ideagora/config';
import { Poller } from '@ideagora/events';
import type { BackgroundWorker, SubgraphRuntime } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { HeldPayoutsRecheck } from './accounts/held-payouts.recheck';
import { accountWebhookHandlers } from './accounts/payout-account.service';
import { PayoutTransferProcessor, transferWebhookHandlers } from './awards/payout.transfers';
import { disputeWebhookHandlers, fundingWebhookHandlers } from './fundings/funding.service';
import { ReconciliationService } from './reconciliation/reconciliation.service';
import { SettlementService } from './settlements/settlement.service';
import { createStripeClient } from './stripe/stripe.client';
import { combineHandlers } from './webhooks/stripe-event.handlers';
import { StripeEventProcessor } from './webhooks/stripe-event.processor';

/**
 * What the payouts context owns in its process (built once at start by the runtime, `runtime.own`): its settings,
 * the one Stripe client, its work queues and workers. Requests, webhooks and handlers reach them from here.
 */
export interface PayoutsOwn {
  config: PayoutsConfig;
  stripeSettings: StripeSettings;
  stripe: Stripe;
  /** Transfers due payouts (claim, lease, Stripe, backoff). */
  payoutTransfers: PayoutTransferProcessor;
  /** Applies stored Stripe events. */
  stripeEvents: StripeEventProcessor;
  /** Refunds and settles ended challenges. */
  settlements: SettlementService;
  /** Safety net under account.updated. */
  heldRecheck: HeldPayoutsRecheck;
  reconciliation: ReconciliationService;
  /** Runs the reconciliation every RECONCILIATION_INTERVAL_MS (first after one interval; never when 0). */
  reconciler: BackgroundWorker;
  /** In start order. */
  workers: BackgroundWorker[];
}

export type PayoutsRuntime = SubgraphRuntime<PayoutsOwn>;

export function createPayoutsOwn(runtime: SubgraphRuntime<undefined>): PayoutsOwn {
  const config = loadConfig(payoutsSchema);
  const settings = stripeSettings(config);
  const stripe = createStripeClient(settings);
  const em = runtime.orm.em as EntityManager;
  const { logger } = runtime;
  const payoutTransfers = new PayoutTransferProcessor(em, stripe, logger, {
    pollMs: config.PAYOUT_POLL_MS,
    retryBaseMs: config.PAYOUT_RETRY_BASE_MS,
    claimLeaseSeconds: config.PAYOUT_CLAIM_LEASE_SECONDS,
    concurrency: config.PAYOUT_TRANSFER_CONCURRENCY,
  });
  const nudgePayouts = (afterMs: number) => payoutTransfers.nudge(afterMs);
  const stripeEvents = new StripeEventProcessor(
    em,
    combineHandlers(fundingWebhookHandlers, disputeWebhookHandlers, accountWebhookHandlers, transferWebhookHandlers),
    { stripe, logger, nudgePayouts },
  );
  const heldRecheck = new HeldPayoutsRecheck(em, stripe, logger, config.HELD_PAYOUT_RECHECK_MS, nudgePayouts);
  const settlements = new SettlementService(em, stripe, logger, config.SETTLEMENT_POLL_MS);
  const reconciliation = new ReconciliationService(em, stripe, logger);
  const reconciler = delayedWorker(
    new Poller(
      async () => {
        await reconciliation.run();
        return false;
      },
      config.RECONCILIATION_INTERVAL_MS,
      (err) => logger.error({ err }, 'reconciliation failed'),
    ),
    config.RECONCILIATION_INTERVAL_MS,
  );
  return {
    config,
    stripeSettings: settings,
    stripe,
    payoutTransfers,
    stripeEvents,
    settlements,
    heldRecheck,
    reconciliation,
    reconciler,
    workers: [stripeEvents, heldRecheck, settlements, reconciler, payoutTransfers],
  };
}

/** A poller first run one interval after start (never when the interval is 0). */
function delayedWorker(poller: Poller, intervalMs: number): BackgroundWorker {
  let timer: NodeJS.Timeout | undefined;
  return {
    start: () => {
      if (intervalMs > 0) timer = setTimeout(() => poller.start(), intervalMs).unref();
    },
    stop: async () => {
      clearTimeout(timer);
      await poller.stop();
    },
  };
}
