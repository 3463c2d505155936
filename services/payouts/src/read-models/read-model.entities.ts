import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ChallengeStatusName, ChallengeVisibilityName, OrganizationRoleName } from '@ideagora/events';

/** What payouts knows of a challenge, from ChallengeChanged events. */
@Entity({ tableName: 'challenge_view' })
export class ChallengeView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text' })
  status!: ChallengeStatusName;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'timestamptz' })
  submissionDeadline!: Date;

  /**
   * [{ rank, amountMinor, quantity, label, communityChoice }] as ChallengeChanged carries them, amounts as decimal
   * strings; quantity absent (= 1) and communityChoice absent (= false) in events queued before them.
   */
  @Property({ type: 'json' })
  prizes!: { rank: number; amountMinor: string; quantity?: number; label?: string; communityChoice?: boolean }[];

  /** The whole pool will be paid out (automatic awards at the judging deadline). */
  @Property({ type: 'boolean', default: false })
  guaranteed: boolean = false;

  /** Null until a ChallengeChanged that carries it. */
  @Property({ type: 'timestamptz', nullable: true })
  judgingDeadline?: Date | null;

  /** The judging deadline passed while JUDGING (challenges' deadline job): sponsor awards are refused. */
  @Property({ type: 'boolean', default: false })
  judgingClosed: boolean = false;

  /** When payouts decided what the judging deadline left undecided (JudgingConcluded): once. */
  @Property({ type: 'timestamptz', nullable: true })
  concludedAt?: Date | null;

  /** When payouts applied the challenge's vote (VotingRankingFixed: community-choice prizes awarded): once. */
  @Property({ type: 'timestamptz', nullable: true })
  voteConcludedAt?: Date | null;

  /** Who may see it, with `published` (isChallengeVisibleTo). */
  @Property({ type: 'text', default: 'PUBLIC' })
  visibility!: ChallengeVisibilityName;

  @Property({ type: 'boolean' })
  published!: boolean;

  /** Null until a ChallengeChanged that carries it (events queued before the field existed lack it). */
  @Property({ type: 'text', nullable: true })
  title?: string | null;

  @Property({ type: 'integer' })
  version!: number;
}

@Entity({ tableName: 'membership_view' })
export class MembershipView {
  @PrimaryKey({ type: 'uuid' })
  organizationId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text', nullable: true })
  role!: OrganizationRoleName | null;

  @Property({ type: 'integer' })
  version!: number;
}

@Entity({ tableName: 'submission_view' })
export class SubmissionView {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'uuid' })
  authorId!: string;

  /** The team whose submission it is; null for a solo submission. */
  @Property({ type: 'uuid', nullable: true })
  teamId?: string | null;

  @Property({ type: 'integer' })
  version!: number;
}

/** A member's share in a team's split, as TeamSplitAgreed states it (in the split's stated order). */
export interface TeamShare {
  userId: string;
  basisPoints: number;
  /** What the largest-remainder division uses: the basis points, or 1 each for an equal split. */
  weight: number;
}

/** Each team's split in force: the latest agreed version (TeamSplitAgreed); older versions are ignored. */
@Entity({ tableName: 'team_split_view' })
export class TeamSplitView {
  @PrimaryKey({ type: 'uuid' })
  teamId!: string;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'integer' })
  splitVersion!: number;

  @Property({ type: 'json' })
  shares!: TeamShare[];
}

/** Who holds a role on a challenge through an accepted challenge invitation (ChallengeRoleChanged, version-guarded). */
@Entity({ tableName: 'challenge_role_view' })
export class ChallengeRoleView {
  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'text' })
  role!: 'JUDGE' | 'PARTICIPANT';

  @Property({ type: 'boolean' })
  granted!: boolean;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}

export const READ_MODEL_ENTITIES = [ChallengeView, MembershipView, SubmissionView, TeamSplitView, ChallengeRoleView];
