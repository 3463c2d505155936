import { NIL_UUID, pgArray } from '@ideagora/db';
import type { ChallengeStatusName, OrganizationRoleName } from '@ideagora/events';
import { NO_READ_MODEL_WAIT, recordEvent, type ReadModelWait } from '@ideagora/events';
import { isUuid } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { assertCanParticipate, isSponsorReviewer } from '../submissions/submission.policy';
import type { SubmissionService } from '../submissions/submission.service';
import {
  agree,
  equalBasisPoints,
  INVITATION_TTL_DAYS,
  join,
  leave,
  MAX_TEAM_SIZE,
  parseProposedShares,
  propose,
  splitWeights,
  SplitStatus,
  TOTAL_BASIS_POINTS,
  type Split,
} from './team.domain';
import type { TeamInvitationSnapshot, TeamInvitationStatusName, TeamSnapshot } from './team.entity';
import {
  AlreadyParticipatingError,
  AlreadyTeamMemberError,
  LastMemberLeavingError,
  NotATeamMemberError,
  StaleSplitVersionError,
  TeamChangeClosedError,
  TeamFullError,
  TeamInvitationAnsweredError,
  TeamInvitationExpiredError,
  TeamInvitationNotFoundError,
  TeamNotFoundError,
} from './team.errors';
import { effectiveStatus } from './team.type';

/** viewer.teamInvitations lists the newest 50 (an address can be invited to any number of teams). */
export const VIEWER_TEAM_INVITATIONS = 50;

interface TeamRow {
  id: string;
  challenge_id: string;
  name: string;
  created_at: Date;
  split_version: number;
  split_status: SplitStatus;
  split_equal: boolean;
  submission_id: string | null;
}

interface MemberRow {
  team_id: string;
  user_id: string;
  position: number;
  share_basis_points: number;
  agreed_at: Date | null;
  joined_at: Date;
}

interface InvitationRow {
  id: string;
  team_id: string;
  email: string;
  invited_by: string;
  status: TeamInvitationStatusName;
  invited_at: Date;
  expires_at: Date;
  responded_at: Date | null;
}

/** A team locked for a change, with what the rules need: the caller's role in the sponsor and the challenge's status. */
interface LockedTeam {
  team: TeamSnapshot;
  challengeStatus: ChallengeStatusName | null;
  challengeTitle: string | null;
  viewerRole: OrganizationRoleName | null;
}

const TEAM_COLUMNS = `t.id, t.challenge_id, t.name, t.created_at, t.split_version, t.split_status, t.split_equal,
  (select s.id from submission s where s.team_id = t.id) as submission_id`;

function toSnapshot(row: TeamRow, members: MemberRow[]): TeamSnapshot {
  const ordered = [...members].sort((a, b) => a.position - b.position);
  return {
    id: row.id,
    challengeId: row.challenge_id,
    name: row.name,
    createdAt: new Date(row.created_at),
    submissionId: row.submission_id,
    members: ordered.map((m) => ({ userId: m.user_id, shareBasisPoints: m.share_basis_points, joinedAt: new Date(m.joined_at) })),
    split: {
      version: row.split_version,
      status: row.split_status,
      equal: row.split_equal,
      shares: ordered.map((m) => ({ userId: m.user_id, basisPoints: m.share_basis_points, agreedAt: m.agreed_at === null ? null : new Date(m.agreed_at) })),
    },
  };
}

function toInvitation(row: InvitationRow): TeamInvitationSnapshot {
  return {
    id: row.id,
    teamId: row.team_id,
    email: row.email,
    invitedBy: row.invited_by,
    status: row.status,
    invitedAt: new Date(row.invited_at),
    expiresAt: new Date(row.expires_at),
    respondedAt: row.responded_at === null ? null : new Date(row.responded_at),
  };
}

