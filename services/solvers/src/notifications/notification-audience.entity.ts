import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The read models that name a notification's recipients without reading another context's tables (see
 * notification.audience.ts, the only code writing them, one statement per event).
 */

/** From ChallengeChanged: the words and the facts compared to tell a deadline moved, submissions closed, results out. */
@Entity({ tableName: 'challenge_view', readonly: true })
export class ChallengeViewEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'integer' })
  round!: number;

  /** The current round's submission deadline. */
  @Property({ type: 'timestamptz' })
  deadline!: Date;

  @Property({ type: 'integer' })
  version!: number;
}

/** Who takes part in a challenge: authors (SubmissionCreated) and members of its teams (TeamSplitAgreed). */
@Entity({ tableName: 'challenge_audience', readonly: true })
export class ChallengeAudienceEntity {
  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** Present while the user takes part as this team's member. */
  @Property({ type: 'uuid', nullable: true })
  teamId!: string | null;
}

/** The latest agreed split heard of per team (its version guards the replacement of the team's members). */
@Entity({ tableName: 'team_audience', readonly: true })
export class TeamAudienceEntity {
  @PrimaryKey({ type: 'uuid' })
  teamId!: string;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'integer' })
  splitVersion!: number;
}

/** From MembershipChanged: who manages an organization's challenges (OWNER, ADMIN); role null once gone. */
@Entity({ tableName: 'organization_manager_view', readonly: true })
export class OrganizationManagerViewEntity {
  @PrimaryKey({ type: 'uuid' })
  organizationId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text', nullable: true })
  role!: string | null;

  @Property({ type: 'integer' })
  version!: number;
}
