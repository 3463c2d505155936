import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Split, SplitStatus } from './team.domain';

// Persistence only. Writes go through TeamService in plain SQL under the team's row lock, as submissions' do.

/** A team entering one challenge, with its prize split (version, status, equal) on the row. */
@Entity({ tableName: 'team' })
export class TeamEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'integer' })
  splitVersion!: number;

  @Property({ type: 'text' })
  splitStatus!: SplitStatus;

  @Property({ type: 'boolean', default: false })
  splitEqual!: boolean;
}

/** A member, in join order (`position`), with their share of the split and their agreement to its version. */
@Entity({ tableName: 'team_member' })
export class TeamMemberEntity {
  @PrimaryKey({ type: 'uuid' })
  teamId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'integer' })
  shareBasisPoints!: number;

  @Property({ type: 'timestamptz', length: 3, nullable: true })
  agreedAt?: Date | null;

  @Property({ type: 'timestamptz', length: 3 })
  joinedAt!: Date;
}

export const TEAM_INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED'] as const;
export type TeamInvitationStatusName = (typeof TEAM_INVITATION_STATUSES)[number];

/** An invitation by email; a PENDING one past `expiresAt` reads as EXPIRED. */
@Entity({ tableName: 'team_invitation' })
export class TeamInvitationEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  teamId!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'uuid' })
  invitedBy!: string;

  @Property({ type: 'text' })
  status!: TeamInvitationStatusName;

  @Property({ type: 'timestamptz', length: 3 })
  invitedAt!: Date;

  @Property({ type: 'timestamptz', length: 3 })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', length: 3, nullable: true })
  respondedAt?: Date | null;
}

/** Who takes part in a challenge: alone (teamId null) or in a team. One row per (challenge, user). */
@Entity({ tableName: 'challenge_participant' })
export class ChallengeParticipantEntity {
  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid', nullable: true })
  teamId?: string | null;
}

/** A team as the queries return it. */
export interface TeamSnapshot {
  id: string;
  challengeId: string;
  name: string;
  createdAt: Date;
  split: Split;
  members: { userId: string; shareBasisPoints: number; joinedAt: Date }[];
  /** The team's submission, if any. */
  submissionId: string | null;
}

export interface TeamInvitationSnapshot {
  id: string;
  teamId: string;
  email: string;
  invitedBy: string;
  status: TeamInvitationStatusName;
  invitedAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
}
