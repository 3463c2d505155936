import { Field, ID, InputType } from 'type-graphql';
import { OrganizationRole } from './organization.domain';

@InputType('CreateOrganizationInput')
export class CreateOrganizationInput {
  @Field(() => String, { description: '1 to 120 characters.' })
  name!: string;
}

@InputType('AddOrganizationMemberInput', { description: 'Adds a member, or changes the role of an existing one.' })
export class AddOrganizationMemberInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => OrganizationRole)
  role!: OrganizationRole;
}
