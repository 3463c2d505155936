import type { Request } from 'express';
import { StripeApiError } from './stripe-error.model';

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

function unauthorized(message: string): StripeApiError {
  // Stripe answers 401 with type invalid_request_error (there is no authentication_error type).
  return new StripeApiError(401, { type: 'invalid_request_error', message }, false);
}

const masked = (key: string) => `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;

/** Accepts test-mode secret or restricted keys, via Bearer auth or Basic auth (`curl -u sk_test_…:`). */
export function authenticate(req: Request): string {
  const header = req.get('authorization');
  if (!header) throw unauthorized(NO_KEY);
  let key: string | undefined;
  const [scheme, value] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') key = value?.trim();
  else if (scheme?.toLowerCase() === 'basic' && value) {
    key = Buffer.from(value, 'base64').toString('utf8').split(':')[0];
  }
  if (!key) throw unauthorized(NO_KEY);
  if (!/^(sk|rk)_test_[A-Za-z0-9_]+$/.test(key)) throw unauthorized(`Invalid API Key provided: ${masked(key)}`);
  return key;
}
