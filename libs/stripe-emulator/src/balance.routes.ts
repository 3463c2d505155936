import type { Router } from 'express';
import { api } from './api.pipeline';
import type { EmulatorContext } from './emulator.context';
import { render } from './expand.util';
import { newestFirst, paginate } from './list.util';
import { optString } from './params.validators';
import { PLATFORM } from './state.store';
import { notFound } from './stripe-error.model';

export function registerBalanceRoutes(router: Router, ctx: EmulatorContext): void {
  // The balance of the platform, or of the connected account named by Stripe-Account.
  router.get(
    '/v1/balance',
    api(ctx, ({ account }) => {
      const balances = ctx.store.data.balances[account ?? PLATFORM] ?? {};
      const currencies = Object.keys(balances).sort();
      if (currencies.length === 0) currencies.push('usd');
      const entry = (kind: 'available' | 'pending') =>
        currencies.map((currency) => {
          const amount = balances[currency]?.[kind] ?? 0;
          return { amount, currency, source_types: { card: amount } };
        });
      return { object: 'balance', available: entry('available'), livemode: false, pending: entry('pending') };
    }),
  );

  router.get(
    '/v1/balance_transactions',
    api(ctx, ({ params, account }) => {
      const type = optString(params, 'type');
      const source = optString(params, 'source');
      const currency = optString(params, 'currency');
      const owner = account ?? PLATFORM;
      const items = newestFirst(ctx.store.data.balanceTransactions).filter(
        (t) => t._account === owner && (!type || t.type === type) && (!source || t.source === source) && (!currency || t.currency === currency),
      );
      return paginate(ctx, items, params, '/v1/balance_transactions');
    }),
  );

  router.get(
    '/v1/balance_transactions/:id',
    api(ctx, ({ params, pathParams, account }) => {
      const id = pathParams['id'] as string;
      const txn = ctx.store.data.balanceTransactions[id];
      if (!txn || txn._account !== (account ?? PLATFORM)) throw notFound('balance transaction', id);
      return render(ctx, txn, params);
    }),
  );
}
