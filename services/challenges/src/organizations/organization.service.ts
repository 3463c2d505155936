import { recordEvent } from '@ideagora/events';
import { BadUserInputError, FailedPreconditionError, requiredId, requiredText } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { assertMembershipChange, OrganizationRole } from './organization.domain';
import { MembershipEntity, OrganizationEntity, OrganizationInvitationEntity } from './organization.entity';
import { InvitationNotFoundError, OrganizationNotFoundError } from './organization.errors';
import type { AddOrganizationMemberInput, CreateOrganizationInput } from './organization.inputs';
import { findForRead } from '@ideagora/db';

const ROLES = new Set<string>(Object.values(OrganizationRole));
/** Invitations an organization may have waiting (Organization.invitations lists them all). */
export const MAX_PENDING_INVITATIONS = 100;
/** How many of a user's pending invitations User.organizationInvitations lists. */
const LISTED_INVITATIONS = 50;

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

  /**
   * Invites a person or changes a member's role. See `assertMembershipChange` for who may do what. A member's role
   * changes at once (MembershipChanged); anyone else gets a PENDING invitation with that role (inviting again changes
   * its role), and becomes a member only by accepting it (`respondToInvitation`).
   */
  async setMember(viewerId: string, input: AddOrganizationMemberInput): Promise<MemberChange> {
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
      if (!target) {
        const existing = await em.findOne(OrganizationInvitationEntity, { organizationId, userId });
        if (!existing && (await em.count(OrganizationInvitationEntity, { organizationId })) >= MAX_PENDING_INVITATIONS) {
          throw new FailedPreconditionError(`An organization can have at most ${MAX_PENDING_INVITATIONS} invitations waiting for an answer.`);
        }
        const invitation = existing ?? em.create(OrganizationInvitationEntity, { organizationId, userId, role, invitedBy: viewerId });
        invitation.role = role;
        invitation.invitedBy = viewerId;
        await em.flush();
        return { organization, membership: null, invitation };
      }
      if (target.role === role) return { organization, membership: target, invitation: null };
      changeMembership(em, organization, target, role);
      await em.flush();
      return { organization, membership: target, invitation: null };
    });
  }

  /**
   * The invitee accepts (becomes a member with the invited role: MembershipChanged) or declines an invitation; either
   * way it is gone. No invitation for the viewer in this organization: NOT_FOUND (the same for an unknown one).
   */
  async respondToInvitation(viewerId: string, organizationIdInput: string, accept: boolean): Promise<{ organization: OrganizationEntity; membership: MembershipEntity | null }> {
    const organizationId = requiredId(organizationIdInput, 'organizationId');
    return this.em.transactional(async (em) => {
      const organization = await em.findOne(OrganizationEntity, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const invitation = organization ? await em.findOne(OrganizationInvitationEntity, { organizationId, userId: viewerId }) : null;
      if (!organization || !invitation) throw new InvitationNotFoundError();
      em.remove(invitation);
      if (!accept) {
        await em.flush();
        return { organization, membership: null };
      }
      const membership = em.create(MembershipEntity, { organizationId, userId: viewerId, role: invitation.role, version: 0 });
      changeMembership(em, organization, membership, invitation.role);
      await em.flush();
      return { organization, membership };
    });
  }

  /** The user's pending invitations, the newest LISTED_INVITATIONS (anyone may invite anyone), newest first. */
  async invitationsOf(userId: string): Promise<OrganizationInvitationEntity[]> {
    return this.em.find(OrganizationInvitationEntity, { userId }, { orderBy: { invitedAt: 'desc', organizationId: 'asc' }, limit: LISTED_INVITATIONS });
  }

  /** Pending invitations of several organizations (for a DataLoader): one query. */
  async invitationsTo(organizationIds: readonly string[]): Promise<OrganizationInvitationEntity[]> {
    return findForRead(this.em, OrganizationInvitationEntity, { organizationId: { $in: [...organizationIds] } }, [{ organizationId: 'asc', invitedAt: 'asc', userId: 'asc' }]);
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

export interface MemberChange {
  organization: OrganizationEntity;
  /** The membership as it now is; null when an invitation was sent instead. */
  membership: MembershipEntity | null;
  invitation: OrganizationInvitationEntity | null;
}

/** Sets a membership's role under the organization's lock: the next membership version, and its event. */
function changeMembership(em: EntityManager, organization: OrganizationEntity, membership: MembershipEntity, role: OrganizationRole): void {
  organization.membershipVersion += 1;
  membership.role = role;
  membership.version = organization.membershipVersion;
  recordEvent(em, 'MembershipChanged', { organizationId: organization.id, userId: membership.userId, role, version: organization.membershipVersion });
}
