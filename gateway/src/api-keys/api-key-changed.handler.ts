import type { EventHandlers } from '@ideagora/events';
import { applyApiKeyChanged } from './api-key.store';

/**
 * The gateway's consumer (SUBSCRIPTIONS.gateway): one gateway process applies each ApiKeyChanged to `gateway.api_key`
 * (newer versions only), and its pg_notify tells every process at the commit, which then reads that key.
 */
export const API_KEY_EVENT_HANDLERS: EventHandlers = {
  ApiKeyChanged: (tx, payload) => applyApiKeyChanged(tx, payload),
};
