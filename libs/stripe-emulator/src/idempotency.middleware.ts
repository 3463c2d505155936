import { invalidRequest, paramError, StripeApiError } from './stripe-error.model';
import { PLATFORM, type StateStore } from './state.store';

const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

export type IdempotencyOutcome =
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'execute'; save(status: number, body: unknown): void; release(): void };

/**
 * Stripe's idempotency semantics for POST requests: a key is scoped to the account the request
 * acts on (Stripe-Account header or the platform), kept 24 hours, and bound to the parameters of
 * its first use. Same key + same request replays the saved status and body; different parameters
 * → 400 idempotency_error; a first request still executing → 409.
 */
export class IdempotencyGuard {
  private readonly inFlight = new Set<string>();
  private lastPurge = 0;

  constructor(private readonly store: StateStore) {}

  begin(account: string | null, key: string, fingerprint: string): IdempotencyOutcome {
    if (key.length > MAX_KEY_LENGTH) {
      throw paramError('Idempotency-Key', `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`);
    }
    this.purgeExpired();
    const scoped = `${account ?? PLATFORM} ${key}`;
    const records = this.store.data.idempotency;
    const record = records[scoped];
    if (record && Date.now() - record.createdAt > TTL_MS) delete records[scoped];
    else if (record) {
      if (record.fingerprint !== fingerprint) {
        throw new StripeApiError(
          400,
          {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          },
          false,
        );
      }
      return { kind: 'replay', status: record.status, body: record.body };
    }
    if (this.inFlight.has(scoped)) {
      const err = invalidRequest(
        `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
        'idempotency_key_in_use',
      );
      throw new StripeApiError(409, err.body, false);
    }
    this.inFlight.add(scoped);
    return {
      kind: 'execute',
      save: (status, body) => {
        records[scoped] = { fingerprint, status, body, createdAt: Date.now() };
        this.store.persist();
      },
      release: () => this.inFlight.delete(scoped),
    };
  }

  reset(): void {
    this.inFlight.clear();
  }

  private purgeExpired(): void {
    const now = Date.now();
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    const records = this.store.data.idempotency;
    for (const [k, r] of Object.entries(records)) if (now - r.createdAt > TTL_MS) delete records[k];
  }
}

/** Canonical form of a request: endpoint plus parameters with sorted keys. */
export function fingerprintOf(method: string, path: string, params: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify([method, path, canon(params)]);
}
