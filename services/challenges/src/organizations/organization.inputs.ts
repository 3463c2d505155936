import { Field, ID, InputType } from 'type-graphql';
import { OrganizationRole } from './organization.domain';

@InputType('CreateOrganizationInput')
export class CreateOrganizationInput {
  @Field(() => String, { description: '1 to 120 characters.' })
  name!: string;
}

@InputType('AddOrganizationMemberInput', { description: 'Invites a person to become a member with a role, or changes the role of an existing member.' })
export class AddOrganizationMemberInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID, { description: 'An existing user: NOT_FOUND (field userId) otherwise, and nothing is written.' })
  userId!: string;

  @Field(() => OrganizationRole)
  role!: OrganizationRole;
}

@InputType('InviteOrganizationMemberInput', { description: 'Invites whoever has, or signs up with, an email address to become a member with a role.' })
export class InviteOrganizationMemberInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { description: 'An email address (at most 254 characters; case does not matter).' })
  email!: string;

  @Field(() => OrganizationRole)
  role!: OrganizationRole;
}

@InputType('RespondToOrganizationInvitationInput')
export class RespondToOrganizationInvitationInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Boolean, { description: 'true: become a member with the invited role; false: decline.' })
  accept!: boolean;
}

@InputType('UpdateOrganizationInput', {
  description: "Changes the organization's public page: only the fields given change; null (or blank) removes an optional one.",
})
export class UpdateOrganizationInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The page address /o/<slug>: 3 to 40 of a-z, 0-9 and single hyphens inside, not a reserved word (new, edit, admin, api, settings, ...): BAD_USER_INPUT slug; taken by another organization: CONFLICT slug. Can be changed, not removed.',
  })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2,000 characters (BAD_USER_INPUT about).' })
  about?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL of at most 200 characters (BAD_USER_INPUT websiteUrl).' })
  websiteUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '#rrggbb (stored lower case) with a WCAG contrast ratio of at least 4.5:1 against white, so text in it stays readable (BAD_USER_INPUT brandColor, saying the ratio).',
  })
  brandColor?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "An attachment the viewer uploaded (createAttachmentUpload) and that is READY: a PNG, JPEG or WebP image of at most 2 MB (BAD_USER_INPUT logoAttachmentId otherwise). Saving right after it reads READY is fine: the check waits a few seconds for it.",
  })
  logoAttachmentId?: string | null;
}
