import { NIL_UUID, pgArray } from '@ideagora/db';
import { recordEvent, type ChallengeStatusName, type ChallengeVisibilityName, type OrganizationRoleName } from '@ideagora/events';
import { isUuid } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { SubmissionKeyset } from '../submissions/submission.cursor';
import { SubmissionNotFoundError } from '../submissions/submission.errors';
import { isSponsorReviewer, isSubmissionPublic, type SubmissionVisibilityName } from '../submissions/submission.policy';
import type { SubmissionSnapshot } from '../submissions/submission.entity';
import { audienceOf, CURRENT_VERSION_JOIN, ROLE_OF, SNAPSHOT_COLUMNS, toSnapshot, uuids, type SubmissionRow } from '../submissions/submission.service';
import type { VoteRankingKeyset } from './vote.cursor';
import { FRAUD_WINDOW_MS, isAccountOldEnough, isVotingOpen, VOTES_PER_VOTER, voteFlagReason, type VoteFlagReasonName, type VotingState } from './vote.domain';
import { AccountTooNewToVoteError, AlreadyVotedError, OwnEntryVoteError, SponsorVoteError, VoteNotFoundError, VotesUsedUpError, VotingClosedError } from './vote.errors';

/** What castVote and withdrawVote check before their transaction, read in one statement. */
interface VoteTargetRow {
  id: string;
  challenge_id: string;
  author_id: string;
  team_id: string | null;
  viewer_member: boolean;
  visibility: ChallengeVisibilityName;
  published: boolean;
  submission_visibility: SubmissionVisibilityName;
  submissions_closed_at: Date | null;
  role: OrganizationRoleName | null;
  challenge_role: boolean;
  voter_created_at: Date | null;
}

interface VotingRow {
  status: ChallengeStatusName;
  published: boolean;
  voting_starts_at: Date | null;
  voting_ends_at: Date | null;
  voting_closed: boolean;
}

function votingStateOf(row: VotingRow): VotingState {
  return {
    status: row.status,
    published: row.published,
    votingStartsAt: row.voting_starts_at === null ? null : new Date(row.voting_starts_at),
    votingEndsAt: row.voting_ends_at === null ? null : new Date(row.voting_ends_at),
    votingClosed: row.voting_closed,
  };
}

/** In SQL, for a challenge_view `c`: the voting columns (closed once the ranking was fixed, too). */
const VOTING_COLUMNS = (c: string) =>
  `${c}.status, ${c}.published, ${c}.voting_starts_at, ${c}.voting_ends_at, (${c}.voting_closed or ${c}.vote_ranking_fixed_at is not null) as voting_closed`;

export interface ChallengeVotingSnapshot extends VotingState {
  challengeId: string;
  /** The viewer's votes used (0 without a ballot). */
  votesUsed: number;
}

export interface FlaggedVoteSnapshot {
  id: string;
  voterId: string;
  submissionId: string;
  reason: VoteFlagReasonName;
  createdAt: Date;
}

/**
 * The only code touching votes and ballots. A vote is one transaction: the window re-read under a share lock of the
 * challenge's row (the ranking fixed at the end of voting updates that row, so it waits for the votes in flight and
 * every later vote sees the vote closed), the ballot's conditional upsert (the 4th vote gets no row back), the
 * submission's row locked (its votes serialize: the batch rule sees every earlier voter, and the counter moves under
 * the lock), the vote inserted on its unique (submission, voter), the counter moved only when counted. Any refusal
 * rolls the whole transaction back, so the counter is exactly the counted votes.
 */
