import { challengesSchema, loadConfig, type ChallengesConfig } from '@ideagora/config';
import type { SubgraphRuntime } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WebhookDeliveryQueue } from './webhooks/webhook.delivery-queue';
import { WebhookSecretBox } from './webhooks/webhook.secrets';
import { deliveryAgents, WebhookSender } from './webhooks/webhook.sender';
import { systemLookup, type WebhookUrlPolicy } from './webhooks/webhook.url-policy';

/** What the challenges context owns in its process (built once at start, `runtime.own`): its settings and workers. */
export interface ChallengesOwn {
  config: ChallengesConfig;
  /** Where partners' webhook endpoints may point (production: public https hosts only). */
  webhookUrlPolicy: WebhookUrlPolicy;
  /** Seals and opens the endpoints' signing secrets (WEBHOOK_SECRETS_KEY). */
  webhookSecrets: WebhookSecretBox;
  /** Sends partner webhooks; nudged after commits that queued deliveries. */
  webhookDeliveries: WebhookDeliveryQueue;
}

export type ChallengesRuntime = SubgraphRuntime<ChallengesOwn>;

export function createChallengesOwn(runtime: SubgraphRuntime<undefined>): ChallengesOwn {
  const config = loadConfig(challengesSchema);
  const production = config.NODE_ENV === 'production';
  const webhookSecrets = new WebhookSecretBox(config.WEBHOOK_SECRETS_KEY);
  const webhookDeliveries = new WebhookDeliveryQueue(runtime.orm.em as EntityManager, webhookSecrets, new WebhookSender(deliveryAgents(production)), runtime.logger, {
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
    pollMs: config.WEBHOOK_POLL_MS,
    concurrency: config.WEBHOOK_DELIVERY_CONCURRENCY,
  });
  return { config, webhookUrlPolicy: { production, lookup: systemLookup }, webhookSecrets, webhookDeliveries };
}
