import { requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubmissionsContext } from '../context';
import { ChallengeRef } from '../external/challenge.stub';
import { AcceptChallengeTermsInput, ShortlistSubmissionInput, SubmitSolutionInput } from './submission.inputs';
import { canReadSubmission, shortlistedFor } from './submission.policy';
import {
  AcceptChallengeTermsPayload,
  ShortlistSubmissionPayload,
  SubmissionConnection,
  SubmissionType,
  SubmissionVersionType,
  SubmitSolutionPayload,
} from './submission.type';
import { parseSubmitSolutionInput } from './submission.validation';
import type { SubmissionSnapshot } from './submission.entity';
import { ShortlistForbiddenError, SubmissionNotFoundError } from './submission.errors';
import { TeamType } from '../teams/team.type';

@Resolver(() => SubmissionType)
export class SubmissionResolver {
  @Mutation(() => SubmitSolutionPayload, {
    description:
      "Submits to an OPEN challenge before its deadline; submitting again creates a new version of the same submission. With teamId: a new version of the team's one submission (any member; the split must be AGREED).",
  })
  async submitSolution(@Arg('input', () => SubmitSolutionInput) input: SubmitSolutionInput, @Ctx() ctx: SubmissionsContext): Promise<SubmitSolutionPayload> {
    const authorId = requireUser(ctx.identity);
    const command = parseSubmitSolutionInput(input);
    // The caller's files not verified yet (an S3 upload has no hook): checked now, outside the submit's transaction.
    if (command.attachmentIds?.length) await ctx.attachments.verifyPendingOf(authorId, command.attachmentIds);
    const submission = await ctx.submissions.submit(authorId, command);
    return Object.assign(new SubmitSolutionPayload(), { submission: SubmissionType.from(submission) });
  }

  @Query(() => SubmissionType, {
    nullable: true,
    description:
      'A submission, for those who may read it: its author (a team\'s: its members), the sponsor\'s OWNER/ADMIN and the judges, or anyone when it is public (a gallery challenge\'s entry, Challenge.submissionVisibility); null otherwise, as for an unknown id.',
  })
  async submission(@Arg('id', () => ID) id: string, @Ctx() ctx: SubmissionsContext): Promise<SubmissionType | null> {
    const found = await visibleSubmission(requiredId(id, 'id'), ctx);
    return found ? SubmissionType.from(found) : null;
  }

  @Mutation(() => AcceptChallengeTermsPayload, {
    description:
      "Accepts a challenge's terms, which submitSolution requires when the challenge has terms. Same rules as submitting (OPEN, before the deadline, not the sponsor's members); accepting again changes nothing.",
  })
  async acceptChallengeTerms(
    @Arg('input', () => AcceptChallengeTermsInput) input: AcceptChallengeTermsInput,
    @Ctx() ctx: SubmissionsContext,
  ): Promise<AcceptChallengeTermsPayload> {
    const userId = requireUser(ctx.identity);
    const challengeId = requiredId(input.challengeId, 'challengeId');
    await ctx.submissions.acceptTerms(userId, challengeId);
    ctx.loaders.viewerAcceptedTermsByChallenge.clear(challengeId).prime(challengeId, true);
    return Object.assign(new AcceptChallengeTermsPayload(), { challenge: ChallengeRef.of(challengeId) });
  }

