import type { Request, Response, Router } from 'express';
import type { EmulatorContext } from './emulator.context';
import type { FaultSpec } from './faults.registry';

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
    const { url, secret } = (req.body ?? {}) as { url?: unknown; secret?: unknown };
    if (typeof url !== 'string' || typeof secret !== 'string' || secret === '') return badRequest(res, 'url and secret are required');
    try {
      ctx.webhooks.addEndpoint(url, secret);
    } catch {
      return badRequest(res, 'url is not a valid URL');
    }
    res.status(201).json({ endpoints: ctx.webhooks.endpoints.map((e) => ({ url: e.url })) });
  });
  router.get('/_emulator/webhook-endpoints', (_req, res) => res.json({ endpoints: ctx.webhooks.endpoints.map((e) => ({ url: e.url })) }));
  router.get('/_emulator/webhook-deliveries', (_req, res) => res.json({ deliveries: ctx.webhooks.deliveries }));

  router.post('/_emulator/reset', (_req, res) => {
    onReset();
    res.json({ reset: true });
  });
}