export class VoteService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewerId: string | null,
    /** The client's address as the gateway signed it (absent: the address rule does not apply). */
    private readonly clientAddress: string | null,
    private readonly minAccountAgeHours: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async castVote(voterId: string, submissionId: string): Promise<{ voteId: string; challengeId: string }> {
    const target = await this.target(voterId, submissionId);
    const now = this.clock();
    if (!isVotingOpen(await this.votingOf(this.em, target.challenge_id, false), now)) throw new VotingClosedError();
    // Its author (a team's first submitter, even after leaving) or a current member of its team.
    if (target.author_id === voterId || (target.team_id !== null && target.viewer_member)) throw new OwnEntryVoteError();
    if (target.role) throw new SponsorVoteError();
    const voterCreatedAt = target.voter_created_at === null ? now : new Date(target.voter_created_at);
    if (!isAccountOldEnough(target.voter_created_at === null ? null : voterCreatedAt, this.minAccountAgeHours, now)) {
      throw new AccountTooNewToVoteError(this.minAccountAgeHours);
    }
    return this.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      if (!isVotingOpen(await this.votingOf(em, target.challenge_id, true), this.clock())) throw new VotingClosedError();
      const [already] = await em.execute(`select 1 from vote where submission_id = ? and voter_id = ?`, [target.id, voterId]);
      if (already) throw new AlreadyVotedError();
      const [ballot] = await em.execute<{ votes_used: number }[]>(
        `insert into ballot as b (challenge_id, voter_id, votes_used) values (?, ?, 1)
         on conflict (challenge_id, voter_id) do update set votes_used = b.votes_used + 1 where b.votes_used < ?
         returning b.votes_used`,
        [target.challenge_id, voterId, VOTES_PER_VOTER],
      );
      if (!ballot) throw new VotesUsedUpError();
      await em.execute(`select id from submission where id = ? for no key update`, [target.id]);
      const address = this.clientAddress;
      // One address's votes on a challenge serialize too (they span submissions): the 6th always sees the 5 before.
      if (address) await em.execute(`select pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))`, [target.challenge_id, address]);
      const [counts] = await em.execute<{ recent_from_address: number; batch_voters: number }[]>(
        `select
           (case when ?::inet is null then 0 else
             (select count(*)::int from vote where challenge_id = ? and client_address = ?::inet and created_at > now() - ?::interval) end) as recent_from_address,
           (select count(*)::int from vote where submission_id = ? and voter_id <> ?
              and voter_created_at between ?::timestamptz - ?::interval and ?::timestamptz + ?::interval) as batch_voters`,
        [address, target.challenge_id, address, `${FRAUD_WINDOW_MS} milliseconds`, target.id, voterId, voterCreatedAt, `${FRAUD_WINDOW_MS} milliseconds`, voterCreatedAt, `${FRAUD_WINDOW_MS} milliseconds`],
      );
      const reason = voteFlagReason({ recentFromAddress: counts.recent_from_address, batchVoters: counts.batch_voters });
      const [vote] = await em.execute<{ id: string }[]>(
        `insert into vote (id, challenge_id, submission_id, voter_id, voter_created_at, client_address, counted, flag_reason)
         values (?, ?, ?, ?, ?, ?::inet, ?, ?)
         on conflict (submission_id, voter_id) do nothing
         returning id`,
        [uuidv7(), target.challenge_id, target.id, voterId, voterCreatedAt, address, reason === null, reason],
      );
      // The same voter's parallel vote for this entry committed first (the ballot's lock ordered them).
      if (!vote) throw new AlreadyVotedError();
      if (reason === null) await em.execute(`update submission set vote_count = vote_count + 1 where id = ?`, [target.id], 'run');
      return { voteId: vote.id, challengeId: target.challenge_id };
    });
  }

  /** Reverses exactly what the vote did: the vote deleted, the ballot given the vote back, the counter if counted. */
  async withdrawVote(voterId: string, submissionId: string): Promise<void> {
    const target = await this.target(voterId, submissionId);
    if (!isVotingOpen(await this.votingOf(this.em, target.challenge_id, false), this.clock())) throw new VotingClosedError();
    await this.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      if (!isVotingOpen(await this.votingOf(em, target.challenge_id, true), this.clock())) throw new VotingClosedError();
      // The ballot first, as castVote: one voter's cast and withdraw serialize in one order.
      await em.execute(`select votes_used from ballot where challenge_id = ? and voter_id = ? for update`, [target.challenge_id, voterId]);
      const [vote] = await em.execute<{ counted: boolean }[]>(`delete from vote where submission_id = ? and voter_id = ? returning counted`, [target.id, voterId]);
      if (!vote) throw new VoteNotFoundError(submissionId);
      await em.execute(`update ballot set votes_used = votes_used - 1 where challenge_id = ? and voter_id = ?`, [target.challenge_id, voterId], 'run');
      if (vote.counted) await em.execute(`update submission set vote_count = vote_count - 1 where id = ?`, [target.id], 'run');
    });
  }

  /** The entry as the voter may see it: NOT_FOUND unless public to them (isSubmissionPublic). One statement. */
  private async target(voterId: string, submissionId: string): Promise<VoteTargetRow> {
    const [row] = isUuid(submissionId)
      ? await this.em.execute<VoteTargetRow[]>(
          `select s.id, s.challenge_id, s.author_id, s.team_id,
             (s.team_id is not null and exists (select 1 from team_member tm where tm.team_id = s.team_id and tm.user_id = ?)) as viewer_member,
             c.visibility, c.published, c.submission_visibility, c.submissions_closed_at, m.role,
             ${ROLE_OF('c.id', '?::uuid')} as challenge_role,
             (select u.created_at from user_view u where u.id = ?) as voter_created_at
           from submission s
           join challenge_view c on c.id = s.challenge_id
           left join membership_view m on m.organization_id = c.organization_id and m.user_id = ? and m.role is not null
           where s.id = ?`,
          [voterId, voterId, voterId, voterId, submissionId],
        )
      : [];
    if (!row || !isSubmissionPublic(audienceOf(row), row.role, row.challenge_role)) throw new SubmissionNotFoundError(submissionId);
    return row;
  }

  private async votingOf(em: EntityManager, challengeId: string, lock: boolean): Promise<VotingState | null> {
    const [row] = await em.execute<VotingRow[]>(`select ${VOTING_COLUMNS('c')} from challenge_view c where c.id = ?${lock ? ' for share' : ''}`, [challengeId]);
    return row ? votingStateOf(row) : null;
  }

  /** Each challenge's window and the viewer's votes used (0 signed out). One statement. */
  async votingByChallengeIds(challengeIds: readonly string[]): Promise<Map<string, ChallengeVotingSnapshot>> {
    const keys = uuids(challengeIds);
    if (keys.length === 0) return new Map();
    const rows = await this.em.execute<(VotingRow & { id: string; votes_used: number | null })[]>(
      `select c.id, ${VOTING_COLUMNS('c')}, b.votes_used
       from challenge_view c left join ballot b on b.challenge_id = c.id and b.voter_id = ?
       where c.id = any(?::uuid[])`,
      [this.viewerId ?? NIL_UUID, pgArray(keys)],
    );
    return new Map(rows.map((r) => [r.id, { challengeId: r.id, ...votingStateOf(r), votesUsed: r.votes_used ?? 0 }]));
  }

  /** Which of these submissions the viewer voted for (a flagged vote too: it is theirs to withdraw); empty when signed out. */
  async viewerVotedSubmissionIds(submissionIds: readonly string[]): Promise<Set<string>> {
    const keys = uuids(submissionIds);
    if (!this.viewerId || keys.length === 0) return new Set();
    const rows = await this.em.execute<{ submission_id: string }[]>(`select submission_id from vote where voter_id = ? and submission_id = any(?::uuid[])`, [
      this.viewerId,
      pgArray(keys),
    ]);
    return new Set(rows.map((r) => r.submission_id));
  }

  /** Submission.voteCount: the counted votes. One statement. */
  async voteCountsBySubmissionIds(submissionIds: readonly string[]): Promise<Map<string, number>> {
    const keys = uuids(submissionIds);
    if (keys.length === 0) return new Map();
    const rows = await this.em.execute<{ id: string; vote_count: number }[]>(`select id, vote_count from submission where id = any(?::uuid[])`, [pgArray(keys)]);
    return new Map(rows.map((r) => [r.id, r.vote_count]));
  }

  /**
   * A page of a challenge's entries by votes (most first, then earlier first submission, id): one keyset scan of
   * submission_vote_ranking_idx from the cursor's row; `limit + 1` rows. Callers authorize (public entries only).
   * Counts move while someone pages: an entry may then show twice or not at all, as in any live ranking.
   */
  async pageByVotes(challengeId: string, limit: number, after: VoteRankingKeyset | null): Promise<(SubmissionSnapshot & { voteCount: number })[]> {
    if (!isUuid(challengeId)) return [];
    const rows = await this.em.execute<(SubmissionRow & { vote_count: number })[]>(
      `select ${SNAPSHOT_COLUMNS}, s.vote_count
       from (
         select p.* from submission p
         where p.challenge_id = ? and (-p.vote_count, p.first_submitted_at, p.id) > (?::int, ?::timestamptz, ?::uuid)
         order by -p.vote_count, p.first_submitted_at, p.id
         limit ?
       ) s
       ${CURRENT_VERSION_JOIN}
       order by -s.vote_count, s.first_submitted_at, s.id`,
      [challengeId, after ? -after.voteCount : -2147483647, after ? after.at.toISOString() : '-infinity', after?.id ?? NIL_UUID, limit + 1],
    );
    return rows.map((row) => ({ ...toSnapshot(row), voteCount: row.vote_count }));
  }

  /** A page of a challenge's flagged votes, (created_at, id) keyset on vote_flagged_idx; `limit + 1` rows. Callers authorize. */
  async flaggedPage(challengeId: string, limit: number, after: SubmissionKeyset | null): Promise<FlaggedVoteSnapshot[]> {
    if (!isUuid(challengeId)) return [];
    const rows = await this.em.execute<{ id: string; voter_id: string; submission_id: string; flag_reason: VoteFlagReasonName; created_at: Date }[]>(
      `select id, voter_id, submission_id, flag_reason, created_at from vote
       where challenge_id = ? and not counted and (created_at, id) > (?::timestamptz, ?::uuid)
       order by created_at, id
       limit ?`,
      [challengeId, after ? after.at.toISOString() : '-infinity', after?.id ?? NIL_UUID, limit + 1],
    );
    return rows.map((r) => ({ id: r.id, voterId: r.voter_id, submissionId: r.submission_id, reason: r.flag_reason, createdAt: new Date(r.created_at) }));
  }
}

