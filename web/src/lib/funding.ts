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

export interface FundingFormState extends FormState {
  payment?: CardPayment;
}

/** The challenge page's address after a payment, absolute (`origin` has no trailing slash). */
export function fundingReturnUrl(origin: string, challengeId: string): string {
  return `${origin}/challenges/${encodeURIComponent(challengeId)}?funding=return`;
}
