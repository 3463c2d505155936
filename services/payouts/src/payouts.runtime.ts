import { loadConfig, payoutsSchema, stripeSettings, type PayoutsConfig, type StripeSettings } from '@ideagora/config';
import type Stripe from 'stripe';
import { createStripeClient } from './stripe/stripe.client';

/** Per-process collaborators of the payouts context (one Stripe client, its settings). */
export interface PayoutsDependencies {
  config: PayoutsConfig;
  stripeSettings: StripeSettings;
  stripe: Stripe;
}

let dependencies: PayoutsDependencies | undefined;

export function payoutsDependencies(): PayoutsDependencies {
  if (!dependencies) {
    const config = loadConfig(payoutsSchema);
    const settings = stripeSettings(config);
    dependencies = { config, stripeSettings: settings, stripe: createStripeClient(settings) };
  }
  return dependencies;
}