function uuids(ids: readonly string[]): string[] {
  return [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
}

/**
 * Teams, their splits and invitations: the only code of this folder that touches the EntityManager. Every command is
 * one transaction under the team's row lock (`for update`: changes of one team serialise, so 20 members agreeing at
 * once see each other's agreement and exactly one of them completes it), with its outbox events.
 */
export class TeamService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewerId: string | null,
    private readonly submissions: SubmissionService,
    /** Tells the outbox relay that events were committed (it publishes at once). */
    private readonly eventsCommitted: () => void,
    /** Read-your-writes: the viewer's UserRegistered (their email) may still be in flight right after sign-up. */
    private readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Creates a team for a challenge the user may enter (assertCanParticipate, after the read-your-writes wait as
   * submit does); the creator is its first member with 10,000 basis points, split version 1 AGREED (TeamSplitAgreed).
   * The creator's challenge_participant row is inserted in the transaction: a user already in a team of that
   * challenge, or who already submitted alone to it, is refused (CONFLICT), even when both race.
   */
  async create(userId: string, challengeId: string, name: string): Promise<TeamSnapshot> {
    const { challenge, role } = await this.submissions.currentParticipation(challengeId, userId);
    assertCanParticipate(challengeId, challenge, role, this.clock());
    const now = this.clock();
    const teamId = uuidv7();
    await this.em.transactional(async (em) => {
      await em.execute(
        `insert into team (id, challenge_id, name, created_by, created_at, split_version, split_status, split_equal) values (?, ?, ?, ?, ?, 1, 'AGREED', false)`,
        [teamId, challengeId, name, userId, now],
        'run',
      );
      await claimParticipation(em, challengeId, userId, teamId);
      await em.execute(
        `insert into team_member (team_id, user_id, position, share_basis_points, agreed_at, joined_at) values (?, ?, 1, ?, ?, ?)`,
        [teamId, userId, TOTAL_BASIS_POINTS, now, now],
        'run',
      );
      recordEvent(em, 'TeamSplitAgreed', { teamId, challengeId, splitVersion: 1, shares: [{ userId, basisPoints: TOTAL_BASIS_POINTS, weight: TOTAL_BASIS_POINTS }] });
    });
    this.eventsCommitted();
    return (await this.readTeams([teamId]))[0];
  }

  /**
   * Any member invites an email (already normalised and validated). Inviting an address whose invitation is pending
   * returns that one (no second mail); at most MAX_TEAM_SIZE members plus pending invitations. TeamInvitationSent.
   */
  async invite(userId: string, teamId: string, email: string): Promise<TeamInvitationSnapshot> {
    const now = this.clock();
    let sent = false;
    const invitation = await this.em.transactional(async (em) => {
      const locked = await lockTeam(em, teamId, userId);
      assertMember(teamId, locked, userId);
      const { team } = locked;
      await em.execute(`update team_invitation set status = 'EXPIRED' where team_id = ? and status = 'PENDING' and expires_at <= ?`, [teamId, now], 'run');
      const [pending] = await em.execute<InvitationRow[]>(`select * from team_invitation where team_id = ? and email = ? and status = 'PENDING'`, [teamId, email]);
      if (pending) return toInvitation(pending);
      const [counts] = await em.execute<{ member: boolean; pending: number }[]>(
        `select exists (select 1 from team_member tm join user_view u on u.id = tm.user_id where tm.team_id = ? and u.email = ?) as member,
                (select count(*) from team_invitation where team_id = ? and status = 'PENDING')::int as pending`,
        [teamId, email, teamId],
      );
      if (counts.member) throw new AlreadyTeamMemberError();
      if (team.members.length + Number(counts.pending) >= MAX_TEAM_SIZE) throw new TeamFullError(MAX_TEAM_SIZE);
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
      const [row] = await em.execute<InvitationRow[]>(
        `insert into team_invitation (id, team_id, email, invited_by, status, invited_at, expires_at) values (?, ?, ?, ?, 'PENDING', ?, ?) returning *`,
        [uuidv7(), teamId, email, userId, now, expiresAt],
      );
      recordEvent(em, 'TeamInvitationSent', {
        invitationId: row.id,
        teamId,
        teamName: team.name,
        challengeId: team.challengeId,
        ...(locked.challengeTitle ? { challengeTitle: locked.challengeTitle } : {}),
        invitedBy: userId,
        email,
        expiresAt: expiresAt.toISOString(),
      });
      sent = true;
      return toInvitation(row);
    });
    if (sent) this.eventsCommitted();
    return invitation;
  }

  /**
   * The invitee (the invitation's email is their account's) accepts or declines. Accepting: the challenge must still
   * take participants (assertCanParticipate), the invitee must not take part in it yet (CONFLICT: in a team, or
   * submitted alone); they join with 0 basis points and the split moves to a new PROPOSED version. An expired
   * invitation: FAILED_PRECONDITION; one already answered: CONFLICT; anyone else's: NOT_FOUND.
   */
  async respond(userId: string, invitationId: string, accept: boolean): Promise<{ invitation: TeamInvitationSnapshot; team: TeamSnapshot | null }> {
    const email = await this.emailOf(userId);
    const [found] = await this.em.execute<(InvitationRow & { challenge_id: string })[]>(
      `select i.*, t.challenge_id from team_invitation i join team t on t.id = i.team_id where i.id = ?`,
      [invitationId],
    );
    if (!found || !email || found.email !== email) throw new TeamInvitationNotFoundError(invitationId);
    const participation = accept ? await this.submissions.currentParticipation(found.challenge_id, userId) : null;
    const now = this.clock();
    const result = await this.em.transactional(async (em) => {
      const locked = await lockTeam(em, found.team_id, userId);
      const [row] = await em.execute<InvitationRow[]>(`select * from team_invitation where id = ? for update`, [invitationId]);
      if (!locked || !row || row.email !== email) throw new TeamInvitationNotFoundError(invitationId);
      const status = effectiveStatus(toInvitation(row), now);
      if (status === 'EXPIRED') throw new TeamInvitationExpiredError();
      if (status !== 'PENDING') throw new TeamInvitationAnsweredError();
      if (!accept) {
        const [declined] = await em.execute<InvitationRow[]>(`update team_invitation set status = 'DECLINED', responded_at = ? where id = ? returning *`, [now, invitationId]);
        return { invitation: toInvitation(declined), joined: false };
      }
      assertCanParticipate(found.challenge_id, participation!.challenge, participation!.role, now);
      const { team } = locked;
      if (team.members.length >= MAX_TEAM_SIZE) throw new TeamFullError(MAX_TEAM_SIZE);
      await claimParticipation(em, team.challengeId, userId, team.id);
      const split = join(team.split, userId);
      await em.execute(
        `insert into team_member (team_id, user_id, position, share_basis_points, agreed_at, joined_at)
         select ?, ?, coalesce(max(position), 0) + 1, 0, null, ? from team_member where team_id = ?`,
        [team.id, userId, now, team.id],
        'run',
      );
      await writeSplit(em, team.id, split);
      const [accepted] = await em.execute<InvitationRow[]>(`update team_invitation set status = 'ACCEPTED', responded_at = ? where id = ? returning *`, [now, invitationId]);
      return { invitation: toInvitation(accepted), joined: true };
    });
    return { invitation: result.invitation, team: result.joined ? (await this.readTeams([found.team_id]))[0] : null };
  }

  /**
   * A member proposes a split (`shares`; null: an equal split in join order). A new version, PROPOSED, every agreement
   * cleared but the proposer's: proposing is agreeing (a team of one is AGREED at once, with its TeamSplitAgreed).
   */
  async propose(userId: string, teamId: string, shares: { userId: string; basisPoints: number }[] | null): Promise<TeamSnapshot> {
    return this.changeSplit(teamId, userId, (team, now) => {
      const memberIds = team.members.map((m) => m.userId);
      const proposed = shares === null ? memberIds.map((id, i) => ({ userId: id, basisPoints: equalBasisPoints(memberIds.length)[i] })) : parseProposedShares(memberIds, shares);
      return propose(team.split, userId, proposed, shares === null, now);
    });
  }

  /**
   * A member agrees to `version` (an older or unknown one: CONFLICT). The agreement that completes the split makes it
   * AGREED and records TeamSplitAgreed in the same transaction; agreeing again changes nothing.
   */
  async agree(userId: string, teamId: string, version: number): Promise<TeamSnapshot> {
    return this.changeSplit(teamId, userId, (team, now) => {
      if (team.split.version !== version) throw new StaleSplitVersionError(team.split.version, version);
      return agree(team.split, userId, now);
    });
  }

  /**
   * A member leaves while the challenge is OPEN (a team is fixed when submissions close): their basis points go to the others pro rata (domain
   * `leave`), a new version (AGREED stays AGREED, with TeamSplitAgreed). The last member: a team with a submission
   * cannot be left (FAILED_PRECONDITION); one without is dissolved (its invitations go with it).
   */
  async leave(userId: string, teamId: string): Promise<{ dissolved: boolean }> {
    let emitted = false;
    const dissolved = await this.em.transactional(async (em) => {
      const locked = await lockTeam(em, teamId, userId);
      assertMember(teamId, locked, userId);
      const { team } = locked;
      if (locked.challengeStatus !== 'OPEN') throw new TeamChangeClosedError();
      if (team.members.length === 1) {
        if (team.submissionId) throw new LastMemberLeavingError();
        await em.execute(`delete from team where id = ?`, [teamId], 'run');
        return true;
      }
      const split = leave(team.split, userId);
      await em.execute(`delete from team_member where team_id = ? and user_id = ?`, [teamId, userId], 'run');
      await em.execute(`delete from challenge_participant where challenge_id = ? and user_id = ? and team_id = ?`, [team.challengeId, userId, teamId], 'run');
      await writeSplit(em, teamId, split);
      if (split.status === SplitStatus.AGREED) {
        recordEvent(em, 'TeamSplitAgreed', { teamId, challengeId: team.challengeId, splitVersion: split.version, shares: splitWeights(split) });
        emitted = true;
      }
      return false;
    });
    if (emitted) this.eventsCommitted();
    return { dissolved };
  }

  /** Under the team's lock: the member's change of the split, written with TeamSplitAgreed when it became AGREED. */
  private async changeSplit(teamId: string, userId: string, change: (team: TeamSnapshot, now: Date) => Split): Promise<TeamSnapshot> {
    let emitted = false;
    await this.em.transactional(async (em) => {
      const locked = await lockTeam(em, teamId, userId);
      assertMember(teamId, locked, userId);
      // Fixed when submissions close: payouts pays the split it last heard, so no change may race an award.
      if (locked.challengeStatus !== 'OPEN') throw new TeamChangeClosedError();
      const { team } = locked;
      const split = change(team, this.clock());
      if (split === team.split) return;
      await writeSplit(em, teamId, split);
      if (split.status === SplitStatus.AGREED && (team.split.status !== SplitStatus.AGREED || team.split.version !== split.version)) {
        recordEvent(em, 'TeamSplitAgreed', { teamId, challengeId: team.challengeId, splitVersion: split.version, shares: splitWeights(split) });
        emitted = true;
      } else if (split.status === SplitStatus.PROPOSED && split.version !== team.split.version) {
        // A new proposal (agreeing keeps the version): the other members are asked to agree.
        recordEvent(em, 'TeamSplitProposed', {
          teamId,
          challengeId: team.challengeId,
          teamName: team.name,
          proposedBy: userId,
          splitVersion: split.version,
          memberIds: split.shares.map((s) => s.userId),
        });
        emitted = true;
      }
    });
    if (emitted) this.eventsCommitted();
    return (await this.readTeams([teamId]))[0];
  }

  // ---- reads --------------------------------------------------------------------------------------------------------

  /**
   * Teams the viewer may read: its members, the sponsor's OWNERs/ADMINs, and the invitee of a pending invitation to
   * it (who must see what they are invited to). The others are simply absent. Two statements per batch.
   */
  async findReadableByIds(ids: readonly string[]): Promise<TeamSnapshot[]> {
    const keys = uuids(ids);
    if (!this.viewerId || keys.length === 0) return [];
    const rows = await this.em.execute<(TeamRow & { readable: boolean })[]>(
      `select ${TEAM_COLUMNS},
         (exists (select 1 from team_member tm where tm.team_id = t.id and tm.user_id = ?)
          or m.role in ('OWNER', 'ADMIN')
          or exists (select 1 from team_invitation i join user_view u on u.email = i.email
                     where i.team_id = t.id and u.id = ? and i.status = 'PENDING' and i.expires_at > now())) as readable
       from team t
       left join challenge_view c on c.id = t.challenge_id
       left join membership_view m on m.organization_id = c.organization_id and m.user_id = ? and m.role is not null
       where t.id = any(?::uuid[])`,
      [this.viewerId, this.viewerId, this.viewerId, pgArray(keys)],
    );
    return this.withMembers(rows.filter((r) => r.readable));
  }

  /** The viewer's team in each challenge (challenge id -> team id). */
  async viewerTeamIdsByChallengeIds(challengeIds: readonly string[]): Promise<Map<string, string>> {
    const keys = uuids(challengeIds);
    if (!this.viewerId || keys.length === 0) return new Map();
    const rows = await this.em.execute<{ challenge_id: string; team_id: string }[]>(
      `select challenge_id, team_id from challenge_participant where user_id = ? and challenge_id = any(?::uuid[]) and team_id is not null`,
      [this.viewerId, pgArray(keys)],
    );
    return new Map(rows.map((r) => [r.challenge_id, r.team_id]));
  }

  /**
   * The invitations waiting for the user (PENDING, not expired), by their account's email, latest first. The email
   * comes from user_view, which may not have heard of an account just created: waited for (read-your-writes).
   */
  async pendingInvitationsFor(userId: string): Promise<TeamInvitationSnapshot[]> {
    // One statement (every signed-in page's header asks): no row means the user is not in user_view yet; one row with
    // a null id means no invitation.
    const found = await this.readModel.until(
      () =>
        this.em.execute<(InvitationRow | { id: null })[]>(
          `select i.* from user_view u
             left join lateral (select * from team_invitation where email = u.email and status = 'PENDING' and expires_at > ?
                                 order by invited_at desc, id desc limit ?) i on true
            where u.id = ?`,
          [this.clock(), VIEWER_TEAM_INVITATIONS, userId],
        ),
      (rows) => rows.length === 0,
    );
    const rows = found.filter((row): row is InvitationRow => row.id !== null);
    return rows.map(toInvitation);
  }

  /** The pending (not expired) invitations of each team, oldest first (callers authorize: members only). */
  async pendingInvitationsByTeamIds(teamIds: readonly string[]): Promise<TeamInvitationSnapshot[]> {
    const keys = uuids(teamIds);
    if (keys.length === 0) return [];
    const rows = await this.em.execute<InvitationRow[]>(
      `select * from team_invitation where team_id = any(?::uuid[]) and status = 'PENDING' and expires_at > ? order by team_id, invited_at, id`,
      [pgArray(keys), this.clock()],
    );
    return rows.map(toInvitation);
  }

  /** The user's email from user_view: waits while the user is unknown there (their UserRegistered in flight). */
  private async emailOf(userId: string): Promise<string | null> {
    const email = await this.readModel.until(
      async () => {
        const [row] = await this.em.execute<{ email: string | null }[]>(`select email from user_view where id = ?`, [userId]);
        return row ? row.email : undefined;
      },
      (known) => known === undefined,
    );
    return email ?? null;
  }

  /** Teams by id, unauthorized (after a command, for its answer). */
  private async readTeams(ids: string[]): Promise<TeamSnapshot[]> {
    const rows = await this.em.execute<TeamRow[]>(`select ${TEAM_COLUMNS} from team t where t.id = any(?::uuid[])`, [pgArray(ids)]);
    return this.withMembers(rows);
  }

  private async withMembers(rows: TeamRow[]): Promise<TeamSnapshot[]> {
    if (rows.length === 0) return [];
    const members = await this.em.execute<MemberRow[]>(`select * from team_member where team_id = any(?::uuid[]) order by team_id, position`, [
      pgArray(rows.map((r) => r.id)),
    ]);
    return rows.map((row) => toSnapshot(row, members.filter((m) => m.team_id === row.id)));
  }
}

