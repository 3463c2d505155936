import type { ApiScope } from '@/gql/graphql';
import type { FormState } from './errors';
import { choicesFromForm, isOneOf } from './form-data';
import { joinAsPhrase } from './phrases';

// An organization's API keys (issue 16, developer settings): what a key may do in words, the create form's checks
// (the server's rules: services/challenges api-key.domain.ts) and the refusals of createApiKey / revokeApiKey.

/** The scopes in the order the form offers them (the API's `ApiScope`, from reading to paying out). */
export const API_SCOPES: readonly ApiScope[] = ['CHALLENGES_READ', 'CHALLENGES_WRITE', 'SUBMISSIONS_READ', 'AWARDS_WRITE', 'WEBHOOKS_MANAGE'];

/** Each scope in a line a person reads (the checkbox's label, the list's words) and what it also lets a key do. */
export const SCOPE_WORDS: Record<ApiScope, { label: string; hint: string }> = {
  CHALLENGES_READ: { label: 'Read challenges', hint: 'The organization’s challenges and its details.' },
  CHALLENGES_WRITE: { label: 'Create, fund, publish and run challenges', hint: 'Also edit, close and cancel them, answer solvers’ questions, and invite participants and judges.' },
  SUBMISSIONS_READ: { label: 'Read entries', hint: 'The entries sent to the organization’s challenges.' },
  AWARDS_WRITE: { label: 'Award prizes', hint: 'Also finish judging: prize money goes to the winners.' },
  WEBHOOKS_MANAGE: { label: 'Manage webhooks', hint: 'The addresses Ideagora calls when something happens to the organization’s challenges.' },
};

/** As the server counts it: 1 to 100 characters (code points) once trimmed, one line. */
export const API_KEY_NAME_MAX = 100;
/** Keys not revoked an organization may have at once. */
export const MAX_ACTIVE_API_KEYS = 50;

export const isApiScope = (value: unknown): value is ApiScope => isOneOf(API_SCOPES, value);

/** The scopes ticked in a posted form, each once, in the form's order (unknown values dropped). */
export const scopesFromForm = (fd: FormData): ApiScope[] => choicesFromForm(fd, 'scopes', API_SCOPES);

/** "Read challenges and award prizes": a key's scopes as one phrase, in the form's order. */
export function scopesInWords(scopes: readonly ApiScope[]): string {
  return joinAsPhrase(API_SCOPES.filter((scope) => scopes.includes(scope)).map((scope) => SCOPE_WORDS[scope].label)) || 'Nothing';
}

export const NAME_MESSAGE = `Name the key in 1 to ${API_KEY_NAME_MAX} characters, on one line: what it is for, like “CI deploys”.`;
export const SCOPES_MESSAGE = 'Choose at least one thing the key may do.';

/** The create form's own checks, by field (the server's names); the server checks again. */
export function validateApiKey(name: string, scopes: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const trimmed = name.trim();
  // Input fields drop line breaks, but a tab can be pasted; the server refuses both, and control characters.
  if (!trimmed || [...trimmed].length > API_KEY_NAME_MAX || /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(trimmed)) errors.name = NAME_MESSAGE;
  if (!scopes.some(isApiScope)) errors.scopes = SCOPES_MESSAGE;
  return errors;
}

/** What the create form returns: on success, the new key with its secret, shown once by the page and never again. */
export interface ApiKeyFormState extends FormState {
  created?: { id: string; name: string; secret: string };
}

/**
 * createApiKey's and revokeApiKey's refusals in words for people, from the error code and field (never the server's
 * text): the name and the scopes next to their fields, anything else above the form.
 */
export function apiKeyRefusal(state: FormState, action: 'create' | 'revoke'): FormState {
  const { name, scopes, ...others } = state.fieldErrors ?? {};
  const fieldErrors = { ...(name ? { name: NAME_MESSAGE } : {}), ...(scopes ? { scopes: SCOPES_MESSAGE } : {}) };
  const gone = action === 'create' ? 'This organization no longer exists.' : 'This key no longer exists, or you no longer manage this organization. Reload the page.';
  const messages: Record<string, string> = {
    FORBIDDEN: action === 'create' ? 'Only owners and admins of this organization can create API keys.' : 'Only owners and admins of this organization can revoke its API keys.',
    FAILED_PRECONDITION: `This organization already has ${MAX_ACTIVE_API_KEYS} API keys in use. Revoke one it no longer needs, then create this one.`,
    NOT_FOUND: gone,
    UNAUTHENTICATED: 'Your session has ended. Log in again.',
    RATE_LIMITED: 'Too many attempts; wait a moment and try again.',
  };
  // A field the form does not show (a stale organization or key id) is the thing that is gone.
  const formError = (state.code && messages[state.code]) || state.formError || (Object.keys(others).length ? gone : undefined);
  return { ...state, formError, fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined };
}
