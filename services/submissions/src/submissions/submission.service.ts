import { NIL_UUID, pgArray } from '@ideagora/db';
import type { ChallengeStatusName, ChallengeVisibilityName, OrganizationRoleName } from '@ideagora/events';
import { isChallengeWithheldFrom, newEventId, NO_READ_MODEL_WAIT, outboxInsertSql, type ReadModelWait } from '@ideagora/events';
import { isUuid } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { SubmissionSnapshot, SubmissionStatusName, SubmissionVersionSnapshot } from './submission.entity';
import type { SubmissionKeyset } from './submission.cursor';
import { SplitNotAgreedError, SubmitAsTeamError, TeamNotFoundError } from '../teams/team.errors';
import { SubmissionNotFoundError } from './submission.errors';
import {
  assertCanParticipate,
  assertCanShortlist,
  assertCanSubmit,
  canReadSubmission,
  isChallengeRolePossiblyInFlight,
  isParticipationBehind,
  isSubmissionPublic,
  isSubmissionReviewer,
  type SubmissionVisibilityName,
  type SubmittableChallenge,
  type ViewerChallengeAccess,
} from './submission.policy';
import type { SubmitSolutionCommand } from './submission.validation';
import { attachToVersion, claimAttachmentsForVersion } from '../attachments/attachment.service';

/** One page request for Challenge.submissions; `limit + 1` rows are fetched to know whether a next page exists. */
export interface PageRequest {
  ownerId: string;
  limit: number;
  after: SubmissionKeyset | null;
  /** Challenge.submissions(shortlistedOnly: true): the shortlisted submissions only, same keyset and order. */
  shortlistedOnly?: boolean;
  /** Challenge.submissions(finalistsOnly: true): round 2's finalists only. */
  finalistsOnly?: boolean;
  /** Challenge.submissions(unscoredByViewer: true): those this judge has no card of in the current round. */
  unscoredBy?: string | null;
}

/** Challenge.submissions' totalCount: the challenge's submissions, or its shortlisted ones only. */
export interface ChallengeCountRequest {
  challengeId: string;
  shortlistedOnly: boolean;
  finalistsOnly?: boolean;
  unscoredBy?: string | null;
}

/**
 * In SQL, for a submission `p` of challenge `cid` (an SQL expression): the judging filters of Challenge.submissions.
 * `unscoredBy` (a judge) keeps those without the judge's card of the current round, and in round 2 the finalists
 * only (only they are scored then). Parameters: the judge id when unscoredBy.
 */
function judgingFilterSql(filter: { finalistsOnly?: boolean; unscoredBy?: string | null }, cid: string): { sql: string; params: string[] } {
  let sql = '';
  const params: string[] = [];
  if (filter.finalistsOnly) sql += `\n and p.id = any((select cv.finalist_ids from challenge_view cv where cv.id = ${cid})::uuid[])`;
  if (filter.unscoredBy) {
    sql += `\n and not exists (select 1 from score_card sc where sc.judge_id = ?::uuid and sc.submission_id = p.id
               and sc.round = (select cv.round from challenge_view cv where cv.id = ${cid}))
             and ((select cv.round from challenge_view cv where cv.id = ${cid}) = 1
               or p.id = any((select cv.finalist_ids from challenge_view cv where cv.id = ${cid})::uuid[]))`;
    params.push(filter.unscoredBy);
  }
  return { sql, params };
}

export interface SubmissionRow {
  id: string;
  challenge_id: string;
  author_id: string;
  team_id: string | null;
  status: SubmissionStatusName;
  current_version: number;
  first_submitted_at: Date;
  submitted_at: Date;
  shortlisted_at: Date | null;
  title: string;
  body: string;
}

export const SNAPSHOT_COLUMNS = `s.id, s.challenge_id, s.author_id, s.team_id, s.status, s.current_version, s.first_submitted_at, s.submitted_at, s.shortlisted_at, v.title, v.body`;
export const CURRENT_VERSION_JOIN = `join submission_version v on v.submission_id = s.id and v.version = s.current_version`;

export function toSnapshot(row: SubmissionRow): SubmissionSnapshot {
  return {
    id: row.id,
    challengeId: row.challenge_id,
    authorId: row.author_id,
    teamId: row.team_id,
    status: row.status,
    version: row.current_version,
    title: row.title,
    body: row.body,
    submittedAt: new Date(row.submitted_at),
    firstSubmittedAt: new Date(row.first_submitted_at),
    shortlistedAt: row.shortlisted_at === null ? null : new Date(row.shortlisted_at),
  };
}

