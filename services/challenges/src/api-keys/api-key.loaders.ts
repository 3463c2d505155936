import { groupedLoader } from '../challenges/challenge.loaders';
import type { ApiKeyEntity } from './api-key.entity';
import type { ApiKeyService } from './api-key.service';

/** Per-request loaders of API keys: Organization.apiKeys of any number of organizations in one statement. */
export function createApiKeyLoaders(apiKeys: ApiKeyService) {
  /** Every key of each organization, newest first, no visibility check (the field resolver shows them to managers). */
  const apiKeysByOrganizationId = groupedLoader((ids) => apiKeys.keysOf(ids), (key: ApiKeyEntity) => key.organizationId);
  return { apiKeysByOrganizationId };
}

export type ApiKeyLoaders = ReturnType<typeof createApiKeyLoaders>;
