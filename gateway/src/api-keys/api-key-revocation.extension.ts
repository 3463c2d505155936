/** The subgraph that creates and revokes API keys: only its answers may revoke one at the gateway. */
export const API_KEY_OWNER = 'challenges';

/**
 * A subgraph answer's `extensions.ideagora` (challenges' revokeApiKey puts `revokedApiKeyIds: [id]` there): removed
 * from the answer, whichever subgraph sent it, so it never reaches a client; the key ids it names are returned.
 */
export function takeRevokedApiKeyIds(response: { extensions?: Record<string, unknown> }): string[] {
  const extensions = response.extensions;
  if (!extensions || !('ideagora' in extensions)) return [];
  const ours = extensions.ideagora as { revokedApiKeyIds?: unknown } | null;
  delete extensions.ideagora;
  if (Object.keys(extensions).length === 0) delete response.extensions;
  const ids = ours && typeof ours === 'object' ? ours.revokedApiKeyIds : undefined;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