  @Mutation(() => ShortlistSubmissionPayload, {
    description:
      "Puts a submission on its challenge's shortlist (shortlisted: true) or takes it off (false). The shortlist is the judges' private tool: only the sponsoring organization's OWNERs and ADMINs change it or see it (Submission.shortlisted), authors never do. Allowed while the challenge is OPEN or JUDGING; shortlisting again changes nothing.",
  })
  async shortlistSubmission(
    @Arg('input', () => ShortlistSubmissionInput) input: ShortlistSubmissionInput,
    @Ctx() ctx: SubmissionsContext,
  ): Promise<ShortlistSubmissionPayload> {
    const judgeId = requireUser(ctx.identity);
    const submissionId = requiredId(input.submissionId, 'submissionId');
    const submission = await ctx.submissions.shortlist(judgeId, submissionId, input.shortlisted).catch(async (error: unknown) => {
      // A key created a moment ago: refused only because its membership is in flight? Then once more.
      if (!(error instanceof ShortlistForbiddenError || error instanceof SubmissionNotFoundError)) throw error;
      if (!(await ctx.submissions.newKeyMembershipArrived(ctx.identity.apiKey))) throw error;
      return ctx.submissions.shortlist(judgeId, submissionId, input.shortlisted);
    });
    return Object.assign(new ShortlistSubmissionPayload(), { submission: SubmissionType.from(submission) });
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the sponsor's judges have shortlisted it (shortlistSubmission). The shortlist is the judges' private tool: true/false for the sponsoring organization's OWNERs and ADMINs, null for anyone else, its author included.",
  })
  async shortlisted(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<boolean | null> {
    if (!ctx.identity.userId) return null;
    // Batched and cached per challenge: a review page has already loaded the viewer's role to authorize the list.
    const access = await ctx.loaders.challengeAccess.load(submission.challengeId);
    return shortlistedFor(submission, access?.role);
  }

  @FieldResolver(() => TeamType, { nullable: true, description: "The team whose submission it is; null for a solo submission." })
  async team(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<TeamType | null> {
    if (!submission.teamId) return null;
    const team = await ctx.loaders.readableTeamById.load(submission.teamId);
    return team ? TeamType.from(team) : null;
  }

  @FieldResolver(() => [SubmissionVersionType], { description: 'Every version, oldest first.' })
  async versions(@Root() submission: SubmissionType, @Ctx() ctx: SubmissionsContext): Promise<SubmissionVersionType[]> {
    // Re-checked here too: a Submission only reaches this resolver through an authorized path, but sealing must not
    // depend on that.
    const viewerId = ctx.identity.userId;
    const teamIds = submission.teamId ? await ctx.loaders.viewerTeamIds.load('viewer') : undefined;
    const access = viewerId && !canReadSubmission(viewerId, submission, null, teamIds) ? await ctx.loaders.challengeAccess.load(submission.challengeId) : null;
    if (!canReadSubmission(viewerId, submission, access?.role, teamIds, access?.judge === true)) return [];
    const versions = await ctx.loaders.versionsBySubmission.load(submission.id);
    return versions.map(SubmissionVersionType.from);
  }
}

@Resolver(() => SubmissionConnection)
export class SubmissionConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many submissions the connection pages through, under the same filter (one statement, only when selected).' })
  async totalCount(@Root() connection: SubmissionConnection): Promise<number> {
    return connection.countTotal();
  }
}

/**
 * `_entities` for Submission: batched, and null for whatever the caller may not read, sealed or public
 * (mayReadSubmission): a forged request gets nothing.
 */
export async function resolveSubmissionReference(reference: { id: string }, ctx: SubmissionsContext): Promise<SubmissionType | null> {
  if (typeof reference?.id !== 'string') return null;
  const submission = await visibleSubmission(reference.id, ctx);
  return submission ? SubmissionType.from(submission) : null;
}

/** A submission the caller may read, or null; for a key created a moment ago, once more after its membership arrived. */
async function visibleSubmission(id: string, ctx: SubmissionsContext): Promise<SubmissionSnapshot | null> {
  const found = await ctx.loaders.visibleSubmissionById.load(id);
  if (found || !(await ctx.submissions.newKeyMembershipArrived(ctx.identity.apiKey))) return found;
  // The key's role may have been read (and cached) as none before its membership arrived.
  ctx.loaders.challengeAccess.clearAll();
  return ctx.loaders.visibleSubmissionById.clear(id).load(id);
}