/** Ids that cannot name a row are dropped before they reach a `uuid[]` cast (a forged representation is not a crash). */
export function uuids(ids: readonly string[]): string[] {
  return [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
}

/**
 * In SQL, for a submission `p`: the viewer (parameter) reads it: a solo one they wrote, or their team's. The team's
 * through its members (team_member_user_idx): a member who left no longer reads it.
 */
export const VIEWER_READS = `((p.team_id is null and p.author_id = ?) or p.team_id in (select tm.team_id from team_member tm where tm.user_id = ?))`;

/**
 * In SQL, for a challenge row `c` (with its visibility, published, submission_visibility, submissions_closed_at), the
 * viewer's role in its sponsor and whether they hold a challenge role: its entries are public to the viewer. The same
 * rule as isSubmissionPublic (submission.policy.ts), for statements that filter by it.
 */
export const SUBMISSION_PUBLIC_SQL = (c: string, role: string, challengeRole: string) =>
  `(${c}.published and (${c}.visibility = 'PUBLIC' or ${role} is not null or ${challengeRole})
    and (${c}.submission_visibility = 'GALLERY' or (${c}.submission_visibility = 'GALLERY_AFTER_CLOSE' and ${c}.submissions_closed_at is not null)))`;

/** A row's challenge columns as the policy's SubmissionAudience. */
export function audienceOf(row: { visibility: ChallengeVisibilityName; published: boolean; submission_visibility: SubmissionVisibilityName; submissions_closed_at: Date | null }) {
  return {
    visibility: row.visibility,
    published: row.published,
    submissionVisibility: row.submission_visibility,
    submissionsClosedAt: row.submissions_closed_at === null ? null : new Date(row.submissions_closed_at),
  };
}

/**
 * In SQL, for a submission `p`: its author may see its challenge (isChallengeVisibleTo, the rule the policy applies).
 * User.submissions lists only those, so a submission made before INVITE_ONLY was enforced never links the author to a
 * challenge they may not see (the gateway would null their whole `viewer`).
 */
const AUTHOR_SEES_CHALLENGE = `exists (
  select 1 from challenge_view c
  left join membership_view m on m.organization_id = c.organization_id and m.user_id = ?::uuid and m.role is not null
  where c.id = p.challenge_id and ((c.visibility = 'PUBLIC' and c.published) or m.role is not null))`;

/** What the participation rules need, read in one statement (see `participation`). */
interface ParticipationRow {
  id: string;
  status: ChallengeStatusName;
  submission_deadline: Date;
  terms_required: boolean;
  terms_accepted: boolean;
  visibility: ChallengeVisibilityName;
  published: boolean;
  role: OrganizationRoleName | null;
  round: number;
  final_round_deadline: Date | null;
  finalist_ids: string[];
  judge: boolean;
  challenge_role: boolean;
  solo_submission_id: string | null;
  team_submission_id: string | null;
}

/**
 * In SQL, for a challenge `c` and a user (parameter): the user's accepted challenge roles (challenge_role_view, fed by
 * ChallengeRoleChanged). `JUDGE_OF` the JUDGE role only; `ROLE_OF` any (JUDGE or PARTICIPANT: the challenge is visible).
 */
export const JUDGE_OF = (c: string, user: string) =>
  `exists (select 1 from challenge_role_view r where r.challenge_id = ${c} and r.user_id = ${user} and r.role = 'JUDGE' and r.granted)`;
export const ROLE_OF = (c: string, user: string) => `exists (select 1 from challenge_role_view r where r.challenge_id = ${c} and r.user_id = ${user} and r.granted)`;

/** What shortlisting checks, read in one statement under the submission's row lock (see `shortlist`). */
/** The viewer and a challenge: their role in its sponsor (null: none), and whether it is hidden from them. */
export interface ChallengeAccess extends ViewerChallengeAccess {
  role: OrganizationRoleName | null;
  /** An accepted JUDGE of the challenge: reads its sealed submissions, scores, sees the board. */
  judge: boolean;
  status: ChallengeStatusName;
  round: number;
  finalistIds: string[];
  /** Hidden for good (isChallengeWithheldFrom): what entity references go by. */
  withheld: boolean;
}

interface ShortlistRow {
  id: string;
  challenge_status: ChallengeStatusName;
  visibility: ChallengeVisibilityName;
  published: boolean;
  role: OrganizationRoleName | null;
}

/**
 * The only code in this context that touches the EntityManager for participation: submissions and terms
 * acceptances. Every read is a batch (one statement whatever the number of keys) so DataLoaders keep the statement
 * count per request constant.
 */
export class SubmissionService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewerId: string | null,
    /** Tells the outbox relay that events were committed outside the unit of work (it publishes at once). */
    private readonly eventsCommitted: () => void,
    /** Read-your-writes: a challenge just published may not have reached the read model yet. */
    private readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Submits a new version of the author's submission to a challenge, creating the submission on the first call.
   * Insert-or-lock: concurrent submits by one author serialize on the submission row, so none fails and no
   * version number is lost or duplicated. The SubmissionCreated event commits with the change.
   *
   * The hottest write of a contest's last hours, so two round trips and no explicit transaction: the policy
   * check reads the challenge's read model and the author's terms acceptance (under read committed a transaction
   * would not hold those rows either: the read model is the challenge as last heard, by design, and an acceptance
   * is never withdrawn), then ONE statement upserts the submission, stores the version and records the event; a
   * single statement commits all of it or none.
   */
  async submit(authorId: string, command: SubmitSolutionCommand): Promise<SubmissionSnapshot> {
    if (command.teamId) return this.submitAsTeam(authorId, command.teamId, command);
    const { challenge, role, soloSubmissionId } = await this.currentParticipation(command.challengeId, authorId);
    assertCanSubmit(command.challengeId, challenge && { ...challenge, viewerSubmissionId: soloSubmissionId }, role, this.clock());

    // Create the submission or, on a resubmission, lock its row and take the next version (the upsert serialises
    // an author's concurrent submissions on the row), then store that version and its event.
    // Versions are timestamped in version order even if a later request read the clock first.
    //
    // Teams: the first CTE claims the author's participation alone (challenge_participant, team_id null). A member of
    // a team of this challenge holds a row with a team_id: the claim's `where` is false, nothing is written, and the
    // submit is refused ("submit as your team"). ON CONFLICT evaluates that `where` on the latest committed row under
    // its lock, so a solo submit and a team join racing cannot both win (the join inserts the same key). On a
    // resubmission the claim is a no-op update of an existing row: one extra index lookup and tuple on the hot path.
    const now = this.clock();
    const attachmentIds = command.attachmentIds ?? [];
    // With files: one transaction, the attachments locked and checked, then the statement, then the version's files.
    const write = async (em: EntityManager) => {
      await claimAttachmentsForVersion(em, { userId: authorId, challengeId: command.challengeId, teamId: null }, attachmentIds);
      const [saved] = await this.upsertSolo(em, authorId, command, now);
      if (saved) await attachToVersion(em, saved.id, saved.current_version, attachmentIds);
      return saved;
    };
    const saved = attachmentIds.length > 0 ? await this.em.transactional((em) => write(em as EntityManager)) : await write(this.em);
    if (!saved) throw new SubmitAsTeamError();
    this.eventsCommitted();
    return {
      id: saved.id,
      challengeId: command.challengeId,
      authorId,
      teamId: null,
      status: saved.status,
      version: saved.current_version,
      title: command.title,
      body: command.body,
      submittedAt: new Date(saved.submitted_at),
      firstSubmittedAt: new Date(saved.first_submitted_at),
      // A resubmission stays on the shortlist (the judges look at the current version).
      shortlistedAt: saved.shortlisted_at === null ? null : new Date(saved.shortlisted_at),
    };
  }

  /** The solo submit's one statement (see submit). */
  private upsertSolo(em: EntityManager, authorId: string, command: SubmitSolutionCommand, now: Date) {
    return em.execute<
      { id: string; status: SubmissionStatusName; current_version: number; first_submitted_at: Date; submitted_at: Date; shortlisted_at: Date | null }[]
    >(
      `with claimed as (
         insert into challenge_participant as cp (challenge_id, user_id, team_id) values (?, ?, null)
         on conflict (challenge_id, user_id) do update set team_id = null where cp.team_id is null
         returning cp.user_id
       ), upserted as (
         insert into submission as s (id, challenge_id, author_id, status, current_version, first_submitted_at, submitted_at)
         select ?::uuid, ?::uuid, ?::uuid, 'SUBMITTED', 1, ?::timestamptz, ?::timestamptz from claimed
         on conflict (challenge_id, author_id) where team_id is null do update
           set current_version = s.current_version + 1, submitted_at = greatest(excluded.submitted_at, s.submitted_at)
         returning s.id, s.challenge_id, s.author_id, s.status, s.current_version, s.first_submitted_at, s.submitted_at, s.shortlisted_at
       ), version as (
         insert into submission_version (submission_id, version, title, body, submitted_at, submitted_by)
         select id, current_version, ?, ?, submitted_at, author_id from upserted
       ), event as (
         ${outboxInsertSql('SubmissionCreated', 'upserted', { id: 'id', challengeId: 'challenge_id', authorId: 'author_id', version: 'current_version', teamId: 'null' })}
       )
       select id, status, current_version, first_submitted_at, submitted_at, shortlisted_at from upserted`,
      [command.challengeId, authorId, uuidv7(), command.challengeId, authorId, now, now, command.title, command.body, newEventId()],
    );
  }

  /**
   * Records that the user accepts the challenge's terms, under the rules of submitting (a challenge without terms
   * too: harmless). Idempotent: one row however often. As submit, the policy read then one statement; a submission
   * that follows reads the committed row, so accepting and submitting cannot race.
   */
  async acceptTerms(userId: string, challengeId: string): Promise<void> {
    const { challenge, role } = await this.currentParticipation(challengeId, userId);
    assertCanParticipate(challengeId, challenge, role, this.clock());
    await this.em.execute(
      `insert into terms_acceptance (challenge_id, user_id) values (?, ?) on conflict (challenge_id, user_id) do nothing`,
      [challengeId, userId],
      'run',
    );
  }

  /**
   * A new version of the team's one submission, by any member (recorded as the version's submitter; the submission's
   * author is the member who submitted first). The submitter's participation is checked as a solo submit's (terms
   * included), then one transaction: the team row is shared-locked (a proposal, join or leave waits; concurrent
   * submits of the team serialise on the submission row), the submitter must be a member (NOT_FOUND otherwise, a team
   * is private) and the split AGREED (FAILED_PRECONDITION); one statement upserts the submission, its version and
   * SubmissionCreated with the teamId.
   */
  private async submitAsTeam(userId: string, teamId: string, command: SubmitSolutionCommand): Promise<SubmissionSnapshot> {
    const { challenge, role, teamSubmissionIds } = await this.currentParticipation(command.challengeId, userId);
    assertCanSubmit(command.challengeId, challenge && { ...challenge, viewerSubmissionId: teamSubmissionIds.get(teamId.toLowerCase()) ?? null }, role, this.clock());
    const now = this.clock();
    const saved = await this.em.transactional(async (em) => {
      const [team] = await em.execute<{ challenge_id: string; split_status: string; member: boolean }[]>(
        `select t.challenge_id, t.split_status, exists (select 1 from team_member tm where tm.team_id = t.id and tm.user_id = ?) as member
         from team t where t.id = ? for share of t`,
        [userId, teamId],
      );
      if (!team || !team.member || team.challenge_id !== command.challengeId) throw new TeamNotFoundError(teamId);
      if (team.split_status !== 'AGREED') throw new SplitNotAgreedError();
      // A team's files: the submitting member's uploads (or files already in the team's submission).
      const attachmentIds = command.attachmentIds ?? [];
      await claimAttachmentsForVersion(em, { userId, challengeId: command.challengeId, teamId }, attachmentIds);
      const [row] = await em.execute<SubmissionRow[]>(
        `with upserted as (
           insert into submission as s (id, challenge_id, author_id, team_id, status, current_version, first_submitted_at, submitted_at)
           values (?, ?, ?, ?, 'SUBMITTED', 1, ?, ?)
           on conflict (team_id) where team_id is not null do update
             set current_version = s.current_version + 1, submitted_at = greatest(excluded.submitted_at, s.submitted_at)
           returning s.*
         ), version as (
           insert into submission_version (submission_id, version, title, body, submitted_at, submitted_by)
           select id, current_version, ?, ?, submitted_at, ? from upserted
         ), event as (
           ${outboxInsertSql('SubmissionCreated', 'upserted', { id: 'id', challengeId: 'challenge_id', authorId: 'author_id', version: 'current_version', teamId: 'team_id' })}
         )
         select s.id, s.challenge_id, s.author_id, s.team_id, s.status, s.current_version, s.first_submitted_at, s.submitted_at, s.shortlisted_at,
                ?::text as title, ?::text as body
         from upserted s`,
        [uuidv7(), command.challengeId, userId, teamId, now, now, command.title, command.body, userId, newEventId(), command.title, command.body],
      );
      await attachToVersion(em, row.id, row.current_version, attachmentIds);
      return row;
    });
    this.eventsCommitted();
    return toSnapshot(saved);
  }

  /**
   * The policy read, repeated (bounded) only while the read model may not have heard of the challenge's publication,
   * of a final round that reopens it for one who entered (isParticipationBehind), or of the viewer's invitation to an
   * INVITE_ONLY one, just accepted (isChallengeRolePossiblyInFlight).
   */
  currentParticipation(challengeId: string, userId: string): ReturnType<SubmissionService['participation']> {
    return this.readModel.until(
      () => this.participation(challengeId, userId),
      ({ challenge, role, soloSubmissionId, teamSubmissionIds }) =>
        isParticipationBehind(challenge, soloSubmissionId !== null || teamSubmissionIds.size > 0) || isChallengeRolePossiblyInFlight(challenge, role),
    );
  }

  /**
   * The policy read of submit, acceptTerms and the team commands, one statement: the challenge, the user's role in its
   * sponsor, their acceptance, their challenge roles (a judge may not enter), and for round 2 the submissions a submit
   * would version (their solo one; their teams' by team id).
   */
  private async participation(
    challengeId: string,
    userId: string,
  ): Promise<{ challenge: SubmittableChallenge | null; role: OrganizationRoleName | null; soloSubmissionId: string | null; teamSubmissionIds: Map<string, string> }> {
    const [row] = await this.em.execute<(ParticipationRow & { team_submissions: { team_id: string; id: string }[] | null })[]>(
      `select c.id, c.status, c.submission_deadline, c.terms_required, a.user_id is not null as terms_accepted, c.visibility, c.published, m.role,
         c.round, c.final_round_deadline, c.finalist_ids,
         ${JUDGE_OF('c.id', '?::uuid')} as judge, ${ROLE_OF('c.id', '?::uuid')} as challenge_role,
         (select s.id from submission s where s.challenge_id = c.id and s.author_id = ?::uuid and s.team_id is null) as solo_submission_id,
         (select json_agg(json_build_object('team_id', s.team_id, 'id', s.id)) from submission s
          where s.challenge_id = c.id and s.team_id in (select tm.team_id from team_member tm where tm.user_id = ?::uuid)) as team_submissions
       from challenge_view c
       left join membership_view m on m.organization_id = c.organization_id and m.user_id = ?
       left join terms_acceptance a on a.challenge_id = c.id and a.user_id = ?
       where c.id = ?`,
      [userId, userId, userId, userId, userId, userId, challengeId],
    );
    if (!row) return { challenge: null, role: null, soloSubmissionId: null, teamSubmissionIds: new Map() };
    const challenge = {
      id: row.id,
      status: row.status,
      submissionDeadline: new Date(row.submission_deadline),
      termsRequired: row.terms_required,
      termsAccepted: row.terms_accepted,
      visibility: row.visibility,
      published: row.published,
      round: row.round,
      finalRoundDeadline: row.final_round_deadline === null ? null : new Date(row.final_round_deadline),
      finalistIds: row.finalist_ids ?? [],
      viewerIsJudge: row.judge,
      viewerHasChallengeRole: row.challenge_role,
    };
    return {
      challenge,
      role: row.role,
      soloSubmissionId: row.solo_submission_id,
      teamSubmissionIds: new Map((row.team_submissions ?? []).map((t) => [t.team_id, t.id])),
    };
  }

  /**
   * Puts a submission on its challenge's shortlist (`shortlisted`) or takes it off. One transaction: the policy read
   * locks the submission row (concurrent changes of one submission serialise) and shares the challenge's read-model
   * row (a status change waits for us), then the rules (assertCanShortlist: the sponsor's OWNER/ADMIN, challenge
   * OPEN or JUDGING), then one statement writes and returns the submission. Idempotent: shortlisting again keeps
   * the first shortlisted_at; un-shortlisting clears it.
   */
  async shortlist(judgeId: string, submissionId: string, shortlisted: boolean): Promise<SubmissionSnapshot> {
    if (!isUuid(submissionId)) throw new SubmissionNotFoundError(submissionId);
    return this.em.transactional(async (em) => {
      const [row] = await em.execute<ShortlistRow[]>(
        `select s.id, c.status as challenge_status, c.visibility, c.published, m.role
         from submission s
         join challenge_view c on c.id = s.challenge_id
         left join membership_view m on m.organization_id = c.organization_id and m.user_id = ?
         where s.id = ?
         for update of s for share of c`,
        [judgeId, submissionId],
      );
      assertCanShortlist(submissionId, row ? { id: row.id, challengeStatus: row.challenge_status, visibility: row.visibility, published: row.published } : null, row?.role);
      const [saved] = await em.execute<SubmissionRow[]>(
        `with s as (
           update submission
           set shortlisted_at = case when ?::boolean then coalesce(shortlisted_at, ?::timestamptz) else null end
           where id = ?
           returning *
         )
         select ${SNAPSHOT_COLUMNS} from s ${CURRENT_VERSION_JOIN}`,
        [shortlisted, this.clock(), row.id],
      );
      return toSnapshot(saved);
    });
  }

  /** Submissions the viewer may read sealed (author, team member, OWNER/ADMIN of the sponsor, judge); the others are simply absent. */
  async findReadableByIds(ids: readonly string[]): Promise<SubmissionSnapshot[]> {
    return this.findByIdsFor(ids, false);
  }

  /** As findReadableByIds, plus the public ones (isSubmissionPublic): `_entities` and Query.submission, signed out too. */
  async findVisibleByIds(ids: readonly string[]): Promise<SubmissionSnapshot[]> {
    return this.findByIdsFor(ids, true);
  }

  private async findByIdsFor(ids: readonly string[], includePublic: boolean): Promise<SubmissionSnapshot[]> {
    const keys = uuids(ids);
    if ((!this.viewerId && !includePublic) || keys.length === 0) return [];
    const viewer = this.viewerId ?? NIL_UUID;
    const rows = await this.em.execute<
      (SubmissionRow & {
        viewer_role: OrganizationRoleName | null;
        viewer_member: boolean;
        viewer_judge: boolean;
        viewer_challenge_role: boolean;
        visibility: ChallengeVisibilityName;
        published: boolean;
        submission_visibility: SubmissionVisibilityName;
        submissions_closed_at: Date | null;
      })[]
    >(
      `select * from (
         select ${SNAPSHOT_COLUMNS}, m.role as viewer_role,
           (s.team_id is not null and exists (select 1 from team_member tm where tm.team_id = s.team_id and tm.user_id = ?)) as viewer_member,
           ${JUDGE_OF('s.challenge_id', '?::uuid')} as viewer_judge,
           ${ROLE_OF('s.challenge_id', '?::uuid')} as viewer_challenge_role,
           ${VIEWER_READS.replaceAll('p.', 's.')} as viewer_reads,
           c.visibility, c.published, c.submission_visibility, c.submissions_closed_at
         from submission s
         ${CURRENT_VERSION_JOIN}
         left join challenge_view c on c.id = s.challenge_id
         left join membership_view m on m.organization_id = c.organization_id and m.user_id = ? and m.role is not null
         where s.id = any(?::uuid[])
       ) x
       where x.viewer_reads or x.viewer_role in ('OWNER', 'ADMIN') or x.viewer_judge
         or (?::boolean and ${SUBMISSION_PUBLIC_SQL('x', 'x.viewer_role', 'x.viewer_challenge_role')})`,
      [viewer, viewer, viewer, viewer, viewer, viewer, pgArray(keys), includePublic],
    );
    // The SQL filter keeps sealed bodies in the database; the policy check is the rule itself (one statement: the
    // viewer's membership of the submission's team comes with the row).
    return rows
      .filter(
        (row) =>
          canReadSubmission(this.viewerId, { authorId: row.author_id, teamId: row.team_id }, row.viewer_role, new Set(row.viewer_member && row.team_id ? [row.team_id] : []), row.viewer_judge) ||
          (includePublic && isSubmissionPublic(audienceOf(row), row.viewer_role, row.viewer_challenge_role)),
      )
      .map(toSnapshot);
  }

  /**
   * Who the viewer is to each challenge the read model knows: their role in its sponsoring organization, and whether
   * it is withheld from them (isChallengeWithheldFrom). Unknown challenges are absent. One statement, signed out too.
   */
  async challengeAccessByIds(challengeIds: readonly string[]): Promise<Map<string, ChallengeAccess>> {
    const keys = uuids(challengeIds);
    if (keys.length === 0) return new Map();
    const viewer = this.viewerId ?? NIL_UUID;
    const rows = await this.em.execute<
      {
        id: string;
        visibility: ChallengeVisibilityName;
        published: boolean;
        role: OrganizationRoleName | null;
        judge: boolean;
        challenge_role: boolean;
        status: ChallengeStatusName;
        round: number;
        finalist_ids: string[];
        submission_visibility: SubmissionVisibilityName;
        submissions_closed_at: Date | null;
      }[]
    >(
      `select c.id, c.visibility, c.published, m.role, c.status, c.round, c.finalist_ids, c.submission_visibility, c.submissions_closed_at,
         ${JUDGE_OF('c.id', '?::uuid')} as judge, ${ROLE_OF('c.id', '?::uuid')} as challenge_role
       from challenge_view c
       left join membership_view m on m.organization_id = c.organization_id and m.user_id = ? and m.role is not null
       where c.id = any(?::uuid[])`,
      [viewer, viewer, viewer, pgArray(keys)],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          role: r.role,
          judge: r.judge,
          challengeRole: r.challenge_role,
          status: r.status,
          round: r.round,
          finalistIds: r.finalist_ids ?? [],
          withheld: isChallengeWithheldFrom(r, r.role, r.challenge_role),
          audience: {
            visibility: r.visibility,
            published: r.published,
            submissionVisibility: r.submission_visibility,
            submissionsClosedAt: r.submissions_closed_at === null ? null : new Date(r.submissions_closed_at),
          },
        },
      ]),
    );
  }

  /**
   * The viewer's access to a challenge for a refusal's sake: read again (bounded, runtime.readModelWaits) while it would
   * refuse them as a reviewer, since a ChallengeRoleChanged in flight (a judge who just accepted) could explain it.
   * Only called once the cheap read refused.
   */
  async reviewerAccessAfterWait(challengeId: string): Promise<ChallengeAccess | null> {
    return this.accessAfterWait(challengeId, (access) => !isSubmissionReviewer(access));
  }

  /**
   * The viewer's access to a challenge, read again (bounded) while `isBehind` says a ChallengeRoleChanged in flight
   * could explain it (a judge or an invited participant who just accepted). Signed out: null, at once.
   */
  async accessAfterWait(challengeId: string, isBehind: (access: ChallengeAccess | null) => boolean): Promise<ChallengeAccess | null> {
    if (!this.viewerId) return null;
    const read = async () => (await this.challengeAccessByIds([challengeId])).get(challengeId.toLowerCase()) ?? null;
    return this.readModel.until(read, isBehind);
  }

  /**
   * Read-your-writes for an API key created a moment ago (issue 16): its ADMIN membership reaches this context by
   * MembershipChanged, which may still be in flight on the key's first requests. Asked only after a refusal, for a
   * key's identity, so a person's requests and a key's allowed ones cost nothing: when this context has never heard of
   * the key's membership (a revoked key's row stays, role null, and is not waited for), waits for it (bounded, as
   * accessAfterWait). True when it arrived meanwhile: the refused read or command is worth trying again. Asked once
   * per request (this service is the request's): the refusals of a batch of references share one statement and wait.
   */
  newKeyMembershipArrived(apiKey: { id: string; organizationId: string } | undefined): Promise<boolean> {
    if (!apiKey) return Promise.resolve(false);
    this.keyMembershipArrival ??= (async () => {
      const heard = async () =>
        (await this.em.execute<{ one: number }[]>(`select 1 as one from membership_view where organization_id = ? and user_id = ?`, [apiKey.organizationId, apiKey.id])).length > 0;
      if (await heard()) return false;
      return this.readModel.until(heard, (known) => !known);
    })();
    return this.keyMembershipArrival;
  }

  /** newKeyMembershipArrived's answer for this request's key, once asked. */
  private keyMembershipArrival?: Promise<boolean>;

  /** The teams the viewer is a member of now (Submission's readers; empty when signed out, without a statement). */
  async viewerTeamIds(): Promise<Set<string>> {
    if (!this.viewerId) return new Set();
    const rows = await this.em.execute<{ team_id: string }[]>(`select team_id from team_member where user_id = ?`, [this.viewerId]);
    return new Set(rows.map((r) => r.team_id));
  }

  /** Which of these challenges' terms the viewer has accepted (none when signed out, without a statement). */
  async viewerAcceptedTermsByChallengeIds(challengeIds: readonly string[]): Promise<Set<string>> {
    const keys = uuids(challengeIds);
    if (!this.viewerId || keys.length === 0) return new Set();
    const rows = await this.em.execute<{ challenge_id: string }[]>(
      `select challenge_id from terms_acceptance where user_id = ? and challenge_id = any(?::uuid[])`,
      [this.viewerId, pgArray(keys)],
    );
    return new Set(rows.map((r) => r.challenge_id));
  }

  /**
   * Number of submissions (one per author) per challenge, all of them and/or the shortlisted ones, in one statement
   * whatever the requests (Challenge.submissionCount and both filters of Challenge.submissions' totalCount). Each
   * count is its own subquery so that it reads one index only: all submissions from the challenge's page index,
   * shortlisted ones from the partial shortlist index (a count with a filter over all rows would read every row of
   * a 100,000-submission contest); a count nobody asked for is not computed.
   */
  async countByChallenges(requests: readonly ChallengeCountRequest[]): Promise<Map<string, number>> {
    const plain = requests.filter((r) => !r.finalistsOnly && !r.unscoredBy);
    const counts = await this.plainCounts(plain);
    // The judging filters: one statement per distinct filter (a page asks for one).
    const filtered = new Map<string, ChallengeCountRequest[]>();
    for (const r of requests.filter((r) => r.finalistsOnly || r.unscoredBy)) {
      const key = JSON.stringify([r.shortlistedOnly, r.finalistsOnly === true, r.unscoredBy ?? null]);
      filtered.set(key, [...(filtered.get(key) ?? []), r]);
    }
    for (const group of filtered.values()) {
      const keys = uuids(group.map((r) => r.challengeId));
      if (keys.length === 0) continue;
      const { shortlistedOnly, finalistsOnly, unscoredBy } = group[0];
      const judging = judgingFilterSql({ finalistsOnly, unscoredBy }, 'k.challenge_id');
      const rows = await this.em.execute<{ challenge_id: string; count: number }[]>(
        `select k.challenge_id, (select count(*) from submission p where p.challenge_id = k.challenge_id${shortlistedOnly ? ' and p.shortlisted_at is not null' : ''}${judging.sql})::int as count
         from unnest(?::uuid[]) as k(challenge_id)`,
        [...judging.params, pgArray(keys)],
      );
      for (const row of rows) counts.set(countKey({ challengeId: row.challenge_id, shortlistedOnly, finalistsOnly, unscoredBy }), Number(row.count));
    }
    return counts;
  }

  private async plainCounts(requests: readonly ChallengeCountRequest[]): Promise<Map<string, number>> {
    const keys = uuids(requests.map((r) => r.challengeId));
    if (keys.length === 0) return new Map();
    const wantAll = requests.some((r) => !r.shortlistedOnly);
    const wantShortlisted = requests.some((r) => r.shortlistedOnly);
    const rows = await this.em.execute<{ challenge_id: string; count: number | null; shortlisted: number | null }[]>(
      `select k.challenge_id,
         ${wantAll ? '(select count(*) from submission s where s.challenge_id = k.challenge_id)::int' : 'null::int'} as count,
         ${wantShortlisted ? '(select count(*) from submission s where s.challenge_id = k.challenge_id and s.shortlisted_at is not null)::int' : 'null::int'} as shortlisted
       from unnest(?::uuid[]) as k(challenge_id)`,
      [pgArray(keys)],
    );
    const counts = new Map<string, number>();
    for (const row of rows) {
      if (row.count !== null) counts.set(countKey({ challengeId: row.challenge_id, shortlistedOnly: false }), Number(row.count));
      if (row.shortlisted !== null) counts.set(countKey({ challengeId: row.challenge_id, shortlistedOnly: true }), Number(row.shortlisted));
    }
    return counts;
  }

  /** Number of submissions per author (User.submissions' totalCount), one `group by` for all of them. */
  async countByAuthorIds(authorIds: readonly string[]): Promise<Map<string, number>> {
    const keys = uuids(authorIds);
    if (keys.length === 0) return new Map();
    // User.submissions is the viewer's own only: their solo submissions and their teams'.
    const rows = await this.em.execute<{ author_id: string; count: number }[]>(
      `select k.author_id, (select count(*) from submission p where ${VIEWER_READS.replaceAll('?', 'k.author_id')} and ${AUTHOR_SEES_CHALLENGE.replace('?::uuid', 'k.author_id')})::int as count
       from unnest(?::uuid[]) as k(author_id)`,
      [pgArray(keys)],
    );
    return new Map(rows.map((r) => [r.author_id, Number(r.count)]));
  }

  /** The viewer's own submissions to each challenge. */
  async viewerSubmissionsByChallengeIds(challengeIds: readonly string[]): Promise<SubmissionSnapshot[]> {
    const keys = uuids(challengeIds);
    if (!this.viewerId || keys.length === 0) return [];
    const rows = await this.em.execute<SubmissionRow[]>(
      `select ${SNAPSHOT_COLUMNS} from submission s ${CURRENT_VERSION_JOIN}
       where ${VIEWER_READS.replaceAll('p.', 's.')} and s.challenge_id = any(?::uuid[])`,
      [this.viewerId, this.viewerId, pgArray(keys)],
    );
    return rows.map(toSnapshot);
  }

  /**
   * Pages of Challenge.submissions for many challenges at once, ordered by (first_submitted_at, id): one
   * LATERAL keyset query per distinct page size (callers authorize first). `challenge_id = k AND (first_submitted_at,
   * id) > cursor` is one index condition on (challenge_id, first_submitted_at, id): the scan starts at the cursor,
   * so page 5,000 of 100,000 reads as few index pages as page 1 (checked with EXPLAIN ANALYZE). With
   * `shortlistedOnly` the same keyset runs on the partial index of shortlisted submissions (one query per distinct
   * page size and filter).
   */
  async pagesByChallenge(requests: readonly PageRequest[]): Promise<Map<string, SubmissionSnapshot[]>> {
    const result = new Map<string, SubmissionSnapshot[]>();
    const groups = new Map<string, { limit: number; shortlistedOnly: boolean; finalistsOnly: boolean; unscoredBy: string | null; requests: PageRequest[] }>();
    for (const request of requests) {
      if (!isUuid(request.ownerId)) continue;
      const shortlistedOnly = request.shortlistedOnly === true;
      const finalistsOnly = request.finalistsOnly === true;
      const unscoredBy = request.unscoredBy ?? null;
      const key = `${request.limit}:${shortlistedOnly}:${finalistsOnly}:${unscoredBy}`;
      const group = groups.get(key) ?? { limit: request.limit, shortlistedOnly, finalistsOnly, unscoredBy, requests: [] };
      group.requests.push(request);
      groups.set(key, group);
    }
    for (const { limit, shortlistedOnly, finalistsOnly, unscoredBy, requests: group } of groups.values()) {
      const judging = judgingFilterSql({ finalistsOnly, unscoredBy }, 'k.challenge_id');
      const rows = await this.em.execute<(SubmissionRow & { ord: string })[]>(
        `select k.ord, ${SNAPSHOT_COLUMNS}
         from unnest(?::uuid[], ?::timestamptz[], ?::uuid[]) with ordinality as k(challenge_id, after_at, after_id, ord)
         cross join lateral (
           select p.* from submission p
           where p.challenge_id = k.challenge_id
             and (p.first_submitted_at, p.id) > (k.after_at, k.after_id)${shortlistedOnly ? '\n             and p.shortlisted_at is not null' : ''}${judging.sql}
           order by p.first_submitted_at, p.id
           limit ?
         ) s
         ${CURRENT_VERSION_JOIN}
         order by k.ord, s.first_submitted_at, s.id`,
        [
          pgArray(group.map((r) => r.ownerId.toLowerCase())),
          pgArray(group.map((r) => (r.after ? r.after.at.toISOString() : '-infinity'))),
          pgArray(group.map((r) => r.after?.id ?? NIL_UUID)),
          ...judging.params,
          limit + 1,
        ],
      );
      group.forEach((request) => result.set(pageKey(request), []));
      for (const row of rows) result.get(pageKey(group[Number(row.ord) - 1]))?.push(toSnapshot(row));
    }
    return result;
  }

  /** A page of one author's submissions, latest submitted first, (submitted_at desc, id desc) keyset. */
  async pageByAuthor(request: PageRequest): Promise<SubmissionSnapshot[]> {
    if (!isUuid(request.ownerId)) return [];
    // The viewer's solo submissions and their teams' (each branch a keyset scan of its index), merged.
    const after = [request.after ? request.after.at.toISOString() : 'infinity', request.after?.id ?? 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const keyset = [request.ownerId, ...after, request.ownerId, request.limit + 1];
    const rows = await this.em.execute<SubmissionRow[]>(
      `select ${SNAPSHOT_COLUMNS}
       from (
         (select p.* from submission p
          where p.author_id = ? and p.team_id is null
            and (p.submitted_at, p.id) < (?::timestamptz, ?::uuid)
            and ${AUTHOR_SEES_CHALLENGE}
          order by p.submitted_at desc, p.id desc
          limit ?)
         union all
         (select p.* from submission p
          where p.team_id in (select tm.team_id from team_member tm where tm.user_id = ?)
            and (p.submitted_at, p.id) < (?::timestamptz, ?::uuid)
            and ${AUTHOR_SEES_CHALLENGE}
          order by p.submitted_at desc, p.id desc
          limit ?)
       ) s
       ${CURRENT_VERSION_JOIN}
       order by s.submitted_at desc, s.id desc
       limit ?`,
      [...keyset, ...keyset, request.limit + 1],
    );
    return rows.map(toSnapshot);
  }

  /**
   * A page of another user's public submissions (isSubmissionPublic for the viewer, signed out too): those they
   * authored (a team's: its first submitter, who is its public author), latest submitted first, the same keyset as
   * pageByAuthor. A person's submissions are few: the challenge rule is checked per row.
   */
  async publicPageByAuthor(request: PageRequest): Promise<SubmissionSnapshot[]> {
    if (!isUuid(request.ownerId)) return [];
    const viewer = this.viewerId ?? NIL_UUID;
    const rows = await this.em.execute<SubmissionRow[]>(
      `select ${SNAPSHOT_COLUMNS}
       from (
         select p.* from submission p
         join challenge_view c on c.id = p.challenge_id
         left join membership_view m on m.organization_id = c.organization_id and m.user_id = ?::uuid and m.role is not null
         where p.author_id = ? and (p.submitted_at, p.id) < (?::timestamptz, ?::uuid)
           and ${SUBMISSION_PUBLIC_SQL('c', 'm.role', ROLE_OF('c.id', '?::uuid'))}
         order by p.submitted_at desc, p.id desc
         limit ?
       ) s
       ${CURRENT_VERSION_JOIN}
       order by s.submitted_at desc, s.id desc`,
      [
        viewer,
        request.ownerId,
        request.after ? request.after.at.toISOString() : 'infinity',
        request.after?.id ?? 'ffffffff-ffff-ffff-ffff-ffffffffffff',
        viewer,
        request.limit + 1,
      ],
    );
    return rows.map(toSnapshot);
  }

  /** How many public submissions each author has, for the viewer (publicPageByAuthor's totalCount). */
  async countPublicByAuthorIds(authorIds: readonly string[]): Promise<Map<string, number>> {
    const keys = uuids(authorIds);
    if (keys.length === 0) return new Map();
    const viewer = this.viewerId ?? NIL_UUID;
    const rows = await this.em.execute<{ author_id: string; count: number }[]>(
      `select k.author_id, (
         select count(*) from submission p
         join challenge_view c on c.id = p.challenge_id
         left join membership_view m on m.organization_id = c.organization_id and m.user_id = ?::uuid and m.role is not null
         where p.author_id = k.author_id and ${SUBMISSION_PUBLIC_SQL('c', 'm.role', ROLE_OF('c.id', '?::uuid'))}
       )::int as count
       from unnest(?::uuid[]) as k(author_id)`,
      [viewer, viewer, pgArray(keys)],
    );
    return new Map(rows.map((r) => [r.author_id, Number(r.count)]));
  }

  /** All versions of each submission, oldest first (callers authorize first). */
  async versionsBySubmissionIds(submissionIds: readonly string[]): Promise<SubmissionVersionSnapshot[]> {
    const keys = uuids(submissionIds);
    if (keys.length === 0) return [];
    const rows = await this.em.execute<{ submission_id: string; version: number; title: string; body: string; submitted_at: Date; submitted_by: string }[]>(
      `select v.submission_id, v.version, v.title, v.body, v.submitted_at, coalesce(v.submitted_by, s.author_id) as submitted_by
       from submission_version v join submission s on s.id = v.submission_id
       where v.submission_id = any(?::uuid[]) order by v.submission_id, v.version`,
      [pgArray(keys)],
    );
    return rows.map((r) => ({ submissionId: r.submission_id, version: r.version, title: r.title, body: r.body, submittedAt: new Date(r.submitted_at), submittedBy: r.submitted_by }));
  }
}

export function pageKey(request: PageRequest): string {
  return JSON.stringify([
    request.ownerId.toLowerCase(),
    request.limit,
    request.after?.at.toISOString() ?? null,
    request.after?.id ?? null,
    request.shortlistedOnly === true,
    request.finalistsOnly === true,
    request.unscoredBy ?? null,
  ]);
}

export function countKey(request: ChallengeCountRequest): string {
  return JSON.stringify([request.challengeId.toLowerCase(), request.shortlistedOnly, request.finalistsOnly === true, request.unscoredBy ?? null]);
}
