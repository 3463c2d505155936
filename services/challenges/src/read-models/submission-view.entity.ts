import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The submissions that exist, fed by submissions' SubmissionCreated (version-guarded upsert): advanceToFinalRound's
 * finalists must be this challenge's, a submitter cannot accept to judge, and an author is a PARTICIPANT.
 */
@Entity({ tableName: 'submission_view' })
export class SubmissionViewEntity {
  [OptionalProps]?: 'updatedAt' | 'teamId';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'uuid', nullable: true })
  teamId: string | null = null;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
