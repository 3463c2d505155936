import type { Request, RequestHandler, Response } from 'express';
import { authenticate } from './auth.middleware';
import type { EmulatorContext } from './emulator.context';
import { API_VERSION, type RequestInfo } from './events.service';
import { parseForm, type FormParams } from './form-params.parser';
import { randomToken } from './ids.util';
import { fingerprintOf, type IdempotencyOutcome } from './idempotency.middleware';
import type { RequestLogEntry } from './request-log.store';
import { apiError, balanceInsufficientError, rateLimitError, StripeApiError } from './stripe-error.model';

export interface ApiCall {
  method: string;
  path: string;
  params: FormParams;
  pathParams: Record<string, string>;
  /** The Stripe-Account header: the connected account the request acts on, if any. */
  account: string | null;
  request: RequestInfo;
}

/** Returns the 200 response body, or throws a StripeApiError. */
export type ApiHandler = (call: ApiCall, ctx: EmulatorContext) => object;

interface Result {
  status: number;
  body: unknown;
  saveIdempotent: boolean;
}

function execute(handler: ApiHandler, call: ApiCall, ctx: EmulatorContext): Result {
  try {
    return { status: 200, body: handler(call, ctx), saveIdempotent: true };
  } catch (err) {
    if (err instanceof StripeApiError) {
      // 500s are never saved: Stripe re-executes a retried request after a 500.
      return { status: err.status, body: err.toJSON(), saveIdempotent: err.saveIdempotent && err.status !== 500 };
    }
    console.error('[stripe-emulator] handler failed', err);
    return { status: 500, body: apiError().toJSON(), saveIdempotent: false };
  }
}

function paramsOf(req: Request): FormParams {
  if (req.method === 'GET' || req.method === 'DELETE') {
    const q = req.originalUrl.indexOf('?');
    return q === -1 ? {} : parseForm(req.originalUrl.slice(q + 1));
  }
  return parseForm(typeof req.body === 'string' ? req.body : '');
}

/**
 * Wraps an endpoint with what every Stripe API request goes through, in Stripe's order:
 * request log → auth → parameter parsing → armed faults → idempotency → execution.
 */
export function api(ctx: EmulatorContext, handler: ApiHandler): RequestHandler {
  return (req, res) => {
    run(ctx, handler, req, res).catch((err: unknown) => {
      console.error('[stripe-emulator] pipeline failed', err);
      if (!res.headersSent) res.status(500).json(apiError().toJSON());
    });
  };
}

async function run(ctx: EmulatorContext, handler: ApiHandler, req: Request, res: Response): Promise<void> {
  const requestId = `req_${randomToken(14)}`;
  const method = req.method.toUpperCase();
  const path = req.path;
  const account = req.get('stripe-account') || null;
  const idempotencyKey = method === 'POST' ? req.get('idempotency-key') || null : null;
  const entry: RequestLogEntry = ctx.requestLog.add({
    requestId,
    method,
    path,
    account,
    idempotencyKey,
    status: null,
    replayed: false,
    fault: null,
    at: Date.now(),
  });
  res.setHeader('Request-Id', requestId);
  res.setHeader('Stripe-Version', req.get('stripe-version') || API_VERSION);
  if (idempotencyKey) res.setHeader('Idempotency-Key', idempotencyKey);
  if (account) res.setHeader('Stripe-Account', account);

  const send = (status: number, body: unknown) => {
    entry.status = status;
    res.status(status).json(body);
  };
  // A timeout fault never answers: the connection is dropped once the hold ends.
  const drop = () => {
    entry.status = null;
    res.socket?.destroy();
  };
  const clientGone = new AbortController();
  res.once('close', () => clientGone.abort());

  let lock: Extract<IdempotencyOutcome, { kind: 'execute' }> | undefined;
  try {
    authenticate(req);
    const params = paramsOf(req);
    const fault = ctx.faults.take(method, path);
    entry.fault = fault?.mode ?? null;
    if (fault?.mode === 'rate_limit') throw rateLimitError();
    if (fault?.mode === 'error_before') throw apiError();

    if (idempotencyKey) {
      const outcome = ctx.idempotency.begin(account, idempotencyKey, fingerprintOf(method, path, params));
      if (outcome.kind === 'replay') {
        entry.replayed = true;
        res.setHeader('Idempotent-Replayed', 'true');
        send(outcome.status, outcome.body);
        return;
      }
      lock = outcome;
    }

    if (fault?.mode === 'refuse') {
      const refusal = balanceInsufficientError();
      lock?.save(refusal.status, refusal.toJSON());
      lock?.release();
      lock = undefined;
      send(refusal.status, refusal.toJSON());
      return;
    }

    if (fault?.mode === 'timeout_before') {
      // The key stays locked while the request "hangs", so a concurrent duplicate gets a 409.
      await ctx.hold(fault.timeoutMs, clientGone.signal);
      drop();
      return;
    }

    const call: ApiCall = {
      method,
      path,
      params,
      pathParams: req.params as Record<string, string>,
      account,
      request: { id: requestId, idempotencyKey },
    };
    const result = execute(handler, call, ctx);
    // The real outcome is what gets saved, even when a fault then loses the response: that is
    // what a retry with the same key sees on Stripe after a dropped connection.
    if (lock && result.saveIdempotent) lock.save(result.status, result.body);
    lock?.release();
    lock = undefined;
    ctx.store.persist();

    if (fault?.mode === 'error_after') {
      send(500, apiError().toJSON());
      return;
    }
    if (fault?.mode === 'timeout_after') {
      await ctx.hold(fault.timeoutMs, clientGone.signal);
      drop();
      return;
    }
    send(result.status, result.body);
  } catch (err) {
    if (err instanceof StripeApiError) send(err.status, err.toJSON());
    else throw err;
  } finally {
    lock?.release();
  }
}

