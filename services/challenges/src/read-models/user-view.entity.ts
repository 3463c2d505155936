import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The users that exist, fed by solvers' `UserRegistered`: addOrganizationMember refuses an unknown user id, and an
 * invitation by email reaches the account whose email it names. `email` null for events queued before it travelled
 * (solvers announced every account again with it). Emails here are a copy of personal data: never exposed by the API
 * (see docs/ARCHITECTURE.md, "Members invited by email").
 */
@Entity({ tableName: 'user_view' })
export class UserViewEntity {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', nullable: true })
  email!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
