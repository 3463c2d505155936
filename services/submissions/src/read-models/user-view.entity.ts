import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The users' emails, fed by solvers' `UserRegistered`: a team invitation names an email, and the invitee is the
 * account with it (viewer.teamInvitations, respondToTeamInvitation). A copy of personal data: never exposed by the API.
 * `email` null for events queued before it travelled (solvers announced every account again with it).
 */
@Entity({ tableName: 'user_view' })
export class UserViewEntity {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', nullable: true })
  email!: string | null;

  /** When the account was created (UserRegistered's createdAt, else its occurredAt): castVote's minimum account age. */
  @Property({ type: 'timestamptz', nullable: true })
  createdAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
