import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { UserRef } from '../external/user.stub';
import { OrganizationRole } from './organization.domain';
import type { OrganizationEntity, OrganizationInvitationEntity } from './organization.entity';

registerEnumType(OrganizationRole, { name: 'OrganizationRole', description: "A member's role in an organization." });

@ObjectType('Organization', { description: 'A sponsor: the organization that runs challenges.' })
@Directive('@key(fields: "id")')
export class OrganizationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  // `viewerRole` is a field resolver (OrganizationResolver).

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'The public page is /o/<slug> (organizationBySlug); null until chosen (updateOrganization).' })
  slug!: string | null;

  @Field(() => String, { nullable: true })
  about!: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL.' })
  websiteUrl!: string | null;

  @Field(() => String, { nullable: true, description: '#rrggbb, lower case, with at least 4.5:1 contrast against white (usable for text and accents on white).' })
  brandColor!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The logo: an image attachment (the submissions context serves it as Organization.logoUrl). Null: no logo.',
  })
  logoAttachmentId!: string | null;

  static from(entity: OrganizationEntity): OrganizationType {
    return Object.assign(new OrganizationType(), {
      id: entity.id,
      name: entity.name,
      createdAt: entity.createdAt,
      slug: entity.slug,
      about: entity.about,
      websiteUrl: entity.websiteUrl,
      brandColor: entity.brandColor,
      logoAttachmentId: entity.logoAttachmentId,
    });
  }
}

@ObjectType('OrganizationMember')
export class OrganizationMemberType {
  @Field(() => UserRef)
  user!: UserRef;

  @Field(() => OrganizationRole)
  role!: OrganizationRole;
}

@ObjectType('CreateOrganizationPayload')
export class CreateOrganizationPayload {
  @Field(() => OrganizationType)
  organization!: OrganizationType;
}

@ObjectType('OrganizationInvitation', {
  description: 'An offer of membership: the invitee becomes a member with this role only by accepting it (respondToOrganizationInvitation).',
})
export class OrganizationInvitationType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field(() => UserRef, {
    nullable: true,
    description: 'The invitee, when invited by user id (addOrganizationMember); null when invited by email: whether an address has an account is never shown.',
  })
  user!: UserRef | null;

  @Field(() => String, { nullable: true, description: 'The address invited (inviteOrganizationMember); null when invited by user id.' })
  email!: string | null;

  @Field(() => OrganizationRole)
  role!: OrganizationRole;

  @Field(() => Date)
  invitedAt!: Date;

  @Field(() => Date, { description: 'After this instant the invitation can no longer be accepted (14 days after it was sent).' })
  expiresAt!: Date;

  static from(entity: OrganizationInvitationEntity, organization: OrganizationEntity): OrganizationInvitationType {
    return Object.assign(new OrganizationInvitationType(), {
      id: entity.id,
      organization: OrganizationType.from(organization),
      user: entity.userId ? UserRef.of(entity.userId) : null,
      email: entity.email,
      role: entity.role,
      invitedAt: entity.invitedAt,
      expiresAt: entity.expiresAt,
    });
  }
}

@ObjectType('AddOrganizationMemberPayload')
export class AddOrganizationMemberPayload {
  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field(() => OrganizationMemberType, { nullable: true, description: 'The membership as it now is; null when the person was invited instead (not yet a member).' })
  member!: OrganizationMemberType | null;

  @Field(() => OrganizationInvitationType, { nullable: true, description: 'The invitation sent (or updated) to someone who is not a member yet.' })
  invitation!: OrganizationInvitationType | null;
}

@ObjectType('InviteOrganizationMemberPayload')
export class InviteOrganizationMemberPayload {
  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field(() => OrganizationInvitationType, { description: 'The invitation waiting for an answer: the same answer whether or not the address has an account.' })
  invitation!: OrganizationInvitationType;
}

@ObjectType('RespondToOrganizationInvitationPayload')
export class RespondToOrganizationInvitationPayload {
  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field(() => OrganizationMemberType, { nullable: true, description: "The viewer's membership once accepted; null when declined." })
  member!: OrganizationMemberType | null;
}

@ObjectType('UpdateOrganizationPayload')
export class UpdateOrganizationPayload {
  @Field(() => OrganizationType)
  organization!: OrganizationType;
}
