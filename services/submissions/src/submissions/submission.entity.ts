import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

// The shortlist is not a status: it is a separate, judge-only flag (shortlisted_at). Later: WITHDRAWN, AWARDED.
export const SUBMISSION_STATUSES = ['SUBMITTED'] as const;
export type SubmissionStatusName = (typeof SUBMISSION_STATUSES)[number];

/** One per (challenge, author); its content lives in versions. Writes go through SubmissionService (insert-or-lock). */
@Entity({ tableName: 'submission' })
export class SubmissionEntity {
  [OptionalProps]?: 'status' | 'currentVersion' | 'voteCount';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  challengeId!: string;

  /** Solo: the author. A team's: the member who submitted first (each version records its submitter). */
  @Property({ type: 'uuid' })
  authorId!: string;

  /** The team whose submission it is (one per team); null for a solo submission (one per challenge and author). */
  @Property({ type: 'uuid', nullable: true })
  teamId?: string | null;

  @Property({ type: 'text' })
  status: SubmissionStatusName = 'SUBMITTED';

  @Property({ type: 'integer' })
  currentVersion: number = 0;

  @Property({ type: 'timestamptz', length: 3 })
  firstSubmittedAt!: Date;

  /** When the current version was submitted. */
  @Property({ type: 'timestamptz', length: 3 })
  submittedAt!: Date;

  /**
   * When the sponsor's judges put it on their shortlist (null: not on it). Internal: the schema exposes only
   * `Submission.shortlisted`, and only to the sponsor's OWNERs and ADMINs. Written through SubmissionService.
   */
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  shortlistedAt?: Date | null;

  /** The counted votes (VoteService moves it in the vote's transaction; flagged votes are not in it). */
  @Property({ type: 'integer', default: 0 })
  voteCount: number = 0;
}

@Entity({ tableName: 'submission_version' })
export class SubmissionVersionEntity {
  @PrimaryKey({ type: 'uuid' })
  submissionId!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'timestamptz', length: 3 })
  submittedAt!: Date;

  /** Who submitted this version (a team's member, or the author); null: the submission's author (older rows). */
  @Property({ type: 'uuid', nullable: true })
  submittedBy?: string | null;
}

/** A user accepted a challenge's terms (once: accepting again changes nothing). Written through SubmissionService. */
@Entity({ tableName: 'terms_acceptance' })
export class TermsAcceptanceEntity {
  [OptionalProps]?: 'acceptedAt';

  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  acceptedAt: Date = new Date();
}

/** A submission with the content of its current version, as the queries return it. */
export interface SubmissionSnapshot {
  id: string;
  challengeId: string;
  authorId: string;
  /** The team whose submission it is; null for a solo submission. */
  teamId: string | null;
  status: SubmissionStatusName;
  version: number;
  title: string;
  body: string;
  submittedAt: Date;
  firstSubmittedAt: Date;
  /** Null when not shortlisted. Judge-only: resolvers show it to the sponsor's OWNERs and ADMINs alone. */
  shortlistedAt: Date | null;
}

export interface SubmissionVersionSnapshot {
  submissionId: string;
  submittedBy: string;
  version: number;
  title: string;
  body: string;
  submittedAt: Date;
}
