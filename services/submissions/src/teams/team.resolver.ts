import { emailAddress, requiredId, requiredText, requireUser } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SubmissionsContext } from '../context';
import { SubmissionType } from '../submissions/submission.type';
import {
  AgreeToPrizeSplitInput,
  CreateTeamInput,
  InviteTeamMemberInput,
  LeaveTeamInput,
  ProposeEqualPrizeSplitInput,
  ProposePrizeSplitInput,
  RespondToTeamInvitationInput,
} from './team.inputs';
import { CreateTeamPayload, InviteTeamMemberPayload, LeaveTeamPayload, RespondToTeamInvitationPayload, TeamInvitationType, TeamPayload, TeamType } from './team.type';

export const TEAM_NAME_MAX_CHARS = 100;

const teamPayload = (team: Parameters<typeof TeamType.from>[0]) => Object.assign(new TeamPayload(), { team: TeamType.from(team) });

@Resolver(() => TeamType)
export class TeamResolver {
  @Mutation(() => CreateTeamPayload, {
    description:
      "Creates a team for an OPEN challenge the viewer may enter (not the sponsor's members). The creator is its first member with 10,000 basis points, split version 1 AGREED. One team per (challenge, member): a user already in a team of that challenge, or who already submitted alone to it: CONFLICT.",
  })
  async createTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: SubmissionsContext): Promise<CreateTeamPayload> {
    const userId = requireUser(ctx.identity);
    const challengeId = requiredId(input.challengeId, 'challengeId');
    const name = requiredText(input.name, 'name', { max: TEAM_NAME_MAX_CHARS });
    const team = await ctx.teams.create(userId, challengeId, name);
    return Object.assign(new CreateTeamPayload(), { team: TeamType.from(team) });
  }

  @Mutation(() => InviteTeamMemberPayload, {
    description:
      'Any member invites someone by email (trimmed, lower-cased; malformed: BAD_USER_INPUT field "email"). They are mailed and find it in viewer.teamInvitations for 14 days. Inviting an address whose invitation is pending returns that one. At most 20 members, counting pending invitations (FAILED_PRECONDITION). Not a member: NOT_FOUND.',
  })
  async inviteTeamMember(@Arg('input', () => InviteTeamMemberInput) input: InviteTeamMemberInput, @Ctx() ctx: SubmissionsContext): Promise<InviteTeamMemberPayload> {
    const userId = requireUser(ctx.identity);
    const teamId = requiredId(input.teamId, 'teamId');
    const email = emailAddress(input.email, 'email');
    const invitation = await ctx.teams.invite(userId, teamId, email);
    return Object.assign(new InviteTeamMemberPayload(), { invitation: TeamInvitationType.from(invitation, new Date()) });
  }

  @Mutation(() => RespondToTeamInvitationPayload, {
    description:
      'The invitee accepts or declines. Accepting adds them with 0 basis points and moves the split to a new PROPOSED version (the team cannot submit until it is agreed again); the challenge must be OPEN, and they must not already be in a team of it or have submitted alone (CONFLICT). Expired: FAILED_PRECONDITION; already answered: CONFLICT; not theirs: NOT_FOUND.',
  })
  async respondToTeamInvitation(
    @Arg('input', () => RespondToTeamInvitationInput) input: RespondToTeamInvitationInput,
    @Ctx() ctx: SubmissionsContext,
  ): Promise<RespondToTeamInvitationPayload> {
    const userId = requireUser(ctx.identity);
    const invitationId = requiredId(input.invitationId, 'invitationId');
    const { invitation, team } = await ctx.teams.respond(userId, invitationId, input.accept === true);
    return Object.assign(new RespondToTeamInvitationPayload(), { invitation: TeamInvitationType.from(invitation, new Date()), team: team ? TeamType.from(team) : null });
  }

  @Mutation(() => TeamPayload, {
    description:
      'Any member proposes a split: every member exactly once, whole basis points 0..10,000 summing to 10,000 (BAD_USER_INPUT field "shares" otherwise). A new version, PROPOSED, every agreement cleared but the proposer\'s: proposing is agreeing. Only while the challenge is OPEN (FAILED_PRECONDITION otherwise: a team is fixed when submissions close).',
  })
  async proposePrizeSplit(@Arg('input', () => ProposePrizeSplitInput) input: ProposePrizeSplitInput, @Ctx() ctx: SubmissionsContext): Promise<TeamPayload> {
    const userId = requireUser(ctx.identity);
    const teamId = requiredId(input.teamId, 'teamId');
    const shares = (input.shares ?? []).map((s, i) => ({ userId: requiredId(s.userId, `shares[${i}].userId`), basisPoints: s.basisPoints }));
    return teamPayload(await ctx.teams.propose(userId, teamId, shares));
  }

  @Mutation(() => TeamPayload, {
    description:
      'As proposePrizeSplit, with equal shares: 10,000 basis points by largest remainder in join order (3 members: 3334/3333/3333), and the split marked equal (a prize is divided 1:1:1).',
  })
  async proposeEqualPrizeSplit(@Arg('input', () => ProposeEqualPrizeSplitInput) input: ProposeEqualPrizeSplitInput, @Ctx() ctx: SubmissionsContext): Promise<TeamPayload> {
    const userId = requireUser(ctx.identity);
    return teamPayload(await ctx.teams.propose(userId, requiredId(input.teamId, 'teamId'), null));
  }

  @Mutation(() => TeamPayload, {
    description:
      'A member agrees to the split version named (not the current one: CONFLICT). When every member has agreed, the split is AGREED and in force. Agreeing again changes nothing. Only while the challenge is OPEN (FAILED_PRECONDITION otherwise). Not a member: NOT_FOUND (a team is private); the sponsor\'s judges: FORBIDDEN.',
  })
  async agreeToPrizeSplit(@Arg('input', () => AgreeToPrizeSplitInput) input: AgreeToPrizeSplitInput, @Ctx() ctx: SubmissionsContext): Promise<TeamPayload> {
    const userId = requireUser(ctx.identity);
    return teamPayload(await ctx.teams.agree(userId, requiredId(input.teamId, 'teamId'), input.splitVersion));
  }

  @Mutation(() => LeaveTeamPayload, {
    description:
      "A member leaves while the challenge is OPEN (FAILED_PRECONDITION otherwise: a team is fixed when submissions close). Their share goes to the others pro rata (largest remainder), so nobody's share decreases: an AGREED split stays AGREED at a new version. They no longer read the team or its submission, and get nothing from a later award. The last member cannot leave a team that has submitted (FAILED_PRECONDITION); a team without a submission is dissolved.",
  })
  async leaveTeam(@Arg('input', () => LeaveTeamInput) input: LeaveTeamInput, @Ctx() ctx: SubmissionsContext): Promise<LeaveTeamPayload> {
    const userId = requireUser(ctx.identity);
    const teamId = requiredId(input.teamId, 'teamId');
    const { dissolved } = await ctx.teams.leave(userId, teamId);
    return Object.assign(new LeaveTeamPayload(), { teamId, dissolved });
  }

  @FieldResolver(() => [TeamInvitationType], {
    description: "The invitations waiting for an answer (pending, not expired), oldest first. Members only: [] for anyone else (the sponsor's judges and invitees see no addresses).",
  })
  async invitations(@Root() team: TeamType, @Ctx() ctx: SubmissionsContext): Promise<TeamInvitationType[]> {
    const viewerId = ctx.identity.userId?.toLowerCase();
    if (!viewerId || !team.memberIds.includes(viewerId)) return [];
    const now = new Date();
    return (await ctx.loaders.pendingInvitationsByTeam.load(team.id)).map((i) => TeamInvitationType.from(i, now));
  }

  @FieldResolver(() => SubmissionType, { nullable: true, description: "The team's one submission (any member submits its versions); null before the first." })
  async submission(@Root() team: TeamType, @Ctx() ctx: SubmissionsContext): Promise<SubmissionType | null> {
    if (!team.submissionId) return null;
    const submission = await ctx.loaders.readableSubmissionById.load(team.submissionId);
    return submission ? SubmissionType.from(submission) : null;
  }
}

@Resolver(() => TeamInvitationType)
export class TeamInvitationResolver {
  @FieldResolver(() => TeamType, { nullable: true, description: 'The team; null once the viewer may no longer read it (a declined invitation, a team dissolved).' })
  async team(@Root() invitation: TeamInvitationType, @Ctx() ctx: SubmissionsContext): Promise<TeamType | null> {
    const team = await ctx.loaders.readableTeamById.load(invitation.teamId);
    return team ? TeamType.from(team) : null;
  }
}

/** `_entities` for Team: batched, and null for whoever may not read it. */
export async function resolveTeamReference(reference: { id: string }, ctx: SubmissionsContext): Promise<TeamType | null> {
  if (!ctx.identity.userId || typeof reference?.id !== 'string') return null;
  const team = await ctx.loaders.readableTeamById.load(reference.id);
  return team ? TeamType.from(team) : null;
}
