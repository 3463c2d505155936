import type { EmulatorContext } from './emulator.context';
import type { RequestInfo } from './events.service';
import { newId, nowSeconds } from './ids.util';
import { toApiObject } from './serialize.util';
import { PLATFORM } from './state.store';
import { invalidRequest, missingReferenced, StripeApiError } from './stripe-error.model';
import { CHARGE_UNMODELED, type CardBehavior, type Charge, type PaymentError, type PaymentIntent, type PaymentMethod } from './stripe-objects.model';

interface TestCard {
  brand: string;
  last4: string;
  behavior: CardBehavior;
}

// Stripe's test PaymentMethod tokens. Each use creates a fresh pm_ object, as on Stripe.
export const TEST_CARDS: Record<string, TestCard> = {
  pm_card_visa: { brand: 'visa', last4: '4242', behavior: 'succeed' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', behavior: 'succeed' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', behavior: 'generic_decline' },
  pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', behavior: 'insufficient_funds' },
};

const DECLINES: Record<Exclude<CardBehavior, 'succeed'>, { message: string; seller: string }> = {
  generic_decline: {
    message: 'Your card was declined.',
    seller: 'The bank did not return any further details with this decline.',
  },
  insufficient_funds: { message: 'Your card has insufficient funds.', seller: 'The bank returned the decline code `insufficient_funds`.' },
};

/** Resolves a test token or a stored pm_ id; unknown ids are a 400 resource_missing. */
export function resolvePaymentMethod(ctx: EmulatorContext, id: string, param = 'payment_method'): PaymentMethod {
  const stored = ctx.store.data.paymentMethods[id];
  if (stored) return stored;
  const card = TEST_CARDS[id];
  if (!card) throw missingReferenced('PaymentMethod', id, param);
  const pm: PaymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    billing_details: { address: null, email: null, name: null, phone: null },
    card: { brand: card.brand, country: 'US', exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, funding: 'credit', last4: card.last4 },
    created: nowSeconds(),
    customer: null,
    livemode: false,
    metadata: {},
    type: 'card',
    _behavior: card.behavior,
  };
  ctx.store.data.paymentMethods[pm.id] = pm;
  return pm;
}

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export function assertConfirmable(pi: PaymentIntent): void {
  if (!CONFIRMABLE.includes(pi.status)) {
    throw invalidRequest(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
      'payment_intent_unexpected_state',
    );
  }
}

/**
 * Charges the card: success creates a succeeded charge with its balance transaction and credits
 * the platform balance; a decline records a failed charge and answers 402 card_error. Funds are
 * available immediately (Stripe holds them pending for days; tests want to transfer at once).
 */
export function confirmPaymentIntent(ctx: EmulatorContext, pi: PaymentIntent, pm: PaymentMethod, request: RequestInfo): PaymentIntent {
  assertConfirmable(pi);
  const d = ctx.store.data;
  const created = nowSeconds();
  const chargeId = newId('ch');
  const base: Charge = {
    ...CHARGE_UNMODELED,
    id: chargeId,
    object: 'charge',
    amount: pi.amount,
    amount_captured: 0,
    amount_refunded: 0,
    balance_transaction: null,
    captured: false,
    created,
    currency: pi.currency,
    description: pi.description,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: { ...pi.metadata },
    outcome: {},
    paid: false,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: {
      type: 'card',
      card: { brand: pm.card.brand, country: pm.card.country, exp_month: pm.card.exp_month, exp_year: pm.card.exp_year, funding: pm.card.funding, last4: pm.card.last4 },
    },
    refunded: false,
    status: 'failed',
    transfer_group: pi.transfer_group,
    _amount_transferred: 0,
  };

  if (pm._behavior === 'succeed') {
    const txnId = newId('txn');
    d.balanceTransactions[txnId] = {
      id: txnId,
      object: 'balance_transaction',
      amount: pi.amount,
      available_on: created,
      created,
      currency: pi.currency,
      description: pi.description,
      exchange_rate: null,
      fee: 0,
      fee_details: [],
      net: pi.amount,
      reporting_category: 'charge',
      source: chargeId,
      status: 'available',
      type: 'charge',
      _account: PLATFORM,
    };
    ctx.store.adjustAvailable(PLATFORM, pi.currency, pi.amount);
    const charge: Charge = {
      ...base,
      amount_captured: pi.amount,
      balance_transaction: txnId,
      captured: true,
      outcome: { network_status: 'approved_by_network', reason: null, risk_level: 'normal', seller_message: 'Payment complete.', type: 'authorized' },
      paid: true,
      status: 'succeeded',
    };
    d.charges[chargeId] = charge;
    Object.assign(pi, {
      status: 'succeeded',
      amount_received: pi.amount,
      latest_charge: chargeId,
      payment_method: pm.id,
      last_payment_error: null,
    });
    ctx.events.emit('charge.succeeded', charge, { request });
    ctx.events.emit('payment_intent.succeeded', pi, { request });
    ctx.store.persist();
    return pi;
  }

  const decline = DECLINES[pm._behavior];
  const charge: Charge = {
    ...base,
    failure_code: 'card_declined',
    failure_message: decline.message,
    outcome: { network_status: 'declined_by_network', reason: pm._behavior, risk_level: 'normal', seller_message: decline.seller, type: 'issuer_declined' },
  };
  d.charges[chargeId] = charge;
  const error: PaymentError = {
    type: 'card_error',
    code: 'card_declined',
    decline_code: pm._behavior,
    message: decline.message,
    charge: chargeId,
    doc_url: 'https://stripe.com/docs/error-codes/card-declined',
    payment_method: toApiObject(pm) as unknown as PaymentError['payment_method'],
  };
  // A declined PaymentIntent goes back to requires_payment_method and drops the failed method.
  Object.assign(pi, { status: 'requires_payment_method', latest_charge: chargeId, payment_method: null, last_payment_error: error });
  ctx.events.emit('charge.failed', charge, { request });
  ctx.events.emit('payment_intent.payment_failed', pi, { request });
  ctx.store.persist();
  throw new StripeApiError(402, {
    type: 'card_error',
    code: 'card_declined',
    decline_code: pm._behavior,
    message: decline.message,
    charge: chargeId,
    doc_url: error.doc_url,
    payment_intent: toApiObject(pi),
    payment_method: toApiObject(pm),
    request_log_url: `https://dashboard.stripe.com/test/logs/${request.id ?? ''}`,
  });
}

/** Currencies whose amounts have no minor unit (Stripe's zero-decimal list). */
const ZERO_DECIMAL = ['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'];
const THREE_DECIMAL = ['bhd', 'jod', 'kwd', 'omr', 'tnd'];

export function currencyExponent(currency: string): number {
  if (ZERO_DECIMAL.includes(currency)) return 0;
  if (THREE_DECIMAL.includes(currency)) return 3;
  return 2;
}

/** "12.34 USD" from 1234 and 'usd', with integer arithmetic only. */
export function formatAmount(amount: number, currency: string): string {
  const exp = currencyExponent(currency);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exp + 1, '0');
  const major = exp === 0 ? digits : digits.slice(0, -exp);
  const minor = exp === 0 ? '' : `.${digits.slice(-exp)}`;
  return `${sign}${major}${minor} ${currency.toUpperCase()}`;
}

// Stripe's minimum charge amounts for common currencies (in minor units); others accept ≥ 1.
const MINIMUM_CHARGE: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, chf: 50, jpy: 50 };

export function minimumCharge(currency: string): number {
  return MINIMUM_CHARGE[currency] ?? 1;
}
