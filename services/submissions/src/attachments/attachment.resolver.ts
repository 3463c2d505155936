import { requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubmissionsContext } from '../context';
import { mayReadSubmission } from '../submissions/submission.policy';
import { SubmissionType, SubmissionVersionType } from '../submissions/submission.type';
import { parseCreateAttachmentUploadInput } from './attachment.domain';
import { CreateAttachmentUploadInput } from './attachment.inputs';
import { AttachmentType, CreateAttachmentUploadPayload, HttpHeaderType } from './attachment.type';

@Resolver(() => AttachmentType)
export class AttachmentResolver {
  @Mutation(() => CreateAttachmentUploadPayload, {
    description:
      'Starts a two-step upload: a PENDING attachment, and where to PUT its bytes (uploadUrl with uploadHeaders) within 15 minutes. It becomes READY once the stored bytes match byteSize, sha256 and contentType (REJECTED otherwise); submitSolution(attachmentIds) then lists it. Signed in. Allowed types: png, jpeg, webp, gif (svg is refused), pdf, zip, plain text, STEP, STL, mp4 (BAD_USER_INPUT contentType); 1 byte to 25 MB (BAD_USER_INPUT byteSize); sha256 64 hex digits (BAD_USER_INPUT sha256); a file name (BAD_USER_INPUT fileName). At most 50 uploads waiting for their bytes per user (FAILED_PRECONDITION).',
  })
  async createAttachmentUpload(
    @Arg('input', () => CreateAttachmentUploadInput) input: CreateAttachmentUploadInput,
    @Ctx() ctx: SubmissionsContext,
  ): Promise<CreateAttachmentUploadPayload> {
    const ownerId = requireUser(ctx.identity);
    const command = parseCreateAttachmentUploadInput(input);
    const { attachment, upload } = await ctx.attachments.createUpload(ownerId, command);
    return Object.assign(new CreateAttachmentUploadPayload(), {
      attachment: AttachmentType.from(attachment, { urlsAllowed: true, viewerOwns: true }),
      uploadUrl: upload.url,
      uploadHeaders: upload.headers.map((h) => Object.assign(new HttpHeaderType(), h)),
      uploadExpiresAt: attachment.uploadExpiresAt,
    });
  }

  @Query(() => AttachmentType, {
    nullable: true,
    description:
      "One of the viewer's uploads, to follow it after the PUT (PENDING, READY with its preview, or REJECTED with rejectedReason); a PENDING one is verified first if its bytes are there. Null for anyone else's, as for an unknown id.",
  })
  async attachment(@Arg('id', () => ID) id: string, @Ctx() ctx: SubmissionsContext): Promise<AttachmentType | null> {
    requireUser(ctx.identity);
    const own = await ctx.loaders.ownAttachmentById.load(requiredId(id, 'id'));
    if (!own) return null;
    const current = own.status === 'PENDING' ? ((await ctx.attachments.verify(own.id)) ?? own) : own;
    return AttachmentType.from(current, { urlsAllowed: true, viewerOwns: true });
  }

  @FieldResolver(() => String, { nullable: true, description: 'A GET URL of the file (5 minutes; served as an attachment, never run); null unless READY and the viewer may read it.' })
  async downloadUrl(@Root() attachment: AttachmentType, @Ctx() ctx: SubmissionsContext): Promise<string | null> {
    return attachment.urlsAllowed ? ctx.attachments.downloadUrl(attachment.snapshot) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'A GET URL of a 480 px WebP preview of an image (5 minutes, shown inline); null for other files, and as downloadUrl.' })
  async previewUrl(@Root() attachment: AttachmentType, @Ctx() ctx: SubmissionsContext): Promise<string | null> {
    return attachment.urlsAllowed ? ctx.attachments.previewUrl(attachment.snapshot) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it was REJECTED (size, checksum, type, nothing uploaded): for its uploader only.' })
  rejectedReason(@Root() attachment: AttachmentType): string | null {
    return attachment.viewerOwns ? attachment.snapshot.rejectedReason : null;
  }
}

@Resolver(() => SubmissionType)
export class SubmissionAttachmentsResolver {
  @FieldResolver(() => [AttachmentType], {
    description: "The current version's files, in order; [] for whoever may not read the submission (re-checked here, whatever the path).",
  })
  async attachments(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<AttachmentType[]> {
    if (!(await viewerMayRead(submission, ctx))) return [];
    const files = await ctx.loaders.attachmentsByVersion.load({ submissionId: submission.id, version: submission.version });
    const viewerId = ctx.identity.userId?.toLowerCase();
    return files.map((file) => AttachmentType.from(file, { urlsAllowed: true, viewerOwns: file.ownerId === viewerId }));
  }
}

@Resolver(() => SubmissionVersionType)
export class SubmissionVersionAttachmentsResolver {
  @FieldResolver(() => [AttachmentType], { description: "This version's files, in order." })
  async attachments(@Root() version: SubmissionVersionType, @Ctx() ctx: SubmissionsContext): Promise<AttachmentType[]> {
    // Submission.versions lists versions only to the submission's sealed readers: a version carries their right.
    const files = await ctx.loaders.attachmentsByVersion.load({ submissionId: version.submissionId, version: version.version });
    const viewerId = ctx.identity.userId?.toLowerCase();
    return files.map((file) => AttachmentType.from(file, { urlsAllowed: true, viewerOwns: file.ownerId === viewerId }));
  }
}

/**
 * mayReadSubmission with what it needs, batched: the viewer's access to the challenge (cached per request) and,
 * only for a team's sealed submission, the viewer's teams.
 */
async function viewerMayRead(submission: SubmissionType, ctx: SubmissionsContext): Promise<boolean> {
  const viewerId = ctx.identity.userId;
  const access = await ctx.loaders.challengeAccess.load(submission.challengeId);
  if (mayReadSubmission(viewerId, submission, access)) return true;
  if (!viewerId || !submission.teamId) return false;
  return mayReadSubmission(viewerId, submission, access, await ctx.loaders.viewerTeamIds.load('viewer'));
}
