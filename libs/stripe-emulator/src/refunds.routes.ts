import type { Router } from 'express';
import { allowOnly } from './allowed-params.util';
import { api } from './api.pipeline';
import type { EmulatorContext } from './emulator.context';
import { render } from './expand.util';
import { newId, nowSeconds } from './ids.util';
import { newestFirst, paginate } from './list.util';
import { applyMetadata, optEnum, optInt, optString } from './params.validators';
import { formatAmount } from './payments.service';
import { PLATFORM } from './state.store';
import { invalidRequest, missingReferenced, notFound, paramError } from './stripe-error.model';
import { REFUND_UNMODELED, type Charge, type Refund } from './stripe-objects.model';

function chargeToRefund(ctx: EmulatorContext, chargeId: string | undefined, piId: string | undefined): Charge {
  const d = ctx.store.data;
  if (chargeId && piId) throw paramError('charge', 'You may only specify one of these parameters: charge, payment_intent.');
  if (piId) {
    const pi = d.paymentIntents[piId];
    if (!pi) throw missingReferenced('payment_intent', piId, 'payment_intent');
    const charge = pi.latest_charge ? d.charges[pi.latest_charge] : undefined;
    if (pi.status !== 'succeeded' || !charge) {
      throw invalidRequest(
        `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
        'charge_not_refundable',
        'payment_intent',
      );
    }
    return charge;
  }
  if (!chargeId) throw paramError('charge', 'One of the following params should be provided for this request: payment_intent or charge.', 'parameter_missing');
  const charge = d.charges[chargeId];
  if (!charge) throw missingReferenced('charge', chargeId, 'charge');
  if (charge.status !== 'succeeded') throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, 'charge_not_refundable', 'charge');
  return charge;
}

export function registerRefundRoutes(router: Router, ctx: EmulatorContext): void {
  router.post(
    '/v1/refunds',
    api(ctx, ({ params, request }) => {
      allowOnly(params, ['charge', 'payment_intent', 'amount', 'reason', 'metadata', 'refund_application_fee', 'reverse_transfer', 'instructions_email', 'currency', 'customer', 'origin']);
      const amountParam = optInt(params, 'amount', { min: 1 });
      const reason = optEnum(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const);
      const metadata = applyMetadata({}, params);
      const charge = chargeToRefund(ctx, optString(params, 'charge'), optString(params, 'payment_intent'));
      const remaining = charge.amount - charge.amount_refunded;
      if (remaining === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
      const amount = amountParam ?? remaining;
      if (amount > remaining) {
        throw invalidRequest(
          `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
          'amount_too_large',
          'amount',
        );
      }
      // Refunds are paid out of the platform's available balance.
      if (ctx.store.balanceOf(PLATFORM, charge.currency).available < amount) {
        throw invalidRequest(
          'You have insufficient funds in your Stripe account for this refund. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance.',
          'balance_insufficient',
        );
      }
      const d = ctx.store.data;
      const created = nowSeconds();
      const id = newId('re');
      const txnId = newId('txn');
      d.balanceTransactions[txnId] = {
        id: txnId,
        object: 'balance_transaction',
        amount: -amount,
        available_on: created,
        created,
        currency: charge.currency,
        description: 'REFUND FOR CHARGE',
        exchange_rate: null,
        fee: 0,
        fee_details: [],
        net: -amount,
        reporting_category: 'refund',
        source: id,
        status: 'available',
        type: 'refund',
        _account: PLATFORM,
      };
      ctx.store.adjustAvailable(PLATFORM, charge.currency, -amount);
      const refund: Refund = {
        ...REFUND_UNMODELED,
        id,
        payment_method: charge.payment_method,
        object: 'refund',
        amount,
        balance_transaction: txnId,
        charge: charge.id,
        created,
        currency: charge.currency,
        metadata,
        payment_intent: charge.payment_intent,
        reason: reason ?? null,
        status: 'succeeded',
      };
      d.refunds[id] = refund;
      const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
      charge.amount_refunded += amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      ctx.events.emit('refund.created', refund, { request });
      ctx.events.emit('charge.refunded', charge, { request, previous });
      return render(ctx, refund, params);
    }),
  );

  router.get(
    '/v1/refunds',
    api(ctx, ({ params }) => {
      const charge = optString(params, 'charge');
      const pi = optString(params, 'payment_intent');
      const items = newestFirst(ctx.store.data.refunds).filter(
        (r) => (!charge || r.charge === charge) && (!pi || r.payment_intent === pi),
      );
      return paginate(ctx, items, params, '/v1/refunds');
    }),
  );

  router.get(
    '/v1/refunds/:id',
    api(ctx, ({ params, pathParams }) => {
      const refund = ctx.store.data.refunds[pathParams['id'] as string];
      if (!refund) throw notFound('refund', pathParams['id'] as string);
      return render(ctx, refund, params);
    }),
  );
}
