import { NotFoundError } from '@ideagora/subgraph-kit';

/** revokeApiKey: no such key, or the viewer does not manage its organization (the same answer: a key is hidden). */
export class ApiKeyNotFoundError extends NotFoundError {
  override readonly field = 'apiKeyId';
  constructor(id: string) {
    super('API key', id);
  }
}
