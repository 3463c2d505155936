import { CHALLENGE_CURRENCIES } from '@ideagora/money';
import { pageSize, requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ChallengesContext } from '../context';
import { OrganizationNotFoundError } from '../organizations/organization.errors';
import { OrganizationType } from '../organizations/organization.type';
import { ChallengeNotFoundError } from './challenge.errors';
import { AdvanceToFinalRoundInput, ChallengeFilter, CreateChallengeInput, SetJudgingRubricInput, UpdateChallengeInput } from './challenge.inputs';
import {
  AdvanceToFinalRoundPayload,
  CancelChallengePayload,
  ChallengeConnection,
  ChallengeConnectionType,
  ChallengeType,
  CloseSubmissionsPayload,
  CreateChallengePayload,
  FinishJudgingPayload,
  PrizeType,
  PublishChallengePayload,
  SetJudgingRubricPayload,
  UpdateChallengePayload,
} from './challenge.type';
import { ChallengeRole } from '../challenge-invitations/challenge-invitation.domain';
import { ChallengeInvitationType } from '../challenge-invitations/challenge-invitation.type';
import { SubmissionRef } from '../external/submission.stub';
import { canManage } from '../organizations/organization.domain';
import { parseChallengeFilter, parseChallengeSort } from './challenge.validation';
import { ChallengeSort } from './challenge.domain';

@Resolver(() => ChallengeType)
export class ChallengeResolver {
  @Query(() => ChallengeConnectionType, {
    description: "Published PUBLIC challenges, plus every challenge of the viewer's organizations (drafts, INVITE_ONLY), plus the published ones the viewer holds a pending or accepted invitation to (judges, INVITE_ONLY participants), in `sort` order (NEWEST by default).",
  })
  async challenges(
    @Arg('first', () => Int, { nullable: true, description: '1 to 100, default 20.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page, or one of pageCursors, of the same sort.' }) after: string | null,
    @Arg('filter', () => ChallengeFilter, { nullable: true }) filter: ChallengeFilter | null,
    @Arg('sort', () => ChallengeSort, { nullable: true, description: 'Default NEWEST. PRIZE_HIGHEST needs filter.currency.' }) sort: ChallengeSort | null,
    @Ctx() ctx: ChallengesContext,
  ): Promise<ChallengeConnection> {
    const limit = pageSize(first);
    const parsed = parseChallengeFilter(filter);
    const order = parseChallengeSort(sort, parsed);
    const page = await ctx.challenges.list(ctx.viewerId, parsed, order, limit, after ?? null);
    for (const edge of page.edges) ctx.loaders.primeChallenge(edge.node);
    return ChallengeConnection.of(
      { edges: page.edges.map((e) => ({ cursor: e.cursor, node: ChallengeType.from(e.node) })), pageInfo: page.pageInfo },
      () => ctx.challenges.count(ctx.viewerId, parsed),
      () => ctx.challenges.pageCursors(ctx.viewerId, parsed, order, limit),
    );
  }

  @Query(() => [String], {
    description: 'ISO 4217 codes a challenge can be created in (createChallenge refuses others), sorted: the choices to offer for a currency.',
  })
  challengeCurrencies(): string[] {
    return [...CHALLENGE_CURRENCIES];
  }

  @Query(() => ChallengeType, { description: 'NOT_FOUND when unknown or not visible to the viewer.' })
  async challenge(@Arg('id', () => ID) id: string, @Ctx() ctx: ChallengesContext): Promise<ChallengeType> {
    const challengeId = requiredId(id, 'id');
    const challenge = await ctx.loaders.visibleChallenge(challengeId);
    if (!challenge) throw new ChallengeNotFoundError(challengeId);
    return ChallengeType.from(challenge);
  }

  @FieldResolver(() => OrganizationType)
  async organization(@Root() challenge: ChallengeType, @Ctx() ctx: ChallengesContext): Promise<OrganizationType> {
    const organization = await ctx.loaders.organizationById.load(challenge.organizationId);
    if (!organization) throw new OrganizationNotFoundError(challenge.organizationId); // foreign key: cannot happen
    return OrganizationType.from(organization);
  }

  @FieldResolver(() => [PrizeType], { description: 'By rank.' })
  async prizes(@Root() challenge: ChallengeType, @Ctx() ctx: ChallengesContext): Promise<PrizeType[]> {
    const prizes = await ctx.loaders.prizesByChallengeId.load(challenge.id);
    return prizes.map((p) => PrizeType.from(p, challenge.currency));
  }

