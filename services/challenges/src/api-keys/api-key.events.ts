import type { EventHandlers } from '@ideagora/events';
import { ApiKeyService } from './api-key.service';

/** The gateway's ApiKeysUsed: the keys' lastUsedAt (SUBSCRIPTIONS.challenges). */
export const apiKeyEventHandlers: EventHandlers = {
  ApiKeysUsed: (em, payload) => new ApiKeyService(em).applyKeysUsed(payload),
};
