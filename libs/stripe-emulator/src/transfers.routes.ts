import type { Router } from 'express';
import { allowOnly } from './allowed-params.util';
import { api } from './api.pipeline';
import type { EmulatorContext } from './emulator.context';
import { render } from './expand.util';
import { newId, nowSeconds } from './ids.util';
import { newestFirst, paginate } from './list.util';
import { applyMetadata, optInt, optString, reqCurrency, reqInt, reqString } from './params.validators';
import { formatAmount } from './payments.service';
import { toApiObject } from './serialize.util';
import { PLATFORM } from './state.store';
import { invalidRequest, missingReferenced, notFound } from './stripe-error.model';
import type { BalanceTransaction, BalanceTransactionType, Transfer, TransferReversal } from './stripe-objects.model';

function getTransfer(ctx: EmulatorContext, id: string): Transfer {
  const t = ctx.store.data.transfers[id];
  if (!t) throw notFound('transfer', id);
  return t;
}

function recordTxn(
  ctx: EmulatorContext,
  account: string,
  type: BalanceTransactionType,
  amount: number,
  currency: string,
  source: string,
  reportingCategory: string,
): string {
  const created = nowSeconds();
  const txn: BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount,
    available_on: created,
    created,
    currency,
    description: null,
    exchange_rate: null,
    fee: 0,
    fee_details: [],
    net: amount,
    reporting_category: reportingCategory,
    source,
    status: 'available',
    type,
    _account: account,
  };
  ctx.store.data.balanceTransactions[txn.id] = txn;
  ctx.store.adjustAvailable(account, currency, amount);
  return txn.id;
}

const insufficient = () =>
  invalidRequest(
    'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance',
    'balance_insufficient',
  );