  @FieldResolver(() => [ChallengeRole], {
    description: 'What the viewer is to this challenge: OWNER/ADMIN/MEMBER of its organization, JUDGE or PARTICIPANT by an accepted invitation, PARTICIPANT as the author of a submission. Empty for anonymous viewers.',
  })
  async viewerRoles(@Root() challenge: ChallengeType, @Ctx() ctx: ChallengesContext): Promise<ChallengeRole[]> {
    if (!ctx.viewerId) return [];
    const [role, invited] = await Promise.all([
      ctx.loaders.viewerRoleByOrganizationId.load(challenge.organizationId),
      ctx.invitationLoaders.viewerChallengeRoles.load(challenge.id),
    ]);
    const roles: ChallengeRole[] = role ? [role as unknown as ChallengeRole] : [];
    for (const r of [ChallengeRole.JUDGE, ChallengeRole.PARTICIPANT]) if ((invited as string[]).includes(r)) roles.push(r);
    return roles;
  }

  @FieldResolver(() => [SubmissionRef], { description: 'The submissions chosen for the final round (advanceToFinalRound), in the order given; empty in round 1.' })
  finalists(@Root() challenge: ChallengeType): SubmissionRef[] {
    return challenge.finalistSubmissionIds.map((id) => SubmissionRef.of(id));
  }

  @FieldResolver(() => [ChallengeInvitationType], {
    description: "The challenge's invitations (every status), the newest 100, newest first. OWNERs and ADMINs of its organization only: empty for anyone else.",
  })
  async invitations(@Root() challenge: ChallengeType, @Ctx() ctx: ChallengesContext): Promise<ChallengeInvitationType[]> {
    if (!canManage(await ctx.loaders.viewerRoleByOrganizationId.load(challenge.organizationId))) return [];
    const now = new Date();
    return (await ctx.invitationLoaders.invitationsByChallengeId.load(challenge.id)).map((i) => ChallengeInvitationType.from(i, now));
  }

  @Mutation(() => CreateChallengePayload, { description: 'Creates a DRAFT. OWNER or ADMIN of the organization only.' })
  async createChallenge(@Arg('input', () => CreateChallengeInput) input: CreateChallengeInput, @Ctx() ctx: ChallengesContext): Promise<CreateChallengePayload> {
    const viewerId = requireUser(ctx.identity);
    const { challenge, prizes } = await ctx.challenges.create(viewerId, input);
    ctx.loaders.primeChallenge(challenge, prizes);
    return Object.assign(new CreateChallengePayload(), { challenge: ChallengeType.from(challenge) });
  }

  @Mutation(() => UpdateChallengePayload, {
    description:
      'Edits a challenge. OWNER or ADMIN of the organization only. DRAFT: every field of the input. OPEN: summary, description, and the deadline extended only (later than the current one, still at most two years ahead); title, type, visibility, terms, submissionVisibility and voting are fixed once published, because solvers entered (and accepted the terms) on them. Any other status: nothing. Prizes and currency are never editable (the funding\'s amount derives from them): cancel a draft and create a new one. A field given with its current value is no change; a request that changes nothing writes nothing. FAILED_PRECONDITION (with the field) for a change the status does not allow.',
  })
  async updateChallenge(@Arg('input', () => UpdateChallengeInput) input: UpdateChallengeInput, @Ctx() ctx: ChallengesContext): Promise<UpdateChallengePayload> {
    const viewerId = requireUser(ctx.identity);
    const challenge = await ctx.challenges.update(viewerId, input);
    ctx.loaders.primeChallenge(challenge);
    return Object.assign(new UpdateChallengePayload(), { challenge: ChallengeType.from(challenge) });
  }

  @Mutation(() => PublishChallengePayload, { description: 'DRAFT -> OPEN. FAILED_PRECONDITION unless funded and before the deadline.' })
  async publishChallenge(@Arg('challengeId', () => ID) challengeId: string, @Ctx() ctx: ChallengesContext): Promise<PublishChallengePayload> {
    const viewerId = requireUser(ctx.identity);
    const challenge = await ctx.challenges.publish(viewerId, challengeId);
    ctx.loaders.primeChallenge(challenge);
    return Object.assign(new PublishChallengePayload(), { challenge: ChallengeType.from(challenge) });
  }

  @Mutation(() => CloseSubmissionsPayload, { description: 'OPEN -> JUDGING before the deadline (the deadline does it on its own).' })
  async closeSubmissions(@Arg('challengeId', () => ID) challengeId: string, @Ctx() ctx: ChallengesContext): Promise<CloseSubmissionsPayload> {
    const viewerId = requireUser(ctx.identity);
    const challenge = await ctx.challenges.closeSubmissions(viewerId, challengeId);
    ctx.loaders.primeChallenge(challenge);
    return Object.assign(new CloseSubmissionsPayload(), { challenge: ChallengeType.from(challenge) });
  }

