import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The READY image attachments of the submissions context, fed by its AttachmentReady (other files are not kept):
 * updateOrganization checks a logo here (the uploader's own, an image of an accepted type and size). READY is final
 * and an attachment's facts never change, so a replayed event writes nothing: no versions.
 */
@Entity({ tableName: 'attachment_view', readonly: true })
export class AttachmentViewEntity {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  uploadedBy!: string;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'integer' })
  byteSize!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
