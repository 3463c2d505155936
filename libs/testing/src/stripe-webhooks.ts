import { LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET, LOCAL_STRIPE_WEBHOOK_SECRET } from '@ideagora/config';
import { signPayload } from '@ideagora/stripe-emulator';
import type { Stack } from './stack.harness';

/**
 * POSTs a Stripe event to the payouts webhook route, signed as Stripe (and the emulator) sign it: with the account
 * endpoint's secret, the Connect endpoint's, or any other. How tests play someone who holds a signing secret.
 */
export async function postStripeWebhook(
  stack: Stack,
  event: object,
  options: { secret?: 'account' | 'connect' | string; timestamp?: number } = {},
): Promise<Response> {
  const secret = options.secret === 'connect' ? LOCAL_STRIPE_CONNECT_WEBHOOK_SECRET : options.secret === 'account' || !options.secret ? LOCAL_STRIPE_WEBHOOK_SECRET : options.secret;
  const body = JSON.stringify(event);
  return fetch(`${stack.subgraphUrls.payouts.replace(/\/graphql$/, '')}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signPayload(body, secret, options.timestamp) },
    body,
  });
}

/** Sets how the stack's Stripe emulator delivers webhooks (see the emulator's DeliveryPolicy); `{}` is the default. */
export async function setWebhookPolicy(stack: Stack, policy: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${stack.stripeEmulatorUrl}/_emulator/webhook-policy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(policy) });
  if (response.status !== 201) throw new Error(`webhook policy refused: ${await response.text()}`);
}

/** Sends the webhooks the emulator held, one after another, in the order asked; returns how many. */
export async function releaseHeldWebhooks(stack: Stack, order: 'newest-first' | 'oldest-first'): Promise<number> {
  const response = await fetch(`${stack.stripeEmulatorUrl}/_emulator/webhook-policy/release`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order }) });
  return ((await response.json()) as { released: number }).released;
}
