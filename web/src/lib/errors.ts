/** A GraphQL error as the gateway sends it. */
export interface GatewayErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export class GatewayError extends Error {
  constructor(readonly errors: GatewayErrorItem[], readonly status?: number) {
    super(errors[0]?.message ?? 'The request failed');
    this.name = 'GatewayError';
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** What a form action returns: nothing yet, a success message, or errors (form-wide and per field). */
export interface FormState {
  ok?: boolean;
  message?: string;
  formError?: string;
  /** The error code behind formError (FAILED_PRECONDITION, FORBIDDEN, …), for a title or a hint next to it. */
  code?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, to put back in the fields after a refusal (React resets a form after its action). */
  values?: Record<string, string>;
}

const FRIENDLY: Record<string, string> = {
  UNAUTHENTICATED: 'Please log in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'It no longer exists.',
  CONFLICT: 'This conflicts with the current state.',
  FAILED_PRECONDITION: 'This cannot be done right now.',
  RATE_LIMITED: 'Too many attempts; wait a moment and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
};

/** Turns a failure into form state: BAD_USER_INPUT errors go to their field, the rest to the form. */
export function toFormState(error: unknown): FormState {
  if (!(error instanceof GatewayError)) {
    return { formError: 'Could not reach Ideagora. Check your connection and try again.' };
  }
  const fieldErrors: Record<string, string> = {};
  let formError: string | undefined;
  let code: string | undefined;
  for (const e of error.errors) {
    const field = e.extensions?.field;
    if (e.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string') {
      fieldErrors[field.replace(/^input\./, '')] ??= e.message;
    } else {
      if (formError !== undefined) continue;
      const errorCode = e.extensions?.code ?? '';
      // Messages of expected failures are written for people; internal ones are not shown.
      formError = errorCode === 'INTERNAL_SERVER_ERROR' || !e.message ? FRIENDLY[errorCode] ?? FRIENDLY.INTERNAL_SERVER_ERROR : e.message;
      code = errorCode || undefined;
    }
  }
  return { formError, code, fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined };
}
