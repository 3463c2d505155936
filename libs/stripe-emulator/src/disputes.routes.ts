import type { Request, Response, Router } from 'express';
import { api } from './api.pipeline';
import type { EmulatorContext } from './emulator.context';
import { render } from './expand.util';
import { newId, nowSeconds, randomToken } from './ids.util';
import { newestFirst, paginate } from './list.util';
import { optString } from './params.validators';
import { notFound } from './stripe-error.model';
import type { Dispute, DisputeStatus } from './stripe-objects.model';

const CLOSED: readonly DisputeStatus[] = ['won', 'lost', 'warning_closed'];

/**
 * Disputes: read through the API (`GET /v1/disputes[/:id]`); opened and closed by test controls, since on Stripe
 * they come from the card network. Each change emits `charge.dispute.created` / `charge.dispute.closed`.
 */
export function registerDisputeRoutes(router: Router, ctx: EmulatorContext): void {
  router.get(
    '/v1/disputes',
    api(ctx, ({ params }) => {
      const charge = optString(params, 'charge');
      const pi = optString(params, 'payment_intent');
      const items = newestFirst(ctx.store.data.disputes).filter((d) => (!charge || d.charge === charge) && (!pi || d.payment_intent === pi));
      return paginate(ctx, items, params, '/v1/disputes');
    }),
  );
  router.get(
    '/v1/disputes/:id',
    api(ctx, ({ params, pathParams }) => {
      const dispute = ctx.store.data.disputes[pathParams['id'] as string];
      if (!dispute) throw notFound('dispute', pathParams['id'] as string);
      return render(ctx, dispute, params);
    }),
  );

  const request = () => ({ id: `req_${randomToken(14)}`, idempotencyKey: null });
  const badRequest = (res: Response, message: string) => res.status(400).json({ error: { message } });

  router.post('/_emulator/disputes', (req: Request, res: Response) => {
    const { charge: chargeId } = (req.body ?? {}) as { charge?: unknown };
    const charge = typeof chargeId === 'string' ? ctx.store.data.charges[chargeId] : undefined;
    if (!charge || charge.status !== 'succeeded') return badRequest(res, 'charge must name a succeeded charge');
    if (Object.values(ctx.store.data.disputes).some((d) => d.charge === charge.id)) return badRequest(res, 'the charge is already disputed');
    const dispute: Dispute = {
      id: newId('dp'),
      object: 'dispute',
      amount: charge.amount - charge.amount_refunded,
      charge: charge.id,
      created: nowSeconds(),
      currency: charge.currency,
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: charge.payment_intent,
      reason: 'fraudulent',
      status: 'needs_response',
    };
    ctx.store.data.disputes[dispute.id] = dispute;
    ctx.events.emit('charge.dispute.created', dispute, { request: request() });
    ctx.store.persist();
    res.status(201).json(dispute);
  });

  router.post('/_emulator/disputes/:id/close', (req: Request, res: Response) => {
    const dispute = ctx.store.data.disputes[req.params['id'] as string];
    if (!dispute) return res.status(404).json({ error: { message: 'no such dispute' } });
    const { status } = (req.body ?? {}) as { status?: unknown };
    if (status !== 'won' && status !== 'lost') return badRequest(res, 'status must be won or lost');
    if (CLOSED.includes(dispute.status)) return badRequest(res, 'the dispute is already closed');
    dispute.status = status;
    ctx.events.emit('charge.dispute.closed', dispute, { request: request(), previous: { status: 'needs_response' } });
    ctx.store.persist();
    res.json(dispute);
  });
}
