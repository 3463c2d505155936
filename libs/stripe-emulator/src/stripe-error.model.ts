// Errors in Stripe's wire shape: `{ error: { type, code, message, param?, decline_code? } }`.

export type StripeErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'rate_limit_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  payment_method?: unknown;
  request_log_url?: string;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    // Stripe saves an idempotent result only once an endpoint started executing; parameter
    // validation failures happen before that, so a retry with the same key re-runs.
    readonly saveIdempotent = true,
  ) {
    super(body.message);
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

/** A malformed or missing parameter: 400, not saved for idempotency. */
export function paramError(param: string, message: string, code = 'parameter_invalid'): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', code, param, message, doc_url: docUrl(code) }, false);
}

export function missingParam(param: string): StripeApiError {
  return paramError(param, `Missing required param: ${param}.`, 'parameter_missing');
}

/** A request that was valid but cannot be carried out in the current state: 400, saved. */
export function invalidRequest(message: string, code?: string, param?: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(code ? { code, doc_url: docUrl(code) } : {}),
    ...(param ? { param } : {}),
  });
}

/** The object named in the URL does not exist: 404. */
export function notFound(kind: string, id: string, param = 'id'): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
    doc_url: docUrl('resource_missing'),
  });
}

/** An object named in a parameter does not exist: Stripe answers 400, not 404, in that case. */
export function missingReferenced(kind: string, id: string, param: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
    doc_url: docUrl('resource_missing'),
  });
}

export function apiError(message = 'An unknown error occurred'): StripeApiError {
  return new StripeApiError(500, { type: 'api_error', message }, false);
}

/** What Stripe answers a transfer the platform's available balance cannot cover: refused, nothing created. */
export function balanceInsufficientError(): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    code: 'balance_insufficient',
    message: 'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance.',
    doc_url: docUrl('balance_insufficient'),
  });
}

export function rateLimitError(): StripeApiError {
  return new StripeApiError(
    429,
    {
      type: 'invalid_request_error',
      code: 'rate_limit',
      message:
        'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      doc_url: docUrl('rate_limit'),
    },
    false,
  );
}
