import { Field, InputType, Int } from 'type-graphql';

@InputType('CreateAttachmentUploadInput')
export class CreateAttachmentUploadInput {
  @Field(() => String, { description: 'The file name (a path is dropped; at most 200 characters).' })
  fileName!: string;

  @Field(() => String, {
    description: 'One of image/png, image/jpeg, image/webp, image/gif, application/pdf, application/zip, text/plain, model/step, model/stl, video/mp4 (svg is refused). The bytes must be of this type.',
  })
  contentType!: string;

  @Field(() => Int, { description: '1 to 26,214,400 (25 MB): exactly the size of the bytes to upload.' })
  byteSize!: number;

  @Field(() => String, { description: 'SHA-256 of the bytes, 64 hexadecimal digits.' })
  sha256!: string;
}
