import { ForbiddenError, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { ChallengesContext } from '../context';
import { canManage } from '../organizations/organization.domain';
import { OrganizationType } from '../organizations/organization.type';
import { CreateApiKeyInput, RevokeApiKeyInput } from './api-key.inputs';
import { ApiKeyType, CreateApiKeyPayload, RevokeApiKeyPayload } from './api-key.type';

/** The response extension that tells the gateway to drop revoked keys at once: `extensions.ideagora.revokedApiKeyIds`. */
export const REVOKED_API_KEYS_EXTENSION = ['ideagora', 'revokedApiKeyIds'] as const;

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Mutation(() => CreateApiKeyPayload, {
    description:
      "A new API key of the organization, with its scopes. OWNER/ADMIN only (FORBIDDEN; NOT_FOUND for an unknown organization); an API key cannot create keys. The secret is in this answer only: only its hash is kept. At most 50 keys not revoked per organization (FAILED_PRECONDITION). BAD_USER_INPUT name (1 to 100 characters), scopes (at least one, each once), organizationId.",
  })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: ChallengesContext): Promise<CreateApiKeyPayload> {
    const viewerId = requireUser(ctx.identity);
    const { apiKey, secret } = await ctx.apiKeys.create(viewerId, input);
    ctx.apiKeyLoaders.apiKeysByOrganizationId.clear(apiKey.organizationId);
    return Object.assign(new CreateApiKeyPayload(), { apiKey: ApiKeyType.from(apiKey), secret });
  }

  @Mutation(() => RevokeApiKeyPayload, {
    description:
      "Revokes an API key: refused from its next request on. OWNER/ADMIN of the key's organization only (NOT_FOUND for anyone else, as for an unknown key); an API key cannot revoke keys. Revoking a revoked key answers it as it is.",
  })
  async revokeApiKey(@Arg('input', () => RevokeApiKeyInput) input: RevokeApiKeyInput, @Ctx() ctx: ChallengesContext): Promise<RevokeApiKeyPayload> {
    const viewerId = requireUser(ctx.identity);
    const apiKey = await ctx.apiKeys.revoke(viewerId, input);
    // Committed (or revoked before): the gateway drops the key now, before ApiKeyChanged reaches it.
    ctx.responseExtensions.append(...REVOKED_API_KEYS_EXTENSION, apiKey.id);
    ctx.apiKeyLoaders.apiKeysByOrganizationId.clear(apiKey.organizationId);
    return Object.assign(new RevokeApiKeyPayload(), { apiKey: ApiKeyType.from(apiKey) });
  }
}

@Resolver(() => OrganizationType)
export class OrganizationApiKeysResolver {
  @FieldResolver(() => [ApiKeyType], {
    description:
      "The organization's API keys, newest first, revoked ones included (never their secrets). OWNERs and ADMINs only: FORBIDDEN for anyone else, API keys included.",
  })
  async apiKeys(@Root() organization: OrganizationType, @Ctx() ctx: ChallengesContext): Promise<ApiKeyType[]> {
    requireUser(ctx.identity);
    if (ctx.identity.apiKey || !canManage(await ctx.loaders.viewerRoleByOrganizationId.load(organization.id))) {
      throw new ForbiddenError("Only an OWNER or ADMIN of the organization can see its API keys");
    }
    return (await ctx.apiKeyLoaders.apiKeysByOrganizationId.load(organization.id)).map((key) => ApiKeyType.from(key));
  }
}
