import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { UserRef } from '../external/user.stub';
import { OrganizationRole } from './organization.domain';
import type { OrganizationEntity } from './organization.entity';

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

  static from(entity: OrganizationEntity): OrganizationType {
    return Object.assign(new OrganizationType(), { id: entity.id, name: entity.name, createdAt: entity.createdAt });
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

@ObjectType('AddOrganizationMemberPayload')
export class AddOrganizationMemberPayload {
  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field(() => OrganizationMemberType, { description: 'The membership as it now is.' })
  member!: OrganizationMemberType;
}
