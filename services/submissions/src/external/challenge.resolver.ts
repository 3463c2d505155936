import { emptyConnection, pageSize, requireUser, toConnection } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubmissionsContext } from '../context';
import { decodeSubmissionCursor } from '../submissions/submission.cursor';
import { SubmissionsSealedError } from '../submissions/submission.errors';
import { isPublicTo, isSubmissionReviewer } from '../submissions/submission.policy';
import { SubmissionConnection, SubmissionType } from '../submissions/submission.type';
import { TeamType } from '../teams/team.type';
import { ChallengeRef } from './challenge.stub';
import { decodeVoteRankingCursor, encodeVoteRankingCursor } from '../votes/vote.cursor';
import { GalleryOrder } from '../votes/vote.type';

/** The fields this context contributes to Challenge. Every one is batched through a DataLoader. */
@Resolver(() => ChallengeRef)
export class ChallengeSubmissionsResolver {
  @FieldResolver(() => Int, { description: 'How many solvers submitted (public).' })
  async submissionCount(@Root() challenge: ChallengeRef, @Ctx() ctx: SubmissionsContext): Promise<number> {
    return ctx.loaders.submissionCount.load({ challengeId: challenge.id, shortlistedOnly: false });
  }

  @FieldResolver(() => Boolean, { description: "Whether the viewer has accepted this challenge's terms (acceptChallengeTerms); false when signed out." })
  async viewerHasAcceptedTerms(@Root() challenge: ChallengeRef, @Ctx() ctx: SubmissionsContext): Promise<boolean> {
    if (!ctx.identity.userId) return false;
    return ctx.loaders.viewerAcceptedTermsByChallenge.load(challenge.id);
  }

  @FieldResolver(() => [SubmissionType], { description: "The viewer's own submissions to this challenge ([] when signed out)." })
  async viewerSubmissions(@Root() challenge: ChallengeRef, @Ctx() ctx: SubmissionsContext): Promise<SubmissionType[]> {
    if (!ctx.identity.userId) return [];
    const rows = await ctx.loaders.viewerSubmissionsByChallenge.load(challenge.id);
    return rows.map(SubmissionType.from);
  }

  @FieldResolver(() => TeamType, { nullable: true, description: "The viewer's team in this challenge (null: none, or signed out)." })
  async viewerTeam(@Root() challenge: ChallengeRef, @Ctx() ctx: SubmissionsContext): Promise<TeamType | null> {
    if (!ctx.identity.userId) return null;
    const teamId = await ctx.loaders.viewerTeamIdByChallenge.load(challenge.id);
    const team = teamId ? await ctx.loaders.readableTeamById.load(teamId) : null;
    return team ? TeamType.from(team) : null;
  }

