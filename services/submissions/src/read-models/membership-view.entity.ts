import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { OrganizationRoleName } from '@ideagora/events';

/** Organization memberships, fed by `MembershipChanged`. `role` null = removed (kept as a tombstone for ordering). */
@Entity({ tableName: 'membership_view' })
export class MembershipViewEntity {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  organizationId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text', nullable: true })
  role!: OrganizationRoleName | null;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
