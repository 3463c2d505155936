import express, { type NextFunction, type Request, type Response } from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerAccountRoutes } from './accounts.routes';
import { registerBalanceRoutes } from './balance.routes';
import { registerChargeRoutes } from './charges.routes';
import { registerControlRoutes } from './control.routes';
import { registerDisputeRoutes } from './disputes.routes';
import type { EmulatorContext } from './emulator.context';
import { registerEventRoutes } from './events.routes';
import { EventsService } from './events.service';
import { FaultsRegistry } from './faults.registry';
import { registerHostedOnboardingRoutes } from './hosted-onboarding.routes';
import { registerHostedPaymentRoutes } from './hosted-payment.routes';
import { IdempotencyGuard } from './idempotency.middleware';
import { registerPaymentIntentRoutes } from './payment-intents.routes';
import { registerRefundRoutes } from './refunds.routes';
import { RequestLogStore } from './request-log.store';
import { StateStore } from './state.store';
import { StripeApiError } from './stripe-error.model';
import { registerTransferRoutes } from './transfers.routes';
import { WebhooksDispatcher } from './webhooks.dispatcher';

export interface StripeEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** When set, state is persisted to `<dataDir>/stripe-emulator.json` and reloaded on start. */
  dataDir?: string;
  /** `connect: true` receives Connect events only, `false` platform events only, unset both (see WebhookEndpoint). */
  webhookEndpoints?: { url: string; secret: string; connect?: boolean }[];
  /** First webhook retry delay; later retries double it. Defaults to 1000 ms. */
  webhookRetryBaseMs?: number;
}

export interface StripeEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  addWebhookEndpoint(url: string, secret: string, connect?: boolean): void;
}

function unrecognized(req: Request, res: Response): void {
  const path = req.originalUrl.split('?')[0];
  res.status(404).json({
    error: {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${req.method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    },
  });
}

export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  const store = new StateStore(options.dataDir);
  const retryBase = options.webhookRetryBaseMs ?? 1000;
  // The dispatcher reports successful deliveries back so events' pending_webhooks count down.
  const webhooks: WebhooksDispatcher = new WebhooksDispatcher(retryBase, (id) => events.markDelivered(id));
  const events = new EventsService(store, webhooks);
  for (const e of options.webhookEndpoints ?? []) webhooks.addEndpoint(e.url, e.secret, e.connect);

  let baseUrl = '';
  let closed = false;
  const holds = new Set<() => void>();
  const ctx: EmulatorContext = {
    store,
    events,
    webhooks,
    faults: new FaultsRegistry(),
    requestLog: new RequestLogStore(),
    idempotency: new IdempotencyGuard(store),
    baseUrl: () => baseUrl,
    hold: (ms, abort) =>
      new Promise<void>((resolve) => {
        if (closed || abort?.aborted) return resolve();
        const done = () => {
          clearTimeout(timer);
          holds.delete(done);
          abort?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        holds.add(done);
        abort?.addEventListener('abort', done, { once: true });
      }),
  };

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // API bodies are parsed by our own Stripe-syntax form parser, so take them as raw text.
  app.use('/v1', express.text({ type: () => true, limit: '1mb' }));
  app.use('/hosted', express.text({ type: 'application/x-www-form-urlencoded', limit: '64kb' }));
  app.use('/_emulator', express.json());

  const router = express.Router();
  registerAccountRoutes(router, ctx);
  registerPaymentIntentRoutes(router, ctx);
  registerChargeRoutes(router, ctx);
  registerRefundRoutes(router, ctx);
  registerDisputeRoutes(router, ctx);
  registerTransferRoutes(router, ctx);
  registerBalanceRoutes(router, ctx);
  registerEventRoutes(router, ctx);
  registerHostedOnboardingRoutes(router, ctx);
  registerHostedPaymentRoutes(router, ctx);
  registerControlRoutes(router, ctx, () => {
    store.reset();
    ctx.faults.clear();
    ctx.requestLog.clear();
    ctx.idempotency.reset();
    webhooks.setPolicy({});
  });
  app.use(router);
  app.use('/v1', unrecognized);
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err instanceof StripeApiError) return void res.status(err.status).json(err.toJSON());
    const status = (err as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      return void res.status(status).json({ error: { type: 'invalid_request_error', message: (err as Error).message } });
    }
    console.error('[stripe-emulator] unhandled error', req.method, req.originalUrl, err);
    res.status(500).json({ error: { type: 'api_error', message: 'An unknown error occurred' } });
  });

  const server = createServer(app);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${urlHost}:${port}`;

  return {
    url: baseUrl,
    port,
    addWebhookEndpoint: (url, secret, connect) => webhooks.addEndpoint(url, secret, connect),
    close: async () => {
      if (closed) return;
      closed = true;
      webhooks.close();
      // Release requests held by timeout faults so their sockets are dropped now.
      for (const release of [...holds]) release();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