  @FieldResolver(() => SubmissionConnection, {
    description:
      "The submissions to judge, in order of first submission; with shortlistedOnly, the shortlisted ones only; with finalistsOnly, round 2's finalists only; with unscoredByViewer, those the viewer has not scored in the current round (in round 2: finalists only), the judge's next to score (same order; a cursor is valid within its filters). Sponsor OWNER/ADMIN and the challenge's accepted judges only (FORBIDDEN otherwise).",
  })
  async submissions(
    @Root() challenge: ChallengeRef,
    @Ctx() ctx: SubmissionsContext,
    // Declared in reverse of the printed order (after, first, shortlistedOnly, ...), as type-graphql lists them.
    @Arg('finalistsOnly', () => Boolean, { nullable: true, defaultValue: false }) finalistsOnly?: boolean | null,
    @Arg('unscoredByViewer', () => Boolean, { nullable: true, defaultValue: false }) unscoredByViewer?: boolean | null,
    @Arg('shortlistedOnly', () => Boolean, { nullable: true, defaultValue: false }) shortlistedOnly?: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<SubmissionConnection> {
    const viewerId = requireUser(ctx.identity);
    const limit = pageSize(first);
    const cursor = decodeSubmissionCursor(after);
    let access = await ctx.loaders.challengeAccess.load(challenge.id);
    if (!isSubmissionReviewer(access)) {
      // A judge who just accepted: their ChallengeRoleChanged may be in flight (bounded wait, then the refusal).
      access = await ctx.submissions.reviewerAccessAfterWait(challenge.id);
      if (!isSubmissionReviewer(access)) throw new SubmissionsSealedError();
      ctx.loaders.challengeAccess.clear(challenge.id).prime(challenge.id, access);
    }
    const filter = { shortlistedOnly: shortlistedOnly === true, finalistsOnly: finalistsOnly === true, unscoredBy: unscoredByViewer === true ? viewerId : null };
    const countTotal = () => ctx.loaders.submissionCount.load({ challengeId: challenge.id, ...filter });
    const rows = await ctx.loaders.challengeSubmissionsPage.load({ ownerId: challenge.id, limit, after: cursor, ...filter });
    return SubmissionConnection.ofRows(rows, { limit, orderedBy: 'firstSubmittedAt', firstPage: !cursor }, countTotal);
  }
}

@Resolver(() => ChallengeRef)
export class ChallengeGalleryResolver {
  @FieldResolver(() => SubmissionConnection, {
    description:
      "The public entries, in order of first submission (orderBy: VOTES: most counted votes first, then first submission): every submission when the challenge's submissionVisibility is GALLERY, or GALLERY_AFTER_CLOSE once submissions have closed; empty (not an error) otherwise, and for a challenge the viewer cannot see. Each shows its title, body, author and files (never its team's private details, scores or the shortlist).",
  })
  async gallery(
    @Root() challenge: ChallengeRef,
    @Ctx() ctx: SubmissionsContext,
    // Declared in reverse of the printed order (after, first, orderBy), as type-graphql lists them.
    @Arg('orderBy', () => GalleryOrder, { nullable: true, defaultValue: GalleryOrder.FIRST_SUBMITTED }) orderBy?: GalleryOrder | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<SubmissionConnection> {
    const limit = pageSize(first);
    const byVotes = orderBy === GalleryOrder.VOTES;
    const cursor = byVotes ? null : decodeSubmissionCursor(after);
    const votesCursor = byVotes ? decodeVoteRankingCursor(after) : null;
    const access = await ctx.loaders.challengeAccess.load(challenge.id);
    if (!isPublicTo(access)) return SubmissionConnection.of(emptyConnection(), async () => 0);
    const countTotal = () => ctx.loaders.submissionCount.load({ challengeId: challenge.id, shortlistedOnly: false });
    if (byVotes) {
      const rows = await ctx.votes.pageByVotes(challenge.id, limit, votesCursor);
      return SubmissionConnection.of(
        toConnection(rows, limit, (s) => encodeVoteRankingCursor({ voteCount: s.voteCount, at: s.firstSubmittedAt, id: s.id }), SubmissionType.from),
        countTotal,
      );
    }
    const rows = await ctx.loaders.challengeSubmissionsPage.load({ ownerId: challenge.id, limit, after: cursor });
    return SubmissionConnection.ofRows(rows, { limit, orderedBy: 'firstSubmittedAt', firstPage: !cursor }, countTotal);
  }
}

/**
 * `_entities` for Challenge: a key-only stub (the challenges context owns the rest; our fields authorize themselves),
 * or null for a published INVITE_ONLY challenge of another organization (isChallengeWithheldFrom), so a request that
 * bypassed the challenges context learns nothing of it, not even its submission count. A draft or a challenge not yet
 * known here has nothing to show (and may be published a moment later: resolving it must not fail meanwhile). A
 * signed-in viewer's refusal first waits (bounded) for a challenge role in flight.
 */
export async function resolveChallengeReference(reference: { id: string }, ctx: SubmissionsContext): Promise<ChallengeRef | null> {
  const id = String(reference.id);
  let access = await ctx.loaders.challengeAccess.load(id);
  if (access?.withheld && ctx.identity.userId) {
    // An invited participant or judge who just accepted: their ChallengeRoleChanged may be in flight (bounded wait).
    access = await ctx.submissions.accessAfterWait(id, (current) => current?.withheld === true);
    if (access) ctx.loaders.challengeAccess.clear(id).prime(id, access);
  }
  if (access?.withheld) return null;
  return ChallengeRef.of(id);
}
