import { generateApiKeySecret, hashApiKeySecret } from '@ideagora/auth';
import { findForRead, pgArray } from '@ideagora/db';
import { recordEvent, type EventPayloads } from '@ideagora/events';
import { ForbiddenError, isUuid, requiredId } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { canManage, OrganizationRole } from '../organizations/organization.domain';
import { MembershipEntity, OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationNotFoundError } from '../organizations/organization.errors';
import { changeMembership, findRole, removeMembership } from '../organizations/organization.service';
import { apiKeyStatus, assertCanCreateApiKey, parseApiKeyName, parseApiScopes, revocation } from './api-key.domain';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyNotFoundError } from './api-key.errors';
import type { CreateApiKeyInput, RevokeApiKeyInput } from './api-key.inputs';

/**
 * An organization's API keys (issue 16; docs/ARCHITECTURE.md "API keys"). A key acts as an ADMIN of its organization
 * by being one: while it is not revoked, it has an `organization_membership` row (principal API_KEY, its id as the
 * user id), announced by MembershipChanged like any member's, so every context's membership rules apply to it as they
 * are. Its secret is shown once; only its hash is kept, and sent to the gateway (ApiKeyChanged).
 */
export class ApiKeyService {
  constructor(private readonly em: EntityManager) {}

  /**
   * A new key, by an OWNER/ADMIN of the organization (a person: a key's own membership does not count), as
   * updateOrganization: NOT_FOUND for an unknown organization, FORBIDDEN for anyone else. Under the organization's row
   * lock (it orders membership versions and the cap): at most MAX_ACTIVE_API_KEYS unrevoked keys; the key, its ADMIN
   * membership (the next membership version), MembershipChanged and ApiKeyChanged, in one transaction. The secret is
   * returned here and never again.
   */
  async create(viewerId: string, input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyEntity; secret: string }> {
    const organizationId = requiredId(input.organizationId, 'organizationId');
    const name = parseApiKeyName(input.name);
    const scopes = parseApiScopes(input.scopes);
    return this.em.transactional(async (em) => {
      const organization = await em.findOne(OrganizationEntity, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!organization) throw new OrganizationNotFoundError(organizationId);
      if (!canManage(await findRole(em, organizationId, viewerId, 'USER'))) throw new ForbiddenError('Only an OWNER or ADMIN of the organization can create its API keys');
      assertCanCreateApiKey(await em.count(ApiKeyEntity, { organizationId, revokedAt: null }));
      const apiKey = em.create(ApiKeyEntity, { organizationId, name, scopes, secretHash: '', createdBy: viewerId });
      const secret = generateApiKeySecret(apiKey.id);
      apiKey.secretHash = hashApiKeySecret(secret);
      const membership = em.create(MembershipEntity, { organizationId, userId: apiKey.id, role: OrganizationRole.ADMIN, principal: 'API_KEY', version: 0 });
      changeMembership(em, organization, membership, OrganizationRole.ADMIN);
      recordEvent(em, 'ApiKeyChanged', keyChanged(apiKey));
      await em.flush();
      return { apiKey, secret };
    });
  }

  /**
   * Revokes a key, by an OWNER/ADMIN (a person) of its organization; an unknown key and anyone else get the same
   * NOT_FOUND (a key is hidden from whoever may not manage it). Under the organization's row lock, then the key's:
   * `revoked_at`, the next key version, its membership deleted (the next membership version), MembershipChanged (role
   * null) and ApiKeyChanged. A key already revoked is answered as it is, and nothing is written.
   */
  async revoke(viewerId: string, input: RevokeApiKeyInput): Promise<ApiKeyEntity> {
    const apiKeyId = requiredId(input.apiKeyId, 'apiKeyId');
    return this.em.transactional(async (em) => {
      // The organization first, as every membership change locks it; the key's row after it.
      const [owner] = await em.execute<{ organization_id: string }[]>(`select organization_id from api_key where id = ?`, [apiKeyId]);
      const organization = owner ? await em.findOne(OrganizationEntity, { id: owner.organization_id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!organization || !canManage(await findRole(em, organization.id, viewerId, 'USER'))) throw new ApiKeyNotFoundError(apiKeyId);
      const apiKey = await em.findOneOrFail(ApiKeyEntity, { id: apiKeyId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!revocation(apiKeyStatus(apiKey)).changed) return apiKey;
      apiKey.revokedAt = new Date();
      apiKey.version += 1;
      const membership = await em.findOne(MembershipEntity, { organizationId: organization.id, userId: apiKey.id, principal: 'API_KEY' });
      if (membership) removeMembership(em, organization, membership);
      recordEvent(em, 'ApiKeyChanged', keyChanged(apiKey));
      await em.flush();
      return apiKey;
    });
  }

  /** Every key of several organizations (for a DataLoader), revoked ones included: one query, newest first. */
  async keysOf(organizationIds: readonly string[]): Promise<ApiKeyEntity[]> {
    return findForRead(this.em, ApiKeyEntity, { organizationId: { $in: [...organizationIds] } }, [{ organizationId: 'asc', createdAt: 'desc', id: 'desc' }]);
  }

  /**
   * ApiKeysUsed (the gateway's batched report): one statement for every use, each key's latest; `last_used_at` never
   * moves backwards (a late or replayed report changes nothing). Unknown keys and malformed entries are passed over.
   */
  async applyKeysUsed(payload: EventPayloads['ApiKeysUsed']): Promise<void> {
    const uses = (Array.isArray(payload.uses) ? payload.uses : []).flatMap((use) => {
      const at = typeof use?.lastUsedAt === 'string' ? new Date(use.lastUsedAt) : null;
      return isUuid(use?.apiKeyId) && at && !Number.isNaN(at.getTime()) ? [{ id: use.apiKeyId.toLowerCase(), at: at.toISOString() }] : [];
    });
    if (uses.length === 0) return;
    await this.em.execute(
      `update api_key k set last_used_at = greatest(coalesce(k.last_used_at, '-infinity'), u.at)
         from (select id, max(at) as at from unnest(?::uuid[], ?::timestamptz[]) as used(id, at) group by id) u
        where k.id = u.id and k.last_used_at is distinct from greatest(coalesce(k.last_used_at, '-infinity'), u.at)`,
      [pgArray(uses.map((u) => u.id)), pgArray(uses.map((u) => u.at))],
      'run',
    );
  }
}

/** The key as the gateway's registry needs it (ApiKeyChanged). */
function keyChanged(apiKey: ApiKeyEntity): EventPayloads['ApiKeyChanged'] {
  return {
    id: apiKey.id,
    organizationId: apiKey.organizationId,
    scopes: [...apiKey.scopes],
    secretHash: apiKey.secretHash,
    revokedAt: apiKey.revokedAt?.toISOString() ?? null,
    version: apiKey.version,
  };
}
