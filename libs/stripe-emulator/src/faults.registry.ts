/**
 * error_before/after: a 500 before or after executing; timeout_before/after: no answer; rate_limit: a 429;
 * refuse: a definitive 400 from execution (Stripe's `balance_insufficient`), saved under the idempotency key as
 * Stripe does, so a retry with the same key gets the same refusal.
 */
export type FaultMode = 'error_before' | 'error_after' | 'timeout_before' | 'timeout_after' | 'rate_limit' | 'refuse';
export const FAULT_MODES: readonly FaultMode[] = ['error_before', 'error_after', 'timeout_before', 'timeout_after', 'rate_limit', 'refuse'];
export const DEFAULT_FAULT_TIMEOUT_MS = 30_000;

export interface FaultSpec {
  method?: string;
  path: string;
  mode: FaultMode;
  count?: number;
  timeoutMs?: number;
}

interface Fault {
  method: string | undefined;
  prefix: string;
  regex: RegExp | undefined;
  mode: FaultMode;
  remaining: number;
  timeoutMs: number;
}

export interface TakenFault {
  mode: FaultMode;
  timeoutMs: number;
}

/** Faults armed by tests through `/_emulator/faults`, each consumed by the next matching request(s). */
export class FaultsRegistry {
  private faults: Fault[] = [];

  add(spec: FaultSpec): void {
    if (typeof spec.path !== 'string' || spec.path === '') throw new Error('path is required');
    if (!FAULT_MODES.includes(spec.mode)) throw new Error(`mode must be one of ${FAULT_MODES.join(', ')}`);
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
    const timeoutMs = spec.timeoutMs ?? DEFAULT_FAULT_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 0) throw new Error('timeoutMs must be a non-negative integer');
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(spec.path);
    } catch {
      regex = undefined; // not a valid regex: plain prefix matching only
    }
    this.faults.push({
      method: spec.method && spec.method !== '*' ? spec.method.toUpperCase() : undefined,
      prefix: spec.path,
      regex,
      mode: spec.mode,
      remaining: count,
      timeoutMs,
    });
  }

  /** Consumes one use of the first fault matching the request, if any. */
  take(method: string, path: string): TakenFault | undefined {
    const idx = this.faults.findIndex(
      (f) => (!f.method || f.method === method) && (path.startsWith(f.prefix) || (f.regex?.test(path) ?? false)),
    );
    if (idx === -1) return undefined;
    const f = this.faults[idx] as Fault;
    f.remaining -= 1;
    if (f.remaining <= 0) this.faults.splice(idx, 1);
    return { mode: f.mode, timeoutMs: f.timeoutMs };
  }

  list(): { method: string | undefined; path: string; mode: FaultMode; remaining: number; timeoutMs: number }[] {
    return this.faults.map((f) => ({ method: f.method, path: f.prefix, mode: f.mode, remaining: f.remaining, timeoutMs: f.timeoutMs }));
  }

  clear(): void {
    this.faults = [];
  }
}
