import { API_SCOPES, type ApiScopeName } from '@ideagora/auth';
import { BadUserInputError, FailedPreconditionError, requiredText } from '@ideagora/subgraph-kit';

/**
 * What a key may be granted, as a GraphQL enum (`ApiScope`): the names of libs/auth's API_SCOPES, the one list the
 * gateway and every subgraph's scope rules use.
 */
export const ApiScope = Object.fromEntries(API_SCOPES.map((scope) => [scope, scope])) as { readonly [K in ApiScopeName]: K };

/** A key's life: ACTIVE from its creation until revoked, then REVOKED for ever (`revoked_at` set). */
export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}

export const API_KEY_NAME_MAX = 100;
/** Unrevoked keys an organization may have at once (a revoked one no longer counts). */
export const MAX_ACTIVE_API_KEYS = 50;

export function apiKeyStatus(key: { revokedAt: Date | null }): ApiKeyStatus {
  return key.revokedAt ? ApiKeyStatus.REVOKED : ApiKeyStatus.ACTIVE;
}

/**
 * ACTIVE -revoke-> REVOKED. Revoking a REVOKED key is no change (the answer is the key as it is, nothing written):
 * revocation is what the caller wants to be true, and it already is.
 */
export function revocation(status: ApiKeyStatus): { next: ApiKeyStatus; changed: boolean } {
  return { next: ApiKeyStatus.REVOKED, changed: status === ApiKeyStatus.ACTIVE };
}

/** A key's name: 1 to 100 characters once trimmed, one line (BAD_USER_INPUT `name`). */
export function parseApiKeyName(value: string): string {
  return requiredText(value, 'name', { max: API_KEY_NAME_MAX });
}

/** At least one scope, each a known one, none twice (BAD_USER_INPUT `scopes`); kept in the order given. */
export function parseApiScopes(values: readonly string[] | null | undefined): ApiScopeName[] {
  if (!Array.isArray(values) || values.length === 0) throw new BadUserInputError('scopes', 'must name at least one scope');
  const known = new Set<string>(API_SCOPES);
  const unknown = values.find((value) => !known.has(value));
  if (unknown !== undefined) throw new BadUserInputError('scopes', `${String(unknown)} is not a scope (one of ${API_SCOPES.join(', ')})`);
  const repeated = values.find((value, index) => values.indexOf(value) !== index);
  if (repeated !== undefined) throw new BadUserInputError('scopes', `${repeated} is named twice`);
  return [...values] as ApiScopeName[];
}

/** One more key for an organization that has `activeCount` unrevoked ones (FAILED_PRECONDITION beyond the cap). */
export function assertCanCreateApiKey(activeCount: number): void {
  if (activeCount >= MAX_ACTIVE_API_KEYS) {
    throw new FailedPreconditionError(`An organization can have at most ${MAX_ACTIVE_API_KEYS} API keys that are not revoked; revoke one first.`);
  }
}