/**
 * The user takes part in the challenge as a member of `teamId`: one row per (challenge, user), so a user already in
 * a team of it, or who submitted alone to it, is refused. A solo submit claims the same row in its statement
 * (SubmissionService.submit), so a submit and a join that race cannot both win.
 */
async function claimParticipation(em: EntityManager, challengeId: string, userId: string, teamId: string): Promise<void> {
  const claimed = await em.execute<{ user_id: string }[]>(
    `insert into challenge_participant (challenge_id, user_id, team_id) values (?, ?, ?) on conflict (challenge_id, user_id) do nothing returning user_id`,
    [challengeId, userId, teamId],
  );
  if (claimed.length > 0) return;
  const [existing] = await em.execute<{ team_id: string | null }[]>(`select team_id from challenge_participant where challenge_id = ? and user_id = ?`, [challengeId, userId]);
  throw new AlreadyParticipatingError(existing ? (existing.team_id ? 'team' : 'solo') : 'either');
}

/** The team row locked for update, its members, and the caller's role in the sponsor; null when there is no such team. */
async function lockTeam(em: EntityManager, teamId: string, userId: string): Promise<LockedTeam | null> {
  if (!isUuid(teamId)) return null;
  const [row] = await em.execute<(TeamRow & { challenge_status: ChallengeStatusName | null; challenge_title: string | null; viewer_role: OrganizationRoleName | null })[]>(
    `select ${TEAM_COLUMNS}, c.status as challenge_status, c.title as challenge_title, m.role as viewer_role
     from team t
     left join challenge_view c on c.id = t.challenge_id
     left join membership_view m on m.organization_id = c.organization_id and m.user_id = ? and m.role is not null
     where t.id = ?
     for update of t`,
    [userId ?? NIL_UUID, teamId],
  );
  if (!row) return null;
  const members = await em.execute<MemberRow[]>(`select * from team_member where team_id = ? order by position`, [teamId]);
  return { team: toSnapshot(row, members), challengeStatus: row.challenge_status, challengeTitle: row.challenge_title, viewerRole: row.viewer_role };
}

/** Members act on their team; the sponsor's judges, who may read it, are FORBIDDEN; anyone else: NOT_FOUND. */
function assertMember(teamId: string, locked: LockedTeam | null, userId: string): asserts locked is LockedTeam {
  if (!locked) throw new TeamNotFoundError(teamId);
  if (locked.team.members.some((m) => m.userId === userId)) return;
  if (isSponsorReviewer(locked.viewerRole)) throw new NotATeamMemberError();
  throw new TeamNotFoundError(teamId);
}

async function writeSplit(em: EntityManager, teamId: string, split: Split): Promise<void> {
  await em.execute(`update team set split_version = ?, split_status = ?, split_equal = ? where id = ?`, [split.version, split.status, split.equal, teamId], 'run');
  await em.execute(
    `update team_member m set share_basis_points = (x->>'basisPoints')::int, agreed_at = (x->>'agreedAt')::timestamptz
     from jsonb_array_elements(?::jsonb) x
     where m.team_id = ? and m.user_id = (x->>'userId')::uuid`,
    [JSON.stringify(split.shares.map((s) => ({ userId: s.userId, basisPoints: s.basisPoints, agreedAt: s.agreedAt?.toISOString() ?? null }))), teamId],
    'run',
  );
}
