import { Entity, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { OrganizationRole } from './organization.domain';

@Entity({ tableName: 'organization' })
export class OrganizationEntity {
  [OptionalProps]?: 'membershipVersion' | 'pageVersion' | 'slug' | 'about' | 'websiteUrl' | 'brandColor' | 'logoAttachmentId' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  /** Copied into each of its challenges (`challenge.organization_name`, for search): a rename must update them too. */
  @Property({ type: 'text' })
  name!: string;

  /** Incremented on every membership change; the `version` of MembershipChanged events. */
  @Property({ type: 'integer' })
  membershipVersion: number = 0;

  // The public page (updateOrganization): null until set. The slug is unique (organization_slug_key).
  @Property({ type: 'text', nullable: true })
  slug: string | null = null;

  @Property({ type: 'text', nullable: true })
  about: string | null = null;

  @Property({ type: 'text', nullable: true })
  websiteUrl: string | null = null;

  /** `#rrggbb`, lower case, with enough contrast against white for text. */
  @Property({ type: 'text', nullable: true })
  brandColor: string | null = null;

  /** An image attachment of the submissions context (its URL is minted there: Organization.logoUrl). */
  @Property({ type: 'uuid', nullable: true })
  logoAttachmentId: string | null = null;

  /** Incremented on every change of the page; the `version` of OrganizationChanged events. */
  @Property({ type: 'integer', default: 0 })
  pageVersion: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date(), defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}

/** Who a membership is of: a person, or an organization's API key. Values match MembershipChanged's `principal`. */
export type MembershipPrincipal = 'USER' | 'API_KEY';

@Entity({ tableName: 'organization_membership' })
export class MembershipEntity {
  [PrimaryKeyProp]?: ['organizationId', 'userId'];
  [OptionalProps]?: 'principal' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  organizationId!: string;

  /** A person's user id, or an API key's id (principal API_KEY). */
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /**
   * USER: a person. API_KEY: the organization's API key `userId` acting as its ADMIN (issue 16), which people-facing
   * reads never show nor count (members, User.organizations, the OWNER rules).
   */
  @Property({ type: 'text', default: 'USER' })
  principal: MembershipPrincipal = 'USER';

  @Property({ type: 'text' })
  role!: OrganizationRole;

  /** The organization's membership version at this membership's last change. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date(), defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}

/**
 * A standing offer of membership, until the invitee accepts (a membership is created, this row goes), declines (it
 * goes) or it expires (`expiresAt`, 14 days after it was sent: it can no longer be accepted). Nobody becomes a member
 * of an organization without saying yes: membership bars them from entering its challenges and shows in their
 * account. The invitee is a user id (addOrganizationMember) or an email (inviteOrganizationMember), never both: an
 * invitation by email reaches whoever has, or signs up with, that address.
 */
@Entity({ tableName: 'organization_invitation' })
export class OrganizationInvitationEntity {
  [OptionalProps]?: 'invitedAt' | 'userId' | 'email';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  /** Lower-cased, as solvers stores account emails. */
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text' })
  role!: OrganizationRole;

  @Property({ type: 'uuid' })
  invitedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  invitedAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
