import type { FormState } from './errors';

type MoneyValue = { amountMinor: string; currency: string };

/** What the browser needs to pay a funding with Stripe's Payment Element. */
export interface CardPayment {
  /** The PaymentIntent's client secret (from FundChallenge): it lets Stripe.js confirm this one payment, nothing more. */
  clientSecret: string;
  /** Absolute URL Stripe sends the sponsor back to: the challenge page, which shows the funding status. */
  returnUrl: string;
  /** What the card is charged: the prize pool plus the platform fee. */
  amount: MoneyValue;
  platformFee: MoneyValue;
}

/** What opens the hosted payment page (emulator path) with a POST: the client secret goes in the body, never in a URL. */
export interface PaymentHandoff {
  /** The payment page's address (no secret in it). */
  action: string;
  clientSecret: string;
  returnUrl: string;
}

export interface FundingFormState extends FormState {
  payment?: CardPayment;
  handoff?: PaymentHandoff;
}

/**
 * What Stripe (and the emulator) append to the return URL after a payment: `payment_intent_client_secret` must not
 * stay in the address bar, history or a later Referer, and the challenge page needs neither it nor the PaymentIntent
 * id (it shows the funding as payouts knows it). Null when there is nothing to take out.
 */
export function withoutPaymentSecret(url: URL): URL | null {
  if (!url.searchParams.has('payment_intent_client_secret') && !url.searchParams.has('payment_intent')) return null;
  const clean = new URL(url);
  clean.searchParams.delete('payment_intent_client_secret');
  clean.searchParams.delete('payment_intent');
  return clean;
}

/** The challenge page's address after a payment, absolute (`origin` has no trailing slash). */
export function fundingReturnUrl(origin: string, challengeId: string): string {
  return `${origin}/challenges/${encodeURIComponent(challengeId)}?funding=return`;
}

const CARD_BRANDS: Record<string, string> = {
  visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', diners: 'Diners Club', jcb: 'JCB', unionpay: 'UnionPay',
  cartes_bancaires: 'Cartes Bancaires', eftpos_au: 'eftpos', interac: 'Interac',
};

/** "Visa ending 4242", from Stripe's brand code and last four digits; "Card" when Stripe did not say which. */
export function cardDescription(brand: string | null | undefined, last4: string | null | undefined): string {
  const name = brand ? (CARD_BRANDS[brand] ?? 'Card') : 'Card';
  return last4 && /^\d{4}$/.test(last4) ? `${name} ending ${last4}` : name;
}
