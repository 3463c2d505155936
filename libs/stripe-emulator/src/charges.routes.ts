import type { Router } from 'express';
import { api } from './api.pipeline';
import type { EmulatorContext } from './emulator.context';
import { render } from './expand.util';
import { newestFirst, paginate } from './list.util';
import { optString } from './params.validators';
import { notFound } from './stripe-error.model';

export function registerChargeRoutes(router: Router, ctx: EmulatorContext): void {
  router.get(
    '/v1/charges',
    api(ctx, ({ params }) => {
      const pi = optString(params, 'payment_intent');
      const group = optString(params, 'transfer_group');
      const items = newestFirst(ctx.store.data.charges).filter(
        (c) => (!pi || c.payment_intent === pi) && (!group || c.transfer_group === group),
      );
      return paginate(ctx, items, params, '/v1/charges');
    }),
  );

  router.get(
    '/v1/charges/:id',
    api(ctx, ({ params, pathParams }) => {
      const charge = ctx.store.data.charges[pathParams['id'] as string];
      if (!charge) throw notFound('charge', pathParams['id'] as string);
      return render(ctx, charge, params);
    }),
  );

  router.get(
    '/v1/payment_methods/:id',
    api(ctx, ({ params, pathParams }) => {
      const pm = ctx.store.data.paymentMethods[pathParams['id'] as string];
      if (!pm) throw notFound('payment_method', pathParams['id'] as string);
      return render(ctx, pm, params);
    }),
  );
}
