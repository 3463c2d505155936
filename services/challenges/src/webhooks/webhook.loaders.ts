import DataLoader from 'dataloader';
import type { WebhookDeliveryAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity';
import { deliveryPageKey, type DeliveryPageRequest, type WebhookService } from './webhook.service';

/** Per-request loaders of the webhook reads: one statement per tick each, whatever the number of keys. */
export function createWebhookLoaders(webhooks: WebhookService) {
  /** Raw rows, deleted endpoints included, no authorization (the resolvers check the viewer's role). */
  const endpointById = new DataLoader<string, WebhookEndpointEntity | null>(async (ids) => {
    const found = new Map((await webhooks.endpointsByIds(ids)).map((e) => [e.id, e]));
    return ids.map((id) => found.get(id.toLowerCase()) ?? null);
  });

  /** The live endpoints of each organization, oldest first. */
  const liveEndpointsByOrganizationId = new DataLoader<string, WebhookEndpointEntity[]>(async (ids) => {
    const byOrganization = new Map<string, WebhookEndpointEntity[]>();
    for (const endpoint of await webhooks.liveEndpointsOf(ids)) byOrganization.set(endpoint.organizationId, [...(byOrganization.get(endpoint.organizationId) ?? []), endpoint]);
    return ids.map((id) => byOrganization.get(id.toLowerCase()) ?? []);
  });

  /** `limit + 1` deliveries per page request, newest first; callers authorize first. */
  const deliveryPage = new DataLoader<DeliveryPageRequest, WebhookDeliveryEntity[], string>(
    async (requests) => {
      const pages = await webhooks.deliveryPages(requests);
      return requests.map((r) => pages.get(deliveryPageKey(r)) ?? []);
    },
    { cacheKeyFn: deliveryPageKey },
  );

  /** The newest attempts of each delivery, newest first. */
  const attemptsByDeliveryId = new DataLoader<string, WebhookDeliveryAttemptEntity[]>(async (ids) => {
    const byDelivery = new Map<string, WebhookDeliveryAttemptEntity[]>();
    for (const attempt of await webhooks.attemptsOf(ids)) byDelivery.set(attempt.deliveryId, [...(byDelivery.get(attempt.deliveryId) ?? []), attempt]);
    return ids.map((id) => byDelivery.get(id.toLowerCase()) ?? []);
  });

  /** After a mutation: later reads in the same request see the committed state. */
  function clear(): void {
    endpointById.clearAll();
    liveEndpointsByOrganizationId.clearAll();
    deliveryPage.clearAll();
    attemptsByDeliveryId.clearAll();
  }

  return { endpointById, liveEndpointsByOrganizationId, deliveryPage, attemptsByDeliveryId, clear };
}

export type WebhookLoaders = ReturnType<typeof createWebhookLoaders>;
