import { pageSize, requiredId, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ChallengeConnection, ChallengeConnectionType, ChallengeType } from '../challenges/challenge.type';
import type { ChallengesContext } from '../context';
import { UserRef } from '../external/user.stub';
import { canManage, OrganizationRole } from './organization.domain';
import type { MembershipEntity } from './organization.entity';
import { OrganizationNotFoundError } from './organization.errors';
import {
  AddOrganizationMemberInput,
  CreateOrganizationInput,
  InviteOrganizationMemberInput,
  RespondToOrganizationInvitationInput,
  UpdateOrganizationInput,
} from './organization.inputs';
import {
  AddOrganizationMemberPayload,
  CreateOrganizationPayload,
  InviteOrganizationMemberPayload,
  OrganizationInvitationType,
  OrganizationMemberType,
  OrganizationType,
  RespondToOrganizationInvitationPayload,
  UpdateOrganizationPayload,
} from './organization.type';

const ROLE_ORDER: Record<OrganizationRole, number> = { [OrganizationRole.OWNER]: 0, [OrganizationRole.ADMIN]: 1, [OrganizationRole.MEMBER]: 2 };

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Query(() => OrganizationType)
  async organization(@Arg('id', () => ID) id: string, @Ctx() ctx: ChallengesContext): Promise<OrganizationType> {
    const organizationId = requiredId(id, 'id');
    const organization = await ctx.loaders.organizationById.load(organizationId);
    if (!organization) throw new OrganizationNotFoundError(organizationId);
    return OrganizationType.from(organization);
  }

  @Query(() => OrganizationType, {
    nullable: true,
    description: "An organization's public page by its slug (Organization.slug), signed in or not; null for an unknown slug, and for a malformed one.",
  })
  async organizationBySlug(@Arg('slug', () => String) slug: string, @Ctx() ctx: ChallengesContext): Promise<OrganizationType | null> {
    const organization = await ctx.organizations.findBySlug(slug);
    if (!organization) return null;
    ctx.loaders.organizationById.prime(organization.id, organization);
    return OrganizationType.from(organization);
  }

  @FieldResolver(() => ChallengeConnectionType, {
    description:
      "The organization's published challenges the viewer may see, newest first: its PUBLIC ones, and INVITE_ONLY ones only for its members and the challenge's invitees. Never a draft (the page is public; members find drafts in `challenges`).",
  })
  async challenges(
    @Root() organization: OrganizationType,
    @Arg('first', () => Int, { nullable: true, description: '1 to 100, default 20.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page, or one of pageCursors.' }) after: string | null,
    @Ctx() ctx: ChallengesContext,
  ): Promise<ChallengeConnection> {
    const limit = pageSize(first);
    const page = await ctx.loaders.organizationChallenges(limit, after ?? null).load(organization.id);
    for (const edge of page.edges) ctx.loaders.primeChallenge(edge.node);
    return ChallengeConnection.of(
      { edges: page.edges.map((e) => ({ cursor: e.cursor, node: ChallengeType.from(e.node) })), pageInfo: page.pageInfo },
      () => ctx.challenges.countOrganizationPage(ctx.viewerId, organization.id),
      () => ctx.challenges.organizationPageCursors(ctx.viewerId, organization.id, limit),
    );
  }

  @Mutation(() => UpdateOrganizationPayload, {
    description:
      "Changes the organization's public page (slug, about, websiteUrl, brandColor, logoAttachmentId): only the fields given; null removes an optional one. OWNER/ADMIN only (FORBIDDEN; NOT_FOUND for an unknown organization). Emits OrganizationChanged. Errors name their field: BAD_USER_INPUT slug (malformed or reserved), CONFLICT slug (taken), BAD_USER_INPUT about, websiteUrl (https only), brandColor (#rrggbb, contrast against white at least 4.5:1), logoAttachmentId (the viewer's READY PNG/JPEG/WebP of at most 2 MB).",
  })
  async updateOrganization(@Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput, @Ctx() ctx: ChallengesContext): Promise<UpdateOrganizationPayload> {
    const viewerId = requireUser(ctx.identity);
    const organization = await ctx.organizations.updatePage(viewerId, input);
    ctx.loaders.organizationById.clear(organization.id).prime(organization.id, organization);
    return Object.assign(new UpdateOrganizationPayload(), { organization: OrganizationType.from(organization) });
  }

  @FieldResolver(() => OrganizationRole, { nullable: true, description: "The viewer's role, or null when not a member." })
  async viewerRole(@Root() organization: OrganizationType, @Ctx() ctx: ChallengesContext): Promise<OrganizationRole | null> {
    return ctx.loaders.viewerRoleByOrganizationId.load(organization.id);
  }

  @FieldResolver(() => [OrganizationMemberType], {
    nullable: true,
    description: 'Everyone in the organization and their role, OWNERs first, then by seniority. Members only: null for anyone else.',
  })
  async members(@Root() organization: OrganizationType, @Ctx() ctx: ChallengesContext): Promise<OrganizationMemberType[] | null> {
    if (!(await ctx.loaders.viewerRoleByOrganizationId.load(organization.id))) return null;
    const memberships = await ctx.loaders.membersByOrganizationId.load(organization.id);
    return [...memberships]
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]) // stable: seniority kept within a role
      .map((m) => Object.assign(new OrganizationMemberType(), { user: UserRef.of(m.userId), role: m.role }));
  }

  @Mutation(() => CreateOrganizationPayload, { description: "The viewer becomes the organization's OWNER." })
  async createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: ChallengesContext): Promise<CreateOrganizationPayload> {
    const viewerId = requireUser(ctx.identity);
    const organization = await ctx.organizations.create(viewerId, input);
    ctx.loaders.primeRole(organization.id, OrganizationRole.OWNER);
    return Object.assign(new CreateOrganizationPayload(), { organization: OrganizationType.from(organization) });
  }

  @FieldResolver(() => [OrganizationInvitationType], {
    nullable: true,
    description: 'Invitations not yet answered, oldest first. OWNERs and ADMINs only: null for anyone else.',
  })
  async invitations(@Root() organization: OrganizationType, @Ctx() ctx: ChallengesContext): Promise<OrganizationInvitationType[] | null> {
    if (!canManage(await ctx.loaders.viewerRoleByOrganizationId.load(organization.id))) return null;
    const [invitations, entity] = await Promise.all([ctx.loaders.invitationsByOrganizationId.load(organization.id), ctx.loaders.organizationById.load(organization.id)]);
    return entity ? invitations.map((i) => OrganizationInvitationType.from(i, entity)) : [];
  }

  @Mutation(() => AddOrganizationMemberPayload, {
    description:
      "Invites a person to the organization with a role, or changes a member's role. OWNER/ADMIN only; only an OWNER grants OWNER or ADMIN or changes an OWNER's or ADMIN's role. Nobody becomes a member without consent: someone who is not a member gets an invitation (inviting again changes its role), valid 14 days, and becomes a member by accepting it (respondToOrganizationInvitation). A user id that no account has is NOT_FOUND (field userId) and nothing is written. People are invited by email: inviteOrganizationMember.",
  })
  async addOrganizationMember(
    @Arg('input', () => AddOrganizationMemberInput) input: AddOrganizationMemberInput,
    @Ctx() ctx: ChallengesContext,
  ): Promise<AddOrganizationMemberPayload> {
    const viewerId = requireUser(ctx.identity);
    const { organization, membership, invitation } = await ctx.organizations.setMember(viewerId, input);
    ctx.loaders.membersByOrganizationId.clear(organization.id);
    ctx.loaders.invitationsByOrganizationId.clear(organization.id);
    if (membership?.userId === viewerId) ctx.loaders.primeRole(organization.id, membership.role);
    return Object.assign(new AddOrganizationMemberPayload(), {
      organization: OrganizationType.from(organization),
      member: membership ? memberType(membership) : null,
      invitation: invitation ? OrganizationInvitationType.from(invitation, organization) : null,
    });
  }

  @Mutation(() => InviteOrganizationMemberPayload, {
    description:
      'Invites whoever has, or signs up with, an email address to become a member with a role: they get a mail, and the invitation waits in their viewer.organizationInvitations for 14 days. OWNER/ADMIN only; only an OWNER invites OWNERs or ADMINs. The answer is the same whether or not the address has an account; inviting an address again while its invitation waits sets its role and mails nobody. At most 100 invitations waiting per organization (FAILED_PRECONDITION).',
  })
  async inviteOrganizationMember(
    @Arg('input', () => InviteOrganizationMemberInput) input: InviteOrganizationMemberInput,
    @Ctx() ctx: ChallengesContext,
  ): Promise<InviteOrganizationMemberPayload> {
    const viewerId = requireUser(ctx.identity);
    const { organization, invitation } = await ctx.organizations.inviteByEmail(viewerId, input);
    ctx.loaders.invitationsByOrganizationId.clear(organization.id);
    return Object.assign(new InviteOrganizationMemberPayload(), {
      organization: OrganizationType.from(organization),
      invitation: OrganizationInvitationType.from(invitation, organization),
    });
  }

  @Mutation(() => RespondToOrganizationInvitationPayload, {
    description:
      "The invitee (invited by user id or by their account's email) accepts (becomes a member with the invited role) or declines an invitation. NOT_FOUND when the viewer has no invitation to this organization; FAILED_PRECONDITION when accepting an expired one.",
  })
  async respondToOrganizationInvitation(
    @Arg('input', () => RespondToOrganizationInvitationInput) input: RespondToOrganizationInvitationInput,
    @Ctx() ctx: ChallengesContext,
  ): Promise<RespondToOrganizationInvitationPayload> {
    const viewerId = requireUser(ctx.identity);
    const { organization, membership } = await ctx.organizations.respondToInvitation(viewerId, input.organizationId, input.accept === true);
    ctx.loaders.primeRole(organization.id, membership?.role ?? null);
    return Object.assign(new RespondToOrganizationInvitationPayload(), {
      organization: OrganizationType.from(organization),
      member: membership ? memberType(membership) : null,
    });
  }
}

function memberType(membership: MembershipEntity): OrganizationMemberType {
  return Object.assign(new OrganizationMemberType(), { user: UserRef.of(membership.userId), role: membership.role });
}

/** `_entities` for Organization: names of organizations are public. */
export async function resolveOrganizationReference(reference: { id: string }, ctx: ChallengesContext): Promise<OrganizationType | null> {
  const organization = await ctx.loaders.organizationById.load(String(reference.id));
  return organization ? OrganizationType.from(organization) : null;
}
