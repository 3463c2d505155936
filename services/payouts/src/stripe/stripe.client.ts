import type { StripeSettings } from '@ideagora/config';
import Stripe from 'stripe';

/**
 * The real `stripe` SDK, pointed at Stripe or at the local emulator. No SDK-level retries: every call that moves
 * money carries an idempotency key stored before the call, and our own jobs retry with that same key.
 */
export function createStripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    ...(settings.api ?? {}),
    maxNetworkRetries: 0,
    timeout: 15_000,
    telemetry: false,
    appInfo: { name: 'Ideagora' },
  });
}

/** A Stripe error worth retrying later with the same idempotency key (network, timeout, 5xx, 429, lock). */
export function isRetryableStripeError(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return true; // network-level failure: outcome unknown
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError) return true;
  if (error instanceof Stripe.errors.StripeRateLimitError) return true;
  return error.statusCode === 409 || (error.statusCode ?? 500) >= 500;
}

export function stripeErrorMessage(error: unknown): string {
  if (error instanceof Stripe.errors.StripeError) return `${error.code ?? error.type}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export type { Stripe };
