import { signWebhookPayload, WEBHOOK_SIGNATURE_HEADER } from '@ideagora/partner-client/webhook-signature';
import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { ATTEMPT_ERROR_MAX, ATTEMPT_TIMEOUT_MS, attemptErrorText, isSuccessStatus, RESPONSE_BYTES_READ } from './webhook.domain';

export const WEBHOOK_USER_AGENT = 'Ideagora-Webhooks/1';

/** One POST to make: the endpoint's URL, the exact body bytes, the secret that signs them. */
export interface WebhookRequest {
  url: string;
  body: string;
  secret: string;
}

/** What one attempt came to. `statusCode` null: no answer (refused, timed out, a TLS or DNS failure). */
export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  /** Null on success; otherwise at most ATTEMPT_ERROR_MAX characters. */
  error: string | null;
  durationMs: number;
}

export interface DeliveryAgents {
  /** Which kind: `filtering` refuses non-public addresses at connect time (production); `plain` does not. */
  kind: 'filtering' | 'plain';
  http: http.Agent;
  https: https.Agent;
}

/**
 * Production: request-filtering-agent, which checks the address each connection resolves to (every A/AAAA record
 * it is given) and refuses private, loopback, link-local and every other non-unicast range, so a host that passed
 * the create-time check and now resolves to 10.0.0.1 (DNS rebinding) is refused at connect. Elsewhere a plain agent:
 * tests and local receivers listen on 127.0.0.1. No keep-alive: one delivery, one connection.
 */
export function deliveryAgents(production: boolean): DeliveryAgents {
  if (production) return { kind: 'filtering', http: new RequestFilteringHttpAgent({ keepAlive: false }), https: new RequestFilteringHttpsAgent({ keepAlive: false }) };
  return { kind: 'plain', http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };
}

/**
 * Sends one signed delivery: POST, `content-type: application/json`, `user-agent: Ideagora-Webhooks/1`,
 * `Ideagora-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (signed at the attempt, so each
 * attempt carries a fresh timestamp). Redirects are never followed (node's http does not), a 3xx is a failure; the
 * answer is read up to RESPONSE_BYTES_READ bytes and dropped; everything within ATTEMPT_TIMEOUT_MS. Never throws.
 */
export class WebhookSender {
  constructor(
    private readonly agents: DeliveryAgents,
    private readonly timeoutMs = ATTEMPT_TIMEOUT_MS,
  ) {}

  async send(request: WebhookRequest): Promise<AttemptResult> {
    const started = performance.now();
    const finish = (statusCode: number | null, error: string | null): AttemptResult => {
      const ok = statusCode !== null && isSuccessStatus(statusCode);
      return { ok, statusCode, error: ok ? null : attemptErrorText(statusCode, error), durationMs: Math.max(0, Math.round(performance.now() - started)) };
    };
    let target: URL;
    try {
      target = new URL(request.url);
    } catch {
      return finish(null, 'the endpoint URL is not valid');
    }
    const secure = target.protocol === 'https:';
    const signature = signWebhookPayload(request.body, request.secret, Math.floor(Date.now() / 1000));
    const body = Buffer.from(request.body, 'utf8');
    return new Promise<AttemptResult>((resolve) => {
      let settled = false;
      /** The answer's status once its headers arrived: a slow body after them does not undo it. */
      let answered: number | null = null;
      const settle = (statusCode: number | null, error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(finish(statusCode, error));
      };
      const outgoing = (secure ? https : http).request(
        target,
        {
          method: 'POST',
          agent: secure ? this.agents.https : this.agents.http,
          headers: {
            'content-type': 'application/json',
            'content-length': String(body.length),
            'user-agent': WEBHOOK_USER_AGENT,
            [WEBHOOK_SIGNATURE_HEADER]: signature,
          },
        },
        (response) => {
          const statusCode = response.statusCode ?? null;
          answered = statusCode;
          let read = 0;
          // The content is never kept: a few KB are read (so a small answer completes normally), then dropped.
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read >= RESPONSE_BYTES_READ) {
              settle(statusCode, null);
              response.destroy();
            }
          });
          response.on('end', () => settle(statusCode, null));
          response.on('close', () => settle(statusCode, null));
          response.on('error', () => settle(statusCode, null));
        },
      );
      const timer = setTimeout(() => {
        settle(answered, `no answer within ${this.timeoutMs / 1000} s`);
        outgoing.destroy();
      }, this.timeoutMs);
      outgoing.on('error', (error: NodeJS.ErrnoException) => settle(null, describeError(error)));
      outgoing.end(body);
    });
  }
}

/** A connection failure in words, without a stack: the code and message node gives (the partner's own host and port). */
function describeError(error: NodeJS.ErrnoException): string {
  const message = error.message || String(error);
  return (error.code && !message.includes(error.code) ? `${error.code}: ${message}` : message).slice(0, ATTEMPT_ERROR_MAX);
}
