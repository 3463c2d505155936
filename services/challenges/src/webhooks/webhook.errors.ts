import { NotFoundError } from '@ideagora/subgraph-kit';

/** Unknown, or not an endpoint of an organization the viewer manages: the same answer. */
export class WebhookEndpointNotFoundError extends NotFoundError {
  constructor(id?: string) {
    super('WebhookEndpoint', id);
  }
}

/** Unknown, or not a delivery of an endpoint the viewer manages: the same answer. */
export class WebhookDeliveryNotFoundError extends NotFoundError {
  override readonly field = 'deliveryId';
  constructor(id?: string) {
    super('WebhookDelivery', id);
  }
}
