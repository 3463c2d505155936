import type { Request, Response, Router } from 'express';
import type { EmulatorContext } from './emulator.context';
import type { FaultSpec } from './faults.registry';
import type { DeliveryPolicy } from './webhooks.dispatcher';

const badRequest = (res: Response, message: string) => res.status(400).json({ error: { message } });

/** Test controls under /_emulator (no auth): faults, request log, webhook endpoints, reset. */
export function registerControlRoutes(router: Router, ctx: EmulatorContext, onReset: () => void): void {
  router.post('/_emulator/faults', (req: Request, res: Response) => {
    try {
      ctx.faults.add(req.body as FaultSpec);
    } catch (err) {
      return badRequest(res, (err as Error).message);
    }
    res.status(201).json({ faults: ctx.faults.list() });
  });
  router.get('/_emulator/faults', (_req, res) => res.json({ faults: ctx.faults.list() }));
  router.delete('/_emulator/faults', (_req, res) => {
    ctx.faults.clear();
    res.json({ faults: [] });
  });

  router.get('/_emulator/requests', (req, res) => {
    const method = typeof req.query['method'] === 'string' ? req.query['method'] : undefined;
    const path = typeof req.query['path'] === 'string' ? req.query['path'] : undefined;
    res.json({ requests: ctx.requestLog.list({ method, path }) });
  });
  router.delete('/_emulator/requests', (_req, res) => {
    ctx.requestLog.clear();
    res.json({ requests: [] });
  });

  router.post('/_emulator/webhook-endpoints', (req: Request, res: Response) => {
    const { url, secret, connect } = (req.body ?? {}) as { url?: unknown; secret?: unknown; connect?: unknown };
    if (typeof url !== 'string' || typeof secret !== 'string' || secret === '') return badRequest(res, 'url and secret are required');
    if (connect !== undefined && typeof connect !== 'boolean') return badRequest(res, 'connect must be a boolean');
    try {
      ctx.webhooks.addEndpoint(url, secret, connect);
    } catch {
      return badRequest(res, 'url is not a valid URL');
    }
    res.status(201).json({ endpoints: listEndpoints(ctx) });
  });
  router.get('/_emulator/webhook-endpoints', (_req, res) => res.json({ endpoints: listEndpoints(ctx) }));

  router.post('/_emulator/webhook-policy', (req: Request, res: Response) => {
    try {
      ctx.webhooks.setPolicy((req.body ?? {}) as DeliveryPolicy);
    } catch (err) {
      return badRequest(res, (err as Error).message);
    }
    res.status(201).json({ policy: ctx.webhooks.getPolicy() });
  });
  router.get('/_emulator/webhook-policy', (_req, res) => res.json({ policy: ctx.webhooks.getPolicy() }));
  router.post('/_emulator/webhook-policy/release', async (req: Request, res: Response) => {
    const order = (req.body as { order?: unknown } | undefined)?.order ?? 'oldest-first';
    if (order !== 'newest-first' && order !== 'oldest-first') return badRequest(res, 'order must be newest-first or oldest-first');
    res.json({ released: await ctx.webhooks.release(order) });
  });
  router.get('/_emulator/webhook-deliveries', (_req, res) => res.json({ deliveries: ctx.webhooks.deliveries }));

  router.post('/_emulator/reset', (_req, res) => {
    onReset();
    res.json({ reset: true });
  });
}

function listEndpoints(ctx: EmulatorContext): { url: string; connect?: boolean }[] {
  return ctx.webhooks.endpoints.map((e) => ({ url: e.url, ...(e.connect === undefined ? {} : { connect: e.connect }) }));
}