/** May the viewer read a challenge's flagged votes? The sponsor's OWNERs and ADMINs. */
export const mayReadFlaggedVotes = isSponsorReviewer;

/**
 * The end of voting (ChallengeChanged.votingClosed), inside the consumer's transaction that applied it: the counted
 * votes' ranking is fixed once (vote_ranking_fixed_at, claimed by the statement that sets it; its row lock waits for
 * votes in flight, which hold a share lock) and sent to payouts (VotingRankingFixed): the most votes first, then the
 * earlier submission; entries with votes only; at most the community-choice places.
 */
export async function fixVoteRankingOnce(em: EntityManager, challengeId: string): Promise<void> {
  const [claimed] = await em.execute<{ community_places: number }[]>(
    `update challenge_view set vote_ranking_fixed_at = now()
     where id = ? and voting_closed and vote_ranking_fixed_at is null
     returning community_places`,
    [challengeId],
  );
  if (!claimed) return;
  const ranking =
    claimed.community_places > 0
      ? await em.execute<{ id: string; vote_count: number }[]>(
          `select id, vote_count from submission where challenge_id = ? and vote_count > 0
           order by -vote_count, first_submitted_at, id limit ?`,
          [challengeId, claimed.community_places],
        )
      : [];
  recordEvent(em, 'VotingRankingFixed', { challengeId, ranking: ranking.map((r) => ({ submissionId: r.id, voteCount: r.vote_count })) });
}