  @Mutation(() => FinishJudgingPayload, {
    description: 'JUDGING -> AWARDED: judging is over; prizes not awarded stay unawarded and their money is refunded to the sponsor.',
  })
  async finishJudging(@Arg('challengeId', () => ID) challengeId: string, @Ctx() ctx: ChallengesContext): Promise<FinishJudgingPayload> {
    const viewerId = requireUser(ctx.identity);
    const challenge = await ctx.challenges.finishJudging(viewerId, challengeId);
    ctx.loaders.primeChallenge(challenge);
    return Object.assign(new FinishJudgingPayload(), { challenge: ChallengeType.from(challenge) });
  }

  @Mutation(() => CancelChallengePayload, { description: 'DRAFT or OPEN -> CANCELLED; JUDGING -> CANCELLING, then CANCELLED unless a prize was awarded meanwhile. Never once a prize is awarded.' })
  async cancelChallenge(@Arg('challengeId', () => ID) challengeId: string, @Ctx() ctx: ChallengesContext): Promise<CancelChallengePayload> {
    const viewerId = requireUser(ctx.identity);
    const challenge = await ctx.challenges.cancel(viewerId, challengeId);
    ctx.loaders.primeChallenge(challenge);
    return Object.assign(new CancelChallengePayload(), { challenge: ChallengeType.from(challenge) });
  }
}

@Resolver(() => ChallengeType)
export class ChallengeJudgingResolver {
  @Mutation(() => SetJudgingRubricPayload, {
    description:
      'Sets the judging criteria of a DRAFT (fixed once published: FAILED_PRECONDITION). 1 to 10 criteria, keys ^[a-z][a-z0-9_]{0,31}$ unique, labels 1 to 80 characters, descriptions up to 500, integer weights 1..100 summing to 100 (BAD_USER_INPUT field criteria otherwise). OWNER or ADMIN only.',
  })
  async setJudgingRubric(@Arg('input', () => SetJudgingRubricInput) input: SetJudgingRubricInput, @Ctx() ctx: ChallengesContext): Promise<SetJudgingRubricPayload> {
    const viewerId = requireUser(ctx.identity);
    const challenge = await ctx.challenges.setRubric(viewerId, input);
    ctx.loaders.primeChallenge(challenge);
    return Object.assign(new SetJudgingRubricPayload(), { challenge: ChallengeType.from(challenge) });
  }

  @Mutation(() => AdvanceToFinalRoundPayload, {
    description:
      'JUDGING of round 1 -> OPEN for round 2: only the finalists\' authors may submit new versions until finalRoundDeadline, then JUDGING again (its judging deadline: finalRoundDeadline plus the judging period). OWNER or ADMIN only; once per challenge and not after the judging deadline (FAILED_PRECONDITION); 1 to 50 distinct submissions of this challenge (BAD_USER_INPUT finalistSubmissionIds); finalRoundDeadline in the future, at most 180 days ahead (BAD_USER_INPUT finalRoundDeadline).',
  })
  async advanceToFinalRound(@Arg('input', () => AdvanceToFinalRoundInput) input: AdvanceToFinalRoundInput, @Ctx() ctx: ChallengesContext): Promise<AdvanceToFinalRoundPayload> {
    const viewerId = requireUser(ctx.identity);
    const challenge = await ctx.challenges.advanceToFinalRound(viewerId, input);
    ctx.loaders.primeChallenge(challenge);
    return Object.assign(new AdvanceToFinalRoundPayload(), { challenge: ChallengeType.from(challenge) });
  }
}

@Resolver(() => ChallengeConnectionType)
export class ChallengeConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many challenges the connection pages through, under the same filter (one statement, only when selected).' })
  async totalCount(@Root() connection: ChallengeConnection): Promise<number> {
    return connection.countTotal();
  }

  @FieldResolver(() => [String], {
    description:
      'For numbered page links: the `after` cursor of pages 2, 3, … up to page 10 from the start of the listing, in this sort, filter and page size (page 1 needs none). Beyond page 10, follow pageInfo.endCursor. One statement, only when selected.',
  })
  async pageCursors(@Root() connection: ChallengeConnection): Promise<string[]> {
    return connection.findPageCursors();
  }
}

/** `_entities` for Challenge: null for what the viewer may not see. */
export async function resolveChallengeReference(reference: { id: string }, ctx: ChallengesContext): Promise<ChallengeType | null> {
  const challenge = await ctx.loaders.visibleChallenge(String(reference.id));
  return challenge ? ChallengeType.from(challenge) : null;
}

/** `_entities` for Prize (key `challengeId rank`): null for what the viewer may not see. */
export async function resolvePrizeReference(reference: { challengeId: string; rank: number | string }, ctx: ChallengesContext): Promise<PrizeType | null> {
  const challenge = await ctx.loaders.visibleChallenge(String(reference.challengeId));
  if (!challenge) return null;
  const rank = Number(reference.rank);
  const prize = (await ctx.loaders.prizesByChallengeId.load(challenge.id)).find((p) => p.rank === rank);
  return prize ? PrizeType.from(prize, challenge.currency) : null;
}
