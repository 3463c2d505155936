import type { FormParams, FormValue } from './form-params.parser';
import { missingParam, paramError } from './stripe-error.model';

// Coercion of string form values into typed params. Failures are parameter errors (400, not
// saved for idempotency), like Stripe's own request validation.

export function optString(p: FormParams, name: string): string | undefined {
  const v = p[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw paramError(name, `Invalid string: ${name}`, 'parameter_invalid_string');
  return v;
}

export function reqString(p: FormParams, name: string): string {
  const v = optString(p, name);
  if (v === undefined || v === '') throw missingParam(name);
  return v;
}

/** Money and counts: integers only (no floats for money), within the safe integer range. */
export function optInt(p: FormParams, name: string, opts: { min?: number; max?: number } = {}): number | undefined {
  const v = optString(p, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw paramError(name, `Invalid integer: ${v}`, 'parameter_invalid_integer');
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw paramError(name, `Invalid integer: ${v}`, 'parameter_invalid_integer');
  if (opts.min !== undefined && n < opts.min) {
    throw paramError(name, `This value must be greater than or equal to ${opts.min}.`, 'parameter_invalid_integer');
  }
  if (opts.max !== undefined && n > opts.max) {
    throw paramError(name, `This value must be less than or equal to ${opts.max}.`, 'parameter_invalid_integer');
  }
  return n;
}

export function reqInt(p: FormParams, name: string, opts: { min?: number; max?: number } = {}): number {
  const v = optInt(p, name, opts);
  if (v === undefined) throw missingParam(name);
  return v;
}

export function optBool(p: FormParams, name: string): boolean | undefined {
  const v = optString(p, name);
  if (v === undefined) return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw paramError(name, `Invalid boolean: ${v}`, 'parameter_invalid_boolean');
}

export function reqCurrency(p: FormParams, name = 'currency'): string {
  const v = reqString(p, name).toLowerCase();
  if (!/^[a-z]{3}$/.test(v)) throw paramError(name, `Invalid currency: ${v}.`, 'parameter_invalid');
  return v;
}

export function optEnum<T extends string>(p: FormParams, name: string, allowed: readonly T[]): T | undefined {
  const v = optString(p, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) {
    throw paramError(name, `Invalid ${name}: must be one of ${allowed.join(', ')}`, 'parameter_invalid');
  }
  return v as T;
}

export function optObject(p: FormParams, name: string): FormParams | undefined {
  const v = p[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw paramError(name, `Invalid hash: ${name}`, 'parameter_invalid');
  return v;
}

export function optStringArray(p: FormParams, name: string): string[] | undefined {
  const v: FormValue | undefined = p[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw paramError(name, `Invalid array: ${name}`, 'parameter_invalid');
  }
  return v as string[];
}

/** Stripe's metadata limits: 50 keys, keys up to 40 chars, values up to 500 chars; '' unsets. */
export function applyMetadata(current: Record<string, string>, p: FormParams): Record<string, string> {
  const raw = p['metadata'];
  if (raw === undefined) return current;
  // `metadata=` (empty string) clears all keys, as on Stripe.
  if (raw === '') return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw paramError('metadata', 'Invalid hash: metadata');
  const next = { ...current };
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') throw paramError(`metadata[${k}]`, 'Metadata values must be strings.');
    if (k.length > 40) throw paramError(`metadata[${k}]`, 'Metadata keys can be at most 40 characters long.');
    if (v.length > 500) throw paramError(`metadata[${k}]`, 'Metadata values can be at most 500 characters long.');
    if (v === '') delete next[k];
    else next[k] = v;
  }
  if (Object.keys(next).length > 50) throw paramError('metadata', 'Metadata can have at most 50 keys.');
  return next;
}

export function expandList(p: FormParams): string[] {
  return optStringArray(p, 'expand') ?? [];
}
