// Shared by the specs: an emulator per test, the real stripe SDK pointed at it, and shortcuts.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from './emulator.server';

export interface TestEmulator {
  emulator: StripeEmulator;
  stripe: Stripe;
  /** A client with a short timeout, for the timeout faults. */
  stripeWithTimeout(ms: number): Stripe;
  control(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: any }>;
}

export function sdk(port: number, extra: Partial<Stripe.StripeConfig> = {}): Stripe {
  return new Stripe('sk_test_anything', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, ...extra });
}

export async function startTestEmulator(options: StripeEmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startStripeEmulator({ port: 0, ...options });
  return {
    emulator,
    stripe: sdk(emulator.port),
    stripeWithTimeout: (ms) => sdk(emulator.port, { timeout: ms }),
    control: async (path, init = {}) => {
      const res = await fetch(`${emulator.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      return { status: res.status, body: await res.json() };
    },
  };
}

/** Submits the hosted onboarding form for a fresh account link, as a browser would. */
export async function onboard(t: TestEmulator, accountId: string, outcome: 'complete' | 'incomplete'): Promise<Response> {
  const link = await t.stripe.accountLinks.create({
    account: accountId,
    type: 'account_onboarding',
    refresh_url: 'https://platform.example/refresh',
    return_url: 'https://platform.example/return',
  });
  return fetch(link.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ outcome }).toString(),
    redirect: 'manual',
  });
}

export async function activeAccount(t: TestEmulator): Promise<Stripe.Account> {
  const account = await t.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
  await onboard(t, account.id, 'complete');
  return t.stripe.accounts.retrieve(account.id);
}

/** A succeeded card payment, which (in the emulator) credits the available balance at once. */
export async function pay(t: TestEmulator, amount: number, extra: Partial<Stripe.PaymentIntentCreateParams> = {}): Promise<Stripe.PaymentIntent> {
  return t.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    ...extra,
  });
}

export async function availableUsd(stripe: Stripe, stripeAccount?: string): Promise<number> {
  const balance = await stripe.balance.retrieve({}, stripeAccount ? { stripeAccount } : {});
  return balance.available.find((b) => b.currency === 'usd')?.amount ?? 0;
}

export interface ReceivedWebhook {
  body: string;
  signature: string;
}

/** A local webhook receiver; `respond` decides each answer's status (e.g. 500 first, then 200). */
export async function startWebhookReceiver(respond: (n: number) => number = () => 200): Promise<{
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['stripe-signature'] ?? '') });
      res.statusCode = respond(received.length);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
