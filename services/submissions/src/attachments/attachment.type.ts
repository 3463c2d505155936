import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { AttachmentSnapshot } from './attachment.entity';

export enum AttachmentStatus {
  PENDING = 'PENDING',
  READY = 'READY',
  REJECTED = 'REJECTED',
}
registerEnumType(AttachmentStatus, {
  name: 'AttachmentStatus',
  description: 'PENDING until the uploaded bytes are checked; READY when they match byteSize, sha256 and the declared type; REJECTED otherwise (or when nothing was uploaded within 15 minutes).',
});

@ObjectType('Attachment', {
  description:
    "A file of a submission (or an upload of the viewer's). downloadUrl and previewUrl are short-lived (5 minutes), issued only to those who may read the submission (and to the uploader), and only when READY.",
})
export class AttachmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'As uploaded, without any path.' })
  fileName!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int)
  byteSize!: number;

  @Field(() => AttachmentStatus)
  status!: AttachmentStatus;

  // downloadUrl, previewUrl, rejectedReason: field resolvers (AttachmentResolver).

  /** Not exposed. */
  snapshot!: AttachmentSnapshot;
  /** The viewer may read what the attachment was reached through (its submission, or their own upload): URLs are issued. */
  urlsAllowed!: boolean;
  /** The viewer uploaded it: the rejection reason is theirs to read. */
  viewerOwns!: boolean;

  static from(snapshot: AttachmentSnapshot, access: { urlsAllowed: boolean; viewerOwns: boolean }): AttachmentType {
    return Object.assign(new AttachmentType(), {
      id: snapshot.id,
      fileName: snapshot.fileName,
      contentType: snapshot.contentType,
      byteSize: snapshot.byteSize,
      status: AttachmentStatus[snapshot.status],
      snapshot,
      ...access,
    });
  }
}

@ObjectType('HttpHeader')
export class HttpHeaderType {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('CreateAttachmentUploadPayload')
export class CreateAttachmentUploadPayload {
  @Field(() => AttachmentType)
  attachment!: AttachmentType;

  @Field(() => String, { description: 'PUT the bytes here, with uploadHeaders, before uploadExpiresAt.' })
  uploadUrl!: string;

  @Field(() => [HttpHeaderType], { description: 'Headers the PUT must carry, as given (Content-Type at least).' })
  uploadHeaders!: HttpHeaderType[];

  @Field(() => Date, { description: '15 minutes from now.' })
  uploadExpiresAt!: Date;
}
