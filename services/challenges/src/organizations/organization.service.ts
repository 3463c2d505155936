import { findForRead } from '@ideagora/db';
import { NO_READ_MODEL_WAIT, recordEvent, type ReadModelWait } from '@ideagora/events';
import { BadUserInputError, emailAddress, FailedPreconditionError, ForbiddenError, requiredId, requiredText } from '@ideagora/subgraph-kit';
import { LockMode, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { findUserEmail, invitationExpiry } from '../read-models/read-model.service';
import { UserViewEntity } from '../read-models/user-view.entity';
import {
  assertMembershipChange,
  assertUsableLogo,
  canManage,
  isWellFormedSlug,
  OrganizationRole,
  parsePageChange,
  type LogoCandidate,
  type OrganizationPage,
} from './organization.domain';
import { MembershipEntity, OrganizationEntity, OrganizationInvitationEntity, type MembershipPrincipal } from './organization.entity';
import { InvitationExpiredError, InvitationNotFoundError, OrganizationNotFoundError, SlugTakenError, UserNotFoundError } from './organization.errors';
import type { AddOrganizationMemberInput, CreateOrganizationInput, InviteOrganizationMemberInput, UpdateOrganizationInput } from './organization.inputs';

const ROLES = new Set<string>(Object.values(OrganizationRole));
/** Invitations an organization may have waiting (Organization.invitations lists them all). */
export const MAX_PENDING_INVITATIONS = 100;
/** How long an invitation can be accepted. */
export const INVITATION_LIFETIME_DAYS = 14;
/** How many of a user's pending invitations User.organizationInvitations lists. */
const LISTED_INVITATIONS = 50;

export class OrganizationService {
  constructor(
    private readonly em: EntityManager,
    private readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
  ) {}

  /** Creates an organization whose only member, its OWNER, is the viewer. */
  async create(viewerId: string, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    const name = requiredText(input.name, 'name', { max: 120 });
    return this.em.transactional(async (em) => {
      const organization = em.create(OrganizationEntity, { name, membershipVersion: 1 });
      em.create(MembershipEntity, { organizationId: organization.id, userId: viewerId, role: OrganizationRole.OWNER, version: 1 });
      recordEvent(em, 'MembershipChanged', { organizationId: organization.id, userId: viewerId, role: OrganizationRole.OWNER, version: 1, principal: 'USER' });
      await em.flush();
      return organization;
    });
  }

  /**
   * Changes the organization's public page (parsePageChange: only the fields given), OWNER/ADMIN only (FORBIDDEN for
   * anyone else, NOT_FOUND for an unknown organization, as for its members). A new logo must be the viewer's READY
   * image (assertUsableLogo); one just uploaded may not have reached attachment_view yet (its AttachmentReady in
   * flight: the web saves the moment the upload reads READY), so the command first waits for it, bounded, and only
   * for a manager. One transaction under the organization's row lock: the next page version, OrganizationChanged.
   * A slug taken by another organization is CONFLICT `slug` (the unique index decides between two at once).
   */
  async updatePage(viewerId: string, input: UpdateOrganizationInput): Promise<OrganizationEntity> {
    const organizationId = requiredId(input.organizationId, 'organizationId');
    const change = parsePageChange(input);
    const logoId = change.logoAttachmentId ?? null;
    if (logoId) {
      await this.readModel.until(
        () => this.logoCheck(organizationId, viewerId, logoId),
        (check) => canManage(check.viewerRole) && !check.known && !check.current,
      );
    }
    return this.em.transactional(async (em) => {
      const organization = await em.findOne(OrganizationEntity, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!organization) throw new OrganizationNotFoundError(organizationId);
      if (!canManage(await findRole(em, organizationId, viewerId))) throw new ForbiddenError('Only an OWNER or ADMIN of the organization can change its page');
      // Keeping the logo in place (another admin saving the form) needs no check; a new one is the viewer's upload.
      if (logoId && logoId !== organization.logoAttachmentId) assertUsableLogo(logoId, await findLogoCandidate(em, logoId), viewerId);
      const changed = (Object.keys(change) as (keyof OrganizationPage)[]).filter((key) => organization[key] !== change[key]);
      if (changed.length === 0) return organization;
      em.assign(organization, change);
      organization.pageVersion += 1;
      recordEvent(em, 'OrganizationChanged', {
        organizationId,
        name: organization.name,
        slug: organization.slug,
        brandColor: organization.brandColor,
        logoAttachmentId: organization.logoAttachmentId,
        version: organization.pageVersion,
      });
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException && change.slug) throw new SlugTakenError(change.slug);
        throw error;
      }
      return organization;
    });
  }

  /** organizationBySlug: null for an unknown slug, and for a malformed one (no statement). */
  async findBySlug(slug: string): Promise<OrganizationEntity | null> {
    if (!isWellFormedSlug(slug)) return null;
    const [found] = await findForRead(this.em, OrganizationEntity, { slug });
    return found ?? null;
  }

  /** The viewer's role, whether attachment_view knows the image, and whether it is the current logo: one statement. */
  private async logoCheck(organizationId: string, viewerId: string, attachmentId: string): Promise<{ viewerRole: OrganizationRole | null; known: boolean; current: boolean }> {
    const [row] = await this.em.execute<{ viewer_role: OrganizationRole | null; known: boolean; current: boolean }[]>(
      `select (select role from organization_membership where organization_id = ? and user_id = ?) as viewer_role,
              exists (select 1 from attachment_view where id = ?) as known,
              exists (select 1 from organization where id = ? and logo_attachment_id = ?) as current`,
      [organizationId, viewerId, attachmentId, organizationId, attachmentId],
    );
    return { viewerRole: row?.viewer_role ?? null, known: row?.known === true, current: row?.current === true };
  }

  /**
   * Invites a person by user id or changes a member's role. See `assertMembershipChange` for who may do what. A
   * member's role changes at once (MembershipChanged); anyone else gets a pending invitation with that role (see
   * `invite`), and becomes a member only by accepting it (`respondToInvitation`). A user id that no account has is
   * NOT_FOUND (field userId), and nothing is written.
   */
  async setMember(viewerId: string, input: AddOrganizationMemberInput): Promise<MemberChange> {
    const organizationId = requiredId(input.organizationId, 'organizationId');
    const userId = requiredId(input.userId, 'userId');
    const role = checkRole(input.role);
    // Read your writes: someone who signed up a moment ago reaches user_view by event. Waited for only when the viewer
    // manages the organization (nobody else learns anything from the answer) and the user is not known yet.
    await this.readModel.until(
      () => this.inviteeCheck(organizationId, viewerId, userId),
      (check) => canManage(check.viewerRole) && !check.userKnown,
    );

    return this.em.transactional(async (em) => {
      // The organization row serializes membership changes (and their version counter) and invitations (the cap).
      const organization = await em.findOne(OrganizationEntity, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!organization) throw new OrganizationNotFoundError(organizationId);
      // People only: an API key's membership is neither an actor, a target nor an OWNER here (keys are managed by
      // createApiKey/revokeApiKey; a key's id given as userId is no account: NOT_FOUND below).
      const memberships = await em.find(MembershipEntity, { organizationId, principal: 'USER', $or: [{ userId: { $in: [viewerId, userId] } }, { role: OrganizationRole.OWNER }] });
      const actor = memberships.find((m) => m.userId === viewerId) ?? null;
      const target = memberships.find((m) => m.userId === userId) ?? null;
      const ownerCount = memberships.filter((m) => m.role === OrganizationRole.OWNER).length;
      assertMembershipChange({ actor: actor?.role ?? null, current: target?.role ?? null, next: role, ownerCount });
      if (!target) {
        if (!(await em.count(UserViewEntity, { id: userId }))) throw new UserNotFoundError(userId);
        return { organization, membership: null, invitation: await invite(em, organization, viewerId, { userId }, role) };
      }
      if (target.role === role) return { organization, membership: target, invitation: null };
      changeMembership(em, organization, target, role);
      await em.flush();
      return { organization, membership: target, invitation: null };
    });
  }

  /**
   * Invites whoever has, or signs up with, an email address (see `invite`). The answer is the same whether the address
   * has an account, is already a member's, or is unknown: nothing here reads which. Role rules as for a newcomer.
   */
  async inviteByEmail(viewerId: string, input: InviteOrganizationMemberInput): Promise<{ organization: OrganizationEntity; invitation: OrganizationInvitationEntity }> {
    const organizationId = requiredId(input.organizationId, 'organizationId');
    const email = emailAddress(input.email, 'email');
    const role = checkRole(input.role);
    return this.em.transactional(async (em) => {
      const organization = await em.findOne(OrganizationEntity, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!organization) throw new OrganizationNotFoundError(organizationId);
      const actor = await em.findOne(MembershipEntity, { organizationId, userId: viewerId, principal: 'USER' });
      assertMembershipChange({ actor: actor?.role ?? null, current: null, next: role, ownerCount: 0 });
      return { organization, invitation: await invite(em, organization, viewerId, { email }, role) };
    });
  }

  /**
   * The invitee accepts (becomes a member with the invited role: MembershipChanged) or declines an invitation; either
   * way it is gone, with any other of theirs to this organization (by id and by email). No invitation for the viewer
   * in this organization: NOT_FOUND (the same for an unknown one); an expired one cannot be accepted (FAILED_PRECONDITION).
   * Someone already a member who accepts keeps their role.
   */
  async respondToInvitation(viewerId: string, organizationIdInput: string, accept: boolean): Promise<{ organization: OrganizationEntity; membership: MembershipEntity | null }> {
    const organizationId = requiredId(organizationIdInput, 'organizationId');
    // Someone who just signed up with an invited address: their email reaches user_view by event.
    const email = await this.readModel.until(() => this.emailOf(viewerId), (known) => known === undefined);
    return this.em.transactional(async (em) => {
      const organization = await em.findOne(OrganizationEntity, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const invitations = organization
        ? await em.find(OrganizationInvitationEntity, { organizationId, $or: inviteeOf(viewerId, email ?? null) }, { orderBy: { invitedAt: 'desc' } })
        : [];
      if (!organization || invitations.length === 0) throw new InvitationNotFoundError();
      const now = new Date();
      const live = invitations.find((i) => i.expiresAt > now);
      if (accept && !live) throw new InvitationExpiredError();
      for (const invitation of invitations) em.remove(invitation);
      if (!accept || !live) {
        await em.flush();
        return { organization, membership: null };
      }
      const existing = await em.findOne(MembershipEntity, { organizationId, userId: viewerId });
      if (existing) {
        await em.flush();
        return { organization, membership: existing };
      }
      const membership = em.create(MembershipEntity, { organizationId, userId: viewerId, role: live.role, version: 0 });
      changeMembership(em, organization, membership, live.role);
      await em.flush();
      return { organization, membership };
    });
  }

  /**
   * The user's invitations that can still be accepted, by user id or by their email, one per organization (the
   * newest), the newest LISTED_INVITATIONS (anyone may invite anyone), newest first.
   */
  async invitationsOf(userId: string): Promise<OrganizationInvitationEntity[]> {
    const email = await this.emailOf(userId);
    const rows = await this.em.find(
      OrganizationInvitationEntity,
      { $or: inviteeOf(userId, email ?? null), expiresAt: { $gt: new Date() } },
      { orderBy: { invitedAt: 'desc', organizationId: 'asc' }, limit: LISTED_INVITATIONS * 2 },
    );
    const seen = new Set<string>();
    return rows.filter((i) => !seen.has(i.organizationId) && seen.add(i.organizationId)).slice(0, LISTED_INVITATIONS);
  }

  /** Pending invitations of several organizations (for a DataLoader): one query. */
  async invitationsTo(organizationIds: readonly string[]): Promise<OrganizationInvitationEntity[]> {
    return findForRead(this.em, OrganizationInvitationEntity, { organizationId: { $in: [...organizationIds] }, expiresAt: { $gt: new Date() } }, [
      { organizationId: 'asc', invitedAt: 'asc', id: 'asc' },
    ]);
  }

  /** Whether the user exists (user_view), and the viewer's role in the organization: one query. */
  private async inviteeCheck(organizationId: string, viewerId: string, userId: string): Promise<{ userKnown: boolean; viewerRole: OrganizationRole | null }> {
    const [row] = await this.em.execute<{ user_known: boolean; viewer_role: OrganizationRole | null }[]>(
      `select exists (select 1 from user_view where id = ?) as user_known,
              (select role from organization_membership where organization_id = ? and user_id = ?) as viewer_role`,
      [userId, organizationId, viewerId],
    );
    return { userKnown: row?.user_known === true, viewerRole: row?.viewer_role ?? null };
  }

  /** The user's email from user_view: undefined when the user is not known yet, null when known without one. */
  private async emailOf(userId: string): Promise<string | null | undefined> {
    return findUserEmail(this.em, userId);
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

  /**
   * Every person's membership of several organizations (for a DataLoader): one query, by organization then seniority.
   * API keys' memberships are not members (Organization.apiKeys lists the keys).
   */
  async membersOf(organizationIds: readonly string[]): Promise<MembershipEntity[]> {
    return findForRead(this.em, MembershipEntity, { organizationId: { $in: [...organizationIds] }, principal: 'USER' }, [
      { organizationId: 'asc', createdAt: 'asc', userId: 'asc' },
    ]);
  }

  /** Every membership of a person, oldest first (a key's id names none). */
  async membershipsOf(userId: string): Promise<MembershipEntity[]> {
    return this.em.find(MembershipEntity, { userId, principal: 'USER' }, { orderBy: { createdAt: 'asc', organizationId: 'asc' } });
  }
}

/** What attachment_view knows of an image (null: not a READY image, or not heard of yet). */
async function findLogoCandidate(em: EntityManager, attachmentId: string): Promise<LogoCandidate | null> {
  const [row] = await em.execute<{ uploaded_by: string; content_type: string; byte_size: number }[]>(
    `select uploaded_by, content_type, byte_size from attachment_view where id = ?`,
    [attachmentId],
  );
  return row ? { uploadedBy: row.uploaded_by, contentType: row.content_type, byteSize: Number(row.byte_size) } : null;
}

/**
 * The principal's role in an organization, read with the given (possibly transactional) EntityManager: a person's, or
 * an API key's (ADMIN of its organization) unless `principal` asks for one kind only (managing keys is for people).
 */
export async function findRole(em: EntityManager, organizationId: string, userId: string | null, principal?: MembershipPrincipal): Promise<OrganizationRole | null> {
  if (!userId) return null;
  const membership = await em.findOne(MembershipEntity, { organizationId, userId, ...(principal ? { principal } : {}) });
  return membership?.role ?? null;
}

export interface MemberChange {
  organization: OrganizationEntity;
  /** The membership as it now is; null when an invitation was sent instead. */
  membership: MembershipEntity | null;
  invitation: OrganizationInvitationEntity | null;
}

function checkRole(role: OrganizationRole): OrganizationRole {
  if (!ROLES.has(role)) throw new BadUserInputError('role', 'is not a valid role');
  return role;
}

/** The invitations addressed to a user: by their id, or by their email when user_view has it. */
function inviteeOf(userId: string, email: string | null): FilterQuery<OrganizationInvitationEntity>[] {
  return email ? [{ userId }, { email }] : [{ userId }];
}

/**
 * An invitation to `invitee` (a user id or an email), under the organization's row lock. The organization's expired
 * invitations go first (they can no longer be accepted). One still waiting for the same invitee is kept, its role
 * set (inviting again is idempotent, and mails nobody again); otherwise a new one, within MAX_PENDING_INVITATIONS
 * (FAILED_PRECONDITION beyond), valid INVITATION_LIFETIME_DAYS, with OrganizationInvitationSent (solvers mails it).
 */
async function invite(
  em: EntityManager,
  organization: OrganizationEntity,
  viewerId: string,
  invitee: { userId: string } | { email: string },
  role: OrganizationRole,
): Promise<OrganizationInvitationEntity> {
  const organizationId = organization.id;
  const now = new Date();
  await em.nativeDelete(OrganizationInvitationEntity, { organizationId, expiresAt: { $lte: now } });
  const existing = await em.findOne(OrganizationInvitationEntity, { organizationId, ...invitee });
  if (existing) {
    existing.role = role;
    existing.invitedBy = viewerId;
    await em.flush();
    return existing;
  }
  if ((await em.count(OrganizationInvitationEntity, { organizationId })) >= MAX_PENDING_INVITATIONS) {
    throw new FailedPreconditionError(`An organization can have at most ${MAX_PENDING_INVITATIONS} invitations waiting for an answer.`);
  }
  const expiresAt = invitationExpiry(now, INVITATION_LIFETIME_DAYS);
  const invitation = em.create(OrganizationInvitationEntity, { organizationId, ...invitee, role, invitedBy: viewerId, invitedAt: now, expiresAt });
  recordEvent(em, 'OrganizationInvitationSent', {
    invitationId: invitation.id,
    organizationId,
    organizationName: organization.name,
    invitedBy: viewerId,
    role,
    expiresAt: expiresAt.toISOString(),
    ...invitee,
  });
  await em.flush();
  return invitation;
}

/**
 * Sets a membership's role under the organization's lock (a person's, or an API key's when it is created): the next
 * membership version, and its event.
 */
export function changeMembership(em: EntityManager, organization: OrganizationEntity, membership: MembershipEntity, role: OrganizationRole): void {
  organization.membershipVersion += 1;
  membership.role = role;
  membership.version = organization.membershipVersion;
  recordEvent(em, 'MembershipChanged', {
    organizationId: organization.id,
    userId: membership.userId,
    role,
    version: organization.membershipVersion,
    principal: membership.principal,
  });
}

/** Ends a membership under the organization's lock (a revoked API key's): the next membership version, role null. */
export function removeMembership(em: EntityManager, organization: OrganizationEntity, membership: MembershipEntity): void {
  organization.membershipVersion += 1;
  em.remove(membership);
  recordEvent(em, 'MembershipChanged', {
    organizationId: organization.id,
    userId: membership.userId,
    role: null,
    version: organization.membershipVersion,
    principal: membership.principal,
  });
}