export function registerTransferRoutes(router: Router, ctx: EmulatorContext): void {
  router.post(
    '/v1/transfers',
    api(ctx, ({ params, request }) => {
      allowOnly(params, ['amount', 'currency', 'destination', 'transfer_group', 'source_transaction', 'metadata', 'description', 'source_type']);
      const amount = reqInt(params, 'amount', { min: 1 });
      const currency = reqCurrency(params);
      const destinationId = reqString(params, 'destination');
      const group = optString(params, 'transfer_group') ?? null;
      const sourceId = optString(params, 'source_transaction') ?? null;
      const metadata = applyMetadata({}, params);
      const d = ctx.store.data;

      const destination = d.accounts[destinationId];
      if (!destination) throw missingReferenced('destination', destinationId, 'destination');
      if (destination.capabilities['transfers'] !== 'active') {
        throw invalidRequest(
          'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
          'insufficient_capabilities_for_transfer',
          'destination',
        );
      }
      const source = sourceId ? d.charges[sourceId] : undefined;
      if (sourceId) {
        // With source_transaction Stripe draws on that charge, not on the available balance.
        if (!source) throw missingReferenced('charge', sourceId, 'source_transaction');
        if (source.status !== 'succeeded') throw invalidRequest(`Charge ${source.id} has not succeeded.`, undefined, 'source_transaction');
        if (source.currency !== currency) {
          throw invalidRequest(
            `The currency of source_transaction's balance transaction (${source.currency}) must be the same as the transfer currency (${currency})`,
            undefined,
            'currency',
          );
        }
        const transferable = source.amount - source.amount_refunded - source._amount_transferred;
        if (amount > transferable) {
          throw invalidRequest(
            `Insufficient funds in the source transaction: ${formatAmount(transferable, currency)} of ${source.id} remain to transfer; the transfer asked for ${formatAmount(amount, currency)}.`,
            'balance_insufficient',
            'amount',
          );
        }
      } else if (ctx.store.balanceOf(PLATFORM, currency).available < amount) {
        throw insufficient();
      }

      const id = newId('tr');
      const destinationPayment = newId('py');
      const txn = recordTxn(ctx, PLATFORM, 'transfer', -amount, currency, id, 'transfer');
      recordTxn(ctx, destination.id, 'payment', amount, currency, destinationPayment, 'charge');
      if (source) source._amount_transferred += amount;
      const transfer: Transfer = {
        id,
        object: 'transfer',
        amount,
        amount_reversed: 0,
        balance_transaction: txn,
        created: nowSeconds(),
        currency,
        description: optString(params, 'description') ?? null,
        destination: destination.id,
        destination_payment: destinationPayment,
        livemode: false,
        metadata,
        reversals: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/transfers/${id}/reversals` },
        reversed: false,
        source_transaction: sourceId,
        source_type: 'card',
        transfer_group: group,
      };
      d.transfers[id] = transfer;
      ctx.events.emit('transfer.created', transfer, { request });
      return render(ctx, transfer, params);
    }),
  );

  router.get(
    '/v1/transfers',
    api(ctx, ({ params }) => {
      const group = optString(params, 'transfer_group');
      const destination = optString(params, 'destination');
      const items = newestFirst(ctx.store.data.transfers).filter(
        (t) => (!group || t.transfer_group === group) && (!destination || t.destination === destination),
      );
      return paginate(ctx, items, params, '/v1/transfers');
    }),
  );

  router.get(
    '/v1/transfers/:id',
    api(ctx, ({ params, pathParams }) => render(ctx, getTransfer(ctx, pathParams['id'] as string), params)),
  );

  router.post(
    '/v1/transfers/:id',
    api(ctx, ({ params, pathParams }) => {
      allowOnly(params, ['metadata', 'description']);
      const transfer = getTransfer(ctx, pathParams['id'] as string);
      transfer.metadata = applyMetadata(transfer.metadata, params);
      const description = optString(params, 'description');
      if (description !== undefined) transfer.description = description || null;
      return render(ctx, transfer, params);
    }),
  );

  router.post(
    '/v1/transfers/:id/reversals',
    api(ctx, ({ params, pathParams, request }) => {
      allowOnly(params, ['amount', 'metadata', 'description', 'refund_application_fee']);
      const transfer = getTransfer(ctx, pathParams['id'] as string);
      const amountParam = optInt(params, 'amount', { min: 1 });
      const metadata = applyMetadata({}, params);
      const remaining = transfer.amount - transfer.amount_reversed;
      if (remaining === 0) throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, 'transfer_already_reversed');
      const amount = amountParam ?? remaining;
      if (amount > remaining) {
        throw invalidRequest(
          `Reversal amount (${formatAmount(amount, transfer.currency)}) is greater than the amount remaining on the transfer (${formatAmount(remaining, transfer.currency)}).`,
          'amount_too_large',
          'amount',
        );
      }
      const id = newId('trr');
      const refundOfPayment = newId('pyr');
      // The connected account's balance may go negative, as on Stripe; the platform is credited.
      recordTxn(ctx, transfer.destination, 'payment_refund', -amount, transfer.currency, refundOfPayment, 'refund');
      const txn = recordTxn(ctx, PLATFORM, 'transfer_refund', amount, transfer.currency, id, 'transfer_reversal');
      const reversal: TransferReversal = {
        id,
        object: 'transfer_reversal',
        amount,
        balance_transaction: txn,
        created: nowSeconds(),
        currency: transfer.currency,
        destination_payment_refund: refundOfPayment,
        metadata,
        source_refund: null,
        transfer: transfer.id,
      };
      ctx.store.data.transferReversals[id] = reversal;
      const previous = { amount_reversed: transfer.amount_reversed, reversed: transfer.reversed };
      transfer.amount_reversed += amount;
      transfer.reversed = transfer.amount_reversed === transfer.amount;
      transfer.reversals.data.unshift(toApiObject(reversal) as unknown as TransferReversal);
      transfer.reversals.total_count += 1;
      // A reversal frees the source charge's funds for another transfer.
      const source = transfer.source_transaction ? ctx.store.data.charges[transfer.source_transaction] : undefined;
      if (source) source._amount_transferred -= amount;
      ctx.events.emit('transfer.reversed', transfer, { request, previous });
      return render(ctx, reversal, params);
    }),
  );

  router.get(
    '/v1/transfers/:id/reversals',
    api(ctx, ({ params, pathParams }) => {
      const transfer = getTransfer(ctx, pathParams['id'] as string);
      const items = newestFirst(ctx.store.data.transferReversals).filter((r) => r.transfer === transfer.id);
      return paginate(ctx, items, params, `/v1/transfers/${transfer.id}/reversals`);
    }),
  );

  router.get(
    '/v1/transfers/:id/reversals/:reversalId',
    api(ctx, ({ params, pathParams }) => {
      const transfer = getTransfer(ctx, pathParams['id'] as string);
      const reversal = ctx.store.data.transferReversals[pathParams['reversalId'] as string];
      if (!reversal || reversal.transfer !== transfer.id) throw notFound('transfer_reversal', pathParams['reversalId'] as string);
      return render(ctx, reversal, params);
    }),
  );
}
