import { decodeCursor, encodeCursor, pageSize, requiredId, requireUser, toConnection } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ChallengesContext } from '../context';
import { canManage } from '../organizations/organization.domain';
import { OrganizationType } from '../organizations/organization.type';
import type { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity';
import { WebhookEndpointNotFoundError } from './webhook.errors';
import { CreateWebhookEndpointInput, DeleteWebhookEndpointInput, RedeliverWebhookInput } from './webhook.inputs';
import type { DeliveryKeyset } from './webhook.service';
import {
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointPayload,
  RedeliverWebhookPayload,
  WebhookDeliveryAttemptType,
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookEndpointType,
} from './webhook.type';

function deliveryCursor(delivery: WebhookDeliveryEntity): string {
  return encodeCursor([delivery.createdAt.toISOString(), delivery.id]);
}

function deliveryKeyset(after: string | null | undefined): DeliveryKeyset | null {
  if (after === null || after === undefined) return null;
  const [createdAt, id] = decodeCursor(after, ['timestamp', 'uuid']);
  return { createdAt: new Date(createdAt), id };
}

/** The endpoint if the viewer manages its organization (deleted ones included), else null. */
async function managedEndpoint(ctx: ChallengesContext, id: string): Promise<WebhookEndpointEntity | null> {
  const endpoint = await ctx.webhookLoaders.endpointById.load(id);
  if (!endpoint) return null;
  return canManage(await ctx.loaders.viewerRoleByOrganizationId.load(endpoint.organizationId)) ? endpoint : null;
}

/** Partner webhooks: endpoints, their deliveries and the mutations (OWNER/ADMIN, or a key with WEBHOOKS_MANAGE). */
@Resolver(() => WebhookEndpointType)
export class WebhookEndpointResolver {
  @Query(() => WebhookEndpointType, {
    description: 'A webhook endpoint and its delivery log, deleted ones included. OWNER/ADMIN of its organization only: NOT_FOUND for anyone else.',
  })
  async webhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: ChallengesContext): Promise<WebhookEndpointType> {
    const endpointId = requiredId(id, 'id');
    const endpoint = await managedEndpoint(ctx, endpointId);
    if (!endpoint) throw new WebhookEndpointNotFoundError(endpointId);
    return WebhookEndpointType.from(endpoint);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Newest first.' })
  async deliveries(
    @Root() endpoint: WebhookEndpointType,
    @Ctx() ctx: ChallengesContext,
    // Declared in reverse of the printed order (first, after), as type-graphql lists them.
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '1 to 100, default 20.' }) first?: number | null,
  ): Promise<WebhookDeliveryConnection> {
    const limit = pageSize(first);
    const cursor = deliveryKeyset(after);
    // Only endpoints the viewer manages become WebhookEndpoint objects; checked again here all the same (cached loaders).
    if (!(await managedEndpoint(ctx, endpoint.id))) throw new WebhookEndpointNotFoundError(endpoint.id);
    const rows = await ctx.webhookLoaders.deliveryPage.load({ endpointId: endpoint.id, limit, after: cursor });
    return Object.assign(new WebhookDeliveryConnection(), toConnection(rows, limit, deliveryCursor, WebhookDeliveryType.from));
  }

  @Mutation(() => CreateWebhookEndpointPayload, {
    description:
      "A webhook endpoint of the organization. OWNER/ADMIN (FORBIDDEN otherwise; NOT_FOUND for an unknown organization), or an API key with WEBHOOKS_MANAGE. BAD_USER_INPUT url: at most 2048 characters, no credentials; in production https only, a host name resolving only to public addresses (not private, loopback, link-local, unique-local, CGNAT, multicast or unspecified ones); elsewhere http(s), http://localhost included. BAD_USER_INPUT events: at least one, each once. At most 20 endpoints per organization (FAILED_PRECONDITION). The signing secret is shown once.",
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: ChallengesContext,
  ): Promise<CreateWebhookEndpointPayload> {
    const viewerId = requireUser(ctx.identity);
    const { endpoint, signingSecret } = await ctx.webhooks.create(viewerId, input);
    ctx.webhookLoaders.clear();
    return Object.assign(new CreateWebhookEndpointPayload(), { endpoint: WebhookEndpointType.from(endpoint), signingSecret });
  }

  @Mutation(() => DeleteWebhookEndpointPayload, {
    description:
      'Deletes a webhook endpoint: nothing more is sent to it (deliveries still waiting are CANCELLED); its delivery log stays readable. Deleting it again answers it as it is. OWNER/ADMIN or an API key with WEBHOOKS_MANAGE; NOT_FOUND for anyone else.',
  })
  async deleteWebhookEndpoint(
    @Arg('input', () => DeleteWebhookEndpointInput) input: DeleteWebhookEndpointInput,
    @Ctx() ctx: ChallengesContext,
  ): Promise<DeleteWebhookEndpointPayload> {
    const viewerId = requireUser(ctx.identity);
    const endpoint = await ctx.webhooks.delete(viewerId, input.endpointId);
    ctx.webhookLoaders.clear();
    return Object.assign(new DeleteWebhookEndpointPayload(), { endpoint: WebhookEndpointType.from(endpoint) });
  }

  @Mutation(() => RedeliverWebhookPayload, {
    description:
      'Sends a delivery again now, whatever its status (a delivered one included: one more attempt). The attempt is made within milliseconds after this answer, not inside it: read the delivery again for its outcome. OWNER/ADMIN or an API key with WEBHOOKS_MANAGE; NOT_FOUND for anyone else; FAILED_PRECONDITION when its endpoint was deleted.',
  })
  async redeliverWebhook(@Arg('input', () => RedeliverWebhookInput) input: RedeliverWebhookInput, @Ctx() ctx: ChallengesContext): Promise<RedeliverWebhookPayload> {
    const viewerId = requireUser(ctx.identity);
    const delivery = await ctx.webhooks.redeliver(viewerId, input.deliveryId);
    ctx.webhookLoaders.clear();
    return Object.assign(new RedeliverWebhookPayload(), { delivery: WebhookDeliveryType.from(delivery) });
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookDeliveryAttemptType], { description: 'Every attempt, newest first (the latest 50; attemptCount counts them all).' })
  async attempts(@Root() delivery: WebhookDeliveryType, @Ctx() ctx: ChallengesContext): Promise<WebhookDeliveryAttemptType[]> {
    return (await ctx.webhookLoaders.attemptsByDeliveryId.load(delivery.id)).map(WebhookDeliveryAttemptType.from);
  }
}

@Resolver(() => OrganizationType)
export class OrganizationWebhookEndpointsResolver {
  @FieldResolver(() => [WebhookEndpointType], {
    nullable: true,
    description: 'Its webhook endpoints not deleted (20 at most), oldest first. OWNERs and ADMINs (and API keys with WEBHOOKS_MANAGE) only: null for anyone else.',
  })
  async webhookEndpoints(@Root() organization: OrganizationType, @Ctx() ctx: ChallengesContext): Promise<WebhookEndpointType[] | null> {
    if (!canManage(await ctx.loaders.viewerRoleByOrganizationId.load(organization.id))) return null;
    return (await ctx.webhookLoaders.liveEndpointsByOrganizationId.load(organization.id)).map(WebhookEndpointType.from);
  }
}
