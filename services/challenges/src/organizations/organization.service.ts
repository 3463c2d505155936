import { recordEvent } from '@ideagora/events';
import { BadUserInputError, requiredId, requiredText } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { assertMembershipChange, OrganizationRole } from './organization.domain';
import { MembershipEntity, OrganizationEntity } from './organization.entity';
import { OrganizationNotFoundError } from './organization.errors';
import type { AddOrganizationMemberInput, CreateOrganizationInput } from './organization.inputs';
import { findForRead } from '@ideagora/db';

const ROLES = new Set<string>(Object.values(OrganizationRole));

export class OrganizationService {
  constructor(private readonly em: EntityManager) {}

  /** Creates an organization whose only member, its OWNER, is the viewer. */
  async create(viewerId: string, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    const name = requiredText(input.name, 'name', { max: 120 });
    return this.em.transactional(async (em) => {
      const organization = em.create(OrganizationEntity, { name, membershipVersion: 1 });
      em.create(MembershipEntity, { organizationId: organization.id, userId: viewerId, role: OrganizationRole.OWNER, version: 1 });
      recordEvent(em, 'MembershipChanged', { organizationId: organization.id, userId: viewerId, role: OrganizationRole.OWNER, version: 1 });
      await em.flush();
      return organization;
    });
  }

  /** Adds a member or changes a member's role (upsert). See `assertMembershipChange` for who may do what. */
  async setMember(viewerId: string, input: AddOrganizationMemberInput): Promise<{ organization: OrganizationEntity; membership: MembershipEntity }> {
    const organizationId = requiredId(input.organizationId, 'organizationId');
    const userId = requiredId(input.userId, 'userId');
    if (!ROLES.has(input.role)) throw new BadUserInputError('role', 'is not a valid role');
    const role = input.role;

    return this.em.transactional(async (em) => {
      // The organization row serializes membership changes (and their version counter).
      const organization = await em.findOne(OrganizationEntity, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!organization) throw new OrganizationNotFoundError(organizationId);
      const memberships = await em.find(MembershipEntity, { organizationId, $or: [{ userId: { $in: [viewerId, userId] } }, { role: OrganizationRole.OWNER }] });
      const actor = memberships.find((m) => m.userId === viewerId) ?? null;
      const target = memberships.find((m) => m.userId === userId) ?? null;
      const ownerCount = memberships.filter((m) => m.role === OrganizationRole.OWNER).length;
      assertMembershipChange({ actor: actor?.role ?? null, current: target?.role ?? null, next: role, ownerCount });
      if (target && target.role === role) return { organization, membership: target };

      organization.membershipVersion += 1;
      const version = organization.membershipVersion;
      const membership = target ?? em.create(MembershipEntity, { organizationId, userId, role, version });
      membership.role = role;
      membership.version = version;
      recordEvent(em, 'MembershipChanged', { organizationId, userId, role, version });
      await em.flush();
      return { organization, membership };
    });
  }

  /** For DataLoaders: one query whatever the number of ids. */
  async findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return findForRead(this.em, OrganizationEntity, { id: { $in: [...ids] } });
  }

  /** The user's roles in the given organizations: one query. */
  async rolesOf(userId: string, organizationIds: readonly string[]): Promise<Map<string, OrganizationRole>> {
    const rows = await findForRead(this.em, MembershipEntity, { userId, organizationId: { $in: [...organizationIds] } });
    return new Map(rows.map((m) => [m.organizationId, m.role]));
  }

  /** Every membership of several organizations (for a DataLoader): one query, by organization then seniority. */
  async membersOf(organizationIds: readonly string[]): Promise<MembershipEntity[]> {
    return findForRead(this.em, MembershipEntity, { organizationId: { $in: [...organizationIds] } }, [{ organizationId: 'asc', createdAt: 'asc', userId: 'asc' }]);
  }

  /** Every membership of a user, oldest first. */
  async membershipsOf(userId: string): Promise<MembershipEntity[]> {
    return this.em.find(MembershipEntity, { userId }, { orderBy: { createdAt: 'asc', organizationId: 'asc' } });
  }
}

/** The user's role in an organization, read with the given (possibly transactional) EntityManager. */
export async function findRole(em: EntityManager, organizationId: string, userId: string | null): Promise<OrganizationRole | null> {
  if (!userId) return null;
  const membership = await em.findOne(MembershipEntity, { organizationId, userId });
  return membership?.role ?? null;
}
