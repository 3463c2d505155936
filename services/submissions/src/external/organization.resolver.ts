import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubmissionsContext } from '../context';
import { OrganizationRef } from './organization.stub';

@Resolver(() => OrganizationRef)
export class OrganizationLogoResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A URL of the organization's logo (its WebP preview when it has one, else the image), valid 5 minutes: ask again rather than store it. Public, like the page. Null without a logo, or when the attachment is not a READY PNG, JPEG or WebP image of at most 2 MB, or is a submission's file.",
  })
  @Directive('@requires(fields: "logoAttachmentId")')
  async logoUrl(@Root() organization: OrganizationRef, @Ctx() ctx: SubmissionsContext): Promise<string | null> {
    // The id comes from the representation (challenges' field): checked here again, never trusted to name any file.
    const attachmentId = organization.logoAttachmentId;
    if (!attachmentId) return null;
    const logo = await ctx.loaders.logoById.load(attachmentId);
    if (!logo) return null;
    return (await ctx.attachments.previewUrl(logo)) ?? ctx.attachments.downloadUrl(logo);
  }
}
