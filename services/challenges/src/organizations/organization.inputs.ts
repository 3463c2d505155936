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
