import type { Router } from 'express';
import { allowOnly } from './allowed-params.util';
import { api } from './api.pipeline';
import type { EmulatorContext } from './emulator.context';
import type { RequestInfo } from './events.service';
import { render } from './expand.util';
import type { FormParams } from './form-params.parser';
import { newId, nowSeconds, randomToken } from './ids.util';
import { newestFirst, paginate } from './list.util';
import {
  applyMetadata,
  optBool,
  optEnum,
  optInt,
  optObject,
  optString,
  optStringArray,
  reqCurrency,
  reqInt,
} from './params.validators';
import { confirmPaymentIntent, formatAmount, minimumCharge, resolvePaymentMethod } from './payments.service';
import { invalidRequest, notFound, paramError } from './stripe-error.model';
import { PAYMENT_INTENT_UNMODELED, type PaymentIntent } from './stripe-objects.model';

const MAX_AMOUNT = 99_999_999;
const CREATE_PARAMS = [
  'amount',
  'currency',
  'transfer_group',
  'metadata',
  'description',
  'payment_method_types',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  'automatic_payment_methods',
  'payment_method',
  'confirm',
  'return_url',
  'receipt_email',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'customer',
  'on_behalf_of',
  'capture_method',
  'confirmation_method',
  'setup_future_usage',
  'payment_method_options',
  'error_on_requires_action',
  'use_stripe_sdk',
  'application_fee_amount',
];
const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];

export function getPaymentIntent(ctx: EmulatorContext, id: string): PaymentIntent {
  const pi = ctx.store.data.paymentIntents[id];
  if (!pi) throw notFound('payment_intent', id);
  return pi;
}

function validAmount(params: FormParams, currency: string): number | undefined {
  const amount = optInt(params, 'amount', { max: MAX_AMOUNT });
  if (amount !== undefined && amount < minimumCharge(currency)) {
    throw paramError('amount', `Amount must be at least ${formatAmount(minimumCharge(currency), currency)}`, 'amount_too_small');
  }
  return amount;
}

/**
 * Server-side confirmation of a PaymentIntent that accepts dashboard-enabled (automatic) payment
 * methods needs a return_url unless redirects are disabled, exactly as Stripe enforces it.
 */
function assertRedirectPolicy(pi: PaymentIntent, returnUrl: string | undefined): void {
  const auto = pi.automatic_payment_methods;
  const cardOnly = pi.allowed_payment_method_types?.every((t) => t === 'card') ?? false;
  if (auto?.enabled && auto.allow_redirects !== 'never' && !cardOnly && !returnUrl) {
    throw invalidRequest(
      'This PaymentIntent is configured to accept payment methods enabled in your Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents. If you do want to accept redirect-based payment methods, set the `return_url` parameter when confirming a PaymentIntent.',
    );
  }
}

function missingParamForConfirm() {
  return invalidRequest(
    "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
    'payment_intent_unexpected_state',
  );
}

function confirm(ctx: EmulatorContext, pi: PaymentIntent, params: FormParams, request: RequestInfo): PaymentIntent {
  const pmId = optString(params, 'payment_method') ?? pi.payment_method;
  if (!pmId) throw missingParamForConfirm();
  const pm = resolvePaymentMethod(ctx, pmId);
  if (!pi.payment_method_types.includes(pm.type)) {
    throw invalidRequest(
      `The provided PaymentMethod type ${pm.type} is not allowed for this PaymentIntent.`,
      'payment_intent_invalid_parameter',
      'payment_method',
    );
  }
  return confirmPaymentIntent(ctx, pi, pm, request);
}

