import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const ATTACHMENT_STATUSES = ['PENDING', 'READY', 'REJECTED'] as const;
export type AttachmentStatusName = (typeof ATTACHMENT_STATUSES)[number];

/**
 * An uploaded file (issue 14): created PENDING by createAttachmentUpload, READY or REJECTED by verification, listed by
 * submission versions. Written in SQL by AttachmentService and its queues; the entity describes the table.
 */
@Entity({ tableName: 'attachment' })
export class AttachmentEntity {
  [OptionalProps]?: 'status' | 'hasPreview' | 'referenced' | 'createdAt' | 'attempts' | 'nextAttemptAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Who uploaded it: the only one who may list it in a submission. */
  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: new BigIntType('number') })
  byteSize!: number;

  @Property({ type: 'string', columnType: 'char(64)' })
  sha256!: string;

  @Property({ type: 'text', default: 'PENDING' })
  status!: AttachmentStatusName;

  /** `attachments/<ownerId>/<id>`; its preview at `<storageKey>.preview.webp`. */
  @Property({ type: 'text', unique: true })
  storageKey!: string;

  @Property({ type: 'boolean', default: false })
  hasPreview!: boolean;

  @Property({ type: 'text', nullable: true })
  rejectedReason?: string | null;

  /** Listed by a submission version (for good: versions are kept), so never swept. */
  @Property({ type: 'boolean', default: false })
  referenced!: boolean;

  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  createdAt!: Date;

  /** The upload URL is valid until then. */
  @Property({ type: 'timestamptz', length: 3 })
  uploadExpiresAt!: Date;

  @Property({ type: 'timestamptz', length: 3, nullable: true })
  verifiedAt?: Date | null;

  // The verification queue's bookkeeping (WorkQueue).
  @Property({ type: 'integer', default: 0 })
  attempts!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt!: Date;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;
}

/** A version's files, in order (position 0..9). Written in SQL by SubmissionService with the version. */
@Entity({ tableName: 'submission_version_attachment' })
export class SubmissionVersionAttachmentEntity {
  @PrimaryKey({ type: 'uuid' })
  submissionId!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @PrimaryKey({ type: 'integer' })
  position!: number;

  @Property({ type: 'uuid' })
  attachmentId!: string;
}

/** An attachment as the service returns it. */
export interface AttachmentSnapshot {
  id: string;
  ownerId: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  status: AttachmentStatusName;
  storageKey: string;
  hasPreview: boolean;
  rejectedReason: string | null;
  createdAt: Date;
  uploadExpiresAt: Date;
}

/** One file of one submission version. */
export interface VersionAttachmentSnapshot extends AttachmentSnapshot {
  submissionId: string;
  version: number;
  position: number;
}
