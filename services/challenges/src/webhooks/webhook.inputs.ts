import { Field, ID, InputType } from 'type-graphql';
import { WebhookEventType } from './webhook.domain';

@InputType('CreateWebhookEndpointInput')
export class CreateWebhookEndpointInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, {
    description:
      'Where deliveries are POSTed: at most 2048 characters, no credentials. In production https only, a host name (not an IP address) that resolves only to public addresses; elsewhere http(s), http://localhost included.',
  })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'At least one, each once. A delivery names its type in lowercase with dots (CHALLENGE_PUBLISHED: "challenge.published").' })
  events!: WebhookEventType[];
}

@InputType('DeleteWebhookEndpointInput')
export class DeleteWebhookEndpointInput {
  @Field(() => ID)
  endpointId!: string;
}

@InputType('RedeliverWebhookInput')
export class RedeliverWebhookInput {
  @Field(() => ID)
  deliveryId!: string;
}