export function registerPaymentIntentRoutes(router: Router, ctx: EmulatorContext): void {
  router.post(
    '/v1/payment_intents',
    api(ctx, ({ params, request }) => {
      allowOnly(params, CREATE_PARAMS);
      const currency = reqCurrency(params);
      const amount = validAmount(params, currency);
      if (amount === undefined) reqInt(params, 'amount');
      // API version 2026-10-28.endive (stripe-node v23) replaced payment_method_types with
      // allowed_payment_method_types (a filter that combines with automatic payment methods);
      // requests pinned to older versions still send the former, which excludes them.
      const allowed = optStringArray(params, 'allowed_payment_method_types');
      const legacy = optStringArray(params, 'payment_method_types');
      const types = allowed ?? legacy;
      const auto = optObject(params, 'automatic_payment_methods');
      if (legacy && auto) {
        throw paramError('automatic_payment_methods', 'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.');
      }
      const autoEnabled = auto ? optBool(auto, 'enabled') : undefined;
      const allowRedirects = auto ? optEnum(auto, 'allow_redirects', ['always', 'never'] as const) : undefined;
      if (types && types.some((t) => t !== 'card')) {
        throw paramError(allowed ? 'allowed_payment_method_types' : 'payment_method_types', `The payment method type "${types.find((t) => t !== 'card')}" is invalid. The emulator supports "card".`, 'payment_intent_invalid_parameter');
      }
      const confirmNow = optBool(params, 'confirm') ?? false;
      const returnUrl = optString(params, 'return_url');
      if (returnUrl !== undefined && !confirmNow) {
        throw paramError('return_url', 'return_url can only be set when confirm=true.', 'parameter_invalid');
      }
      const pmId = optString(params, 'payment_method');
      const id = newId('pi');
      // Since API version 2023-08-16 PaymentIntents default to automatic payment methods.
      const automatic = legacy || (allowed && !auto) ? null : { enabled: autoEnabled ?? true, ...(allowRedirects ? { allow_redirects: allowRedirects } : {}) };
      const pi: PaymentIntent = {
        ...PAYMENT_INTENT_UNMODELED,
        id,
        object: 'payment_intent',
        allowed_payment_method_types: allowed ?? null,
        amount: amount as number,
        amount_capturable: 0,
        amount_received: 0,
        automatic_payment_methods: automatic,
        canceled_at: null,
        cancellation_reason: null,
        capture_method: 'automatic',
        client_secret: `${id}_secret_${randomToken(25)}`,
        confirmation_method: 'automatic',
        created: nowSeconds(),
        currency,
        customer: optString(params, 'customer') ?? null,
        description: optString(params, 'description') ?? null,
        last_payment_error: null,
        latest_charge: null,
        livemode: false,
        metadata: applyMetadata({}, params),
        next_action: null,
        on_behalf_of: optString(params, 'on_behalf_of') ?? null,
        payment_method: null,
        payment_method_types: types ?? ['card'],
        receipt_email: optString(params, 'receipt_email') ?? null,
        statement_descriptor: optString(params, 'statement_descriptor') ?? null,
        status: 'requires_payment_method',
        transfer_data: null,
        transfer_group: optString(params, 'transfer_group') ?? null,
      };
      if (pmId) {
        pi.payment_method = resolvePaymentMethod(ctx, pmId).id;
        pi.status = 'requires_confirmation';
      }
      if (confirmNow) {
        if (!pmId) throw missingParamForConfirm();
        assertRedirectPolicy(pi, returnUrl);
      }
      ctx.store.data.paymentIntents[id] = pi;
      ctx.events.emit('payment_intent.created', pi, { request });
      if (confirmNow) confirm(ctx, pi, {}, request);
      return render(ctx, pi, params);
    }),
  );

  router.get(
    '/v1/payment_intents',
    api(ctx, ({ params }) => paginate(ctx, newestFirst(ctx.store.data.paymentIntents), params, '/v1/payment_intents')),
  );

  router.get(
    '/v1/payment_intents/:id',
    api(ctx, ({ params, pathParams }) => {
      const pi = getPaymentIntent(ctx, pathParams['id'] as string);
      // Publishable-key clients pass client_secret; with a secret key it is simply checked.
      const secret = optString(params, 'client_secret');
      if (secret !== undefined && secret !== pi.client_secret) throw notFound('payment_intent', pi.id);
      return render(ctx, pi, params);
    }),
  );

  router.post(
    '/v1/payment_intents/:id',
    api(ctx, ({ params, pathParams }) => {
      allowOnly(params, ['amount', 'currency', 'metadata', 'description', 'transfer_group', 'payment_method', 'receipt_email']);
      const pi = getPaymentIntent(ctx, pathParams['id'] as string);
      if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status)) {
        throw invalidRequest(
          `This PaymentIntent's amount could not be updated because it has a status of ${pi.status}. You may only update the amount of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action.`,
          'payment_intent_unexpected_state',
        );
      }
      const currency = optString(params, 'currency') !== undefined ? reqCurrency(params) : pi.currency;
      const amount = validAmount(params, currency);
      const metadata = applyMetadata(pi.metadata, params);
      const pmId = optString(params, 'payment_method');
      const pm = pmId ? resolvePaymentMethod(ctx, pmId) : undefined;
      pi.currency = currency;
      if (amount !== undefined) pi.amount = amount;
      pi.metadata = metadata;
      const description = optString(params, 'description');
      if (description !== undefined) pi.description = description || null;
      const group = optString(params, 'transfer_group');
      if (group !== undefined) pi.transfer_group = group || null;
      if (pm) {
        pi.payment_method = pm.id;
        pi.status = 'requires_confirmation';
      }
      return render(ctx, pi, params);
    }),
  );

  router.post(
    '/v1/payment_intents/:id/confirm',
    api(ctx, ({ params, pathParams, request }) => {
      allowOnly(params, ['payment_method', 'return_url', 'receipt_email', 'payment_method_options', 'setup_future_usage', 'off_session', 'mandate_data', 'error_on_requires_action', 'use_stripe_sdk']);
      const pi = getPaymentIntent(ctx, pathParams['id'] as string);
      assertRedirectPolicy(pi, optString(params, 'return_url'));
      confirm(ctx, pi, params, request);
      return render(ctx, pi, params);
    }),
  );

  router.post(
    '/v1/payment_intents/:id/cancel',
    api(ctx, ({ params, pathParams, request }) => {
      allowOnly(params, ['cancellation_reason']);
      const pi = getPaymentIntent(ctx, pathParams['id'] as string);
      const reason = optEnum(params, 'cancellation_reason', ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const);
      if (!CANCELABLE.includes(pi.status)) {
        throw invalidRequest(
          `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
          'payment_intent_unexpected_state',
        );
      }
      Object.assign(pi, { status: 'canceled', canceled_at: nowSeconds(), cancellation_reason: reason ?? null });
      ctx.events.emit('payment_intent.canceled', pi, { request });
      return render(ctx, pi, params);
    }),
  );
}

