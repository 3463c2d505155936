import type { FormParams } from './form-params.parser';
import { paramError } from './stripe-error.model';

/** Stripe rejects parameters an endpoint does not know, which catches typos early. */
export function allowOnly(params: FormParams, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (key !== 'expand' && !allowed.includes(key)) {
      throw paramError(key, `Received unknown parameter: ${key}`, 'parameter_unknown');
    }
  }
}
